// Discord's JSON error bodies, including the nested `errors` tree of a 50035 "Invalid Form Body",
// built from zod issues and from the stand-in's own limit checks alike.

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** One reason a field was refused, at its path in the request body. */
export interface FieldProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

export const unknownInteraction: DiscordErrorBody = { code: 10062, message: 'Unknown interaction' };
export const alreadyAcknowledged: DiscordErrorBody = { code: 40060, message: 'Interaction has already been acknowledged.' };
export const unknownWebhook: DiscordErrorBody = { code: 10015, message: 'Unknown Webhook' };
export const unknownMessage: DiscordErrorBody = { code: 10008, message: 'Unknown Message' };
export const emptyMessage: DiscordErrorBody = { code: 50006, message: 'Cannot send an empty message' };
export const unauthorized: DiscordErrorBody = { code: 0, message: '401: Unauthorized' };
export const invalidJson: DiscordErrorBody = { code: 50109, message: 'The request body contains invalid JSON.' };
export const unknownApplication: DiscordErrorBody = { code: 10002, message: 'Unknown Application' };
export const notFound: DiscordErrorBody = { code: 0, message: '404: Not Found' };

export function invalidFormBody(problems: FieldProblem[]): DiscordErrorBody {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) {
      node = (node[String(key)] ??= {}) as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    if (!list.some((entry) => entry.code === problem.code)) list.push({ code: problem.code, message: problem.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}

/** The parts of a zod (v4) issue the translation needs. */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  expected?: string;
  format?: string;
  values?: unknown[];
  errors?: ZodIssueLike[][];
}

/**
 * Says what zod found wrong in Discord's words. `body` is the value the issues' paths start from,
 * and `prefix` is where that value sits in the whole request body.
 */
export function problemsFromZod(issues: readonly ZodIssueLike[], body: unknown, prefix: (string | number)[] = []): FieldProblem[] {
  return issues.flatMap((issue) => {
    const relative = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    const value = valueAt(body, relative);
    if (issue.code === 'invalid_union' && issue.errors) {
      // Report the alternative that came closest to matching, as Discord does for typed unions.
      const closest = [...issue.errors].sort((left, right) => left.length - right.length)[0];
      if (closest && closest.length > 0) return problemsFromZod(closest, value, [...prefix, ...relative]);
    }
    return [{ path: [...prefix, ...relative], ...describeIssue(issue, value) }];
  });
}

function describeIssue(issue: ZodIssueLike, value: unknown): { code: string; message: string } {
  const isLength = issue.origin === 'string' || issue.origin === 'array';
  switch (issue.code) {
    case 'too_big':
      return isLength
        ? { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${issue.maximum} or fewer in length.` }
        : { code: 'NUMBER_TYPE_MAX', message: `Value should be less than or equal to ${issue.maximum}.` };
    case 'too_small':
      return isLength
        ? { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${issue.minimum} or more in length.` }
        : { code: 'NUMBER_TYPE_MIN', message: `Value should be greater than or equal to ${issue.minimum}.` };
    case 'invalid_type':
      return value === undefined
        ? { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }
        : { code: `${String(issue.expected).toUpperCase()}_TYPE_COERCE`, message: `Value "${String(value)}" is not ${issue.expected}.` };
    case 'invalid_value':
      return { code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${(issue.values ?? []).join(', ')}}.` };
    case 'invalid_format':
      return issue.format === 'url'
        ? { code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' }
        : { code: 'DATE_TYPE_PARSE', message: `Could not parse ${String(value)}. Should be ISO8601.` };
    default:
      return { code: 'BASE_TYPE_INVALID', message: `Invalid value (${issue.code}).` };
  }
}

function valueAt(body: unknown, path: (string | number)[]): unknown {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
