// Discord's message limits, checked here as well as in the generated schemas: some (the 6,000-character
// embed total, five action rows, 100-character autocomplete values) are not in the OpenAPI spec at all,
// and the rest should not silently loosen if a future spec does.
import type { FieldProblem } from './discordErrors.ts';

type Json = Record<string, unknown>;
type Path = (string | number)[];

const IS_COMPONENTS_V2 = 1 << 15;
const EMBED_TOTAL_LIMIT = 6000;

export function messageLimitProblems(message: Json | undefined, at: Path): FieldProblem[] {
  if (!message) return [];
  const problems: FieldProblem[] = [];
  const check = (value: unknown, max: number, path: Path, min = 0) => {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
    if (length === undefined) return;
    if (length > max)
      problems.push({ path: [...at, ...path], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
    else if (length < min)
      problems.push({ path: [...at, ...path], code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` });
  };

  check(message.content, 2000, ['content']);
  const embeds = asArray(message.embeds);
  check(embeds, 10, ['embeds']);
  let embedCharacters = 0;
  embeds.forEach((embed, index) => {
    const fields = asArray(embed.fields);
    const footer = (embed.footer ?? {}) as Json;
    const author = (embed.author ?? {}) as Json;
    check(embed.title, 256, ['embeds', index, 'title']);
    check(embed.description, 4096, ['embeds', index, 'description']);
    check(fields, 25, ['embeds', index, 'fields']);
    fields.forEach((field, fieldIndex) => {
      check(field.name, 256, ['embeds', index, 'fields', fieldIndex, 'name'], 1);
      check(field.value, 1024, ['embeds', index, 'fields', fieldIndex, 'value'], 1);
    });
    check(footer.text, 2048, ['embeds', index, 'footer', 'text']);
    check(author.name, 256, ['embeds', index, 'author', 'name']);
    embedCharacters += [
      embed.title,
      embed.description,
      footer.text,
      author.name,
      ...fields.flatMap((field) => [field.name, field.value]),
    ].reduce<number>((sum, text) => sum + (typeof text === 'string' ? text.length : 0), 0);
  });
  if (embedCharacters > EMBED_TOTAL_LIMIT) {
    problems.push({
      path: [...at, 'embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: `Embed size exceeds maximum size of ${EMBED_TOTAL_LIMIT}`,
    });
  }

  const allowed = (message.allowed_mentions ?? {}) as Json;
  const parse = Array.isArray(allowed.parse) ? allowed.parse : [];
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && Array.isArray(allowed[kind]) && allowed[kind].length > 0) {
      problems.push({
        path: [...at, 'allowed_mentions'],
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }

  const rows = asArray(message.components);
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  if ((flags & IS_COMPONENTS_V2) === 0) {
    check(rows, 5, ['components']);
    rows.forEach((row, rowIndex) => {
      const children = asArray(row.components);
      check(children, 5, ['components', rowIndex, 'components'], 1);
      children.forEach((child, childIndex) => {
        check(child.custom_id, 100, ['components', rowIndex, 'components', childIndex, 'custom_id'], 1);
        check(child.label, 80, ['components', rowIndex, 'components', childIndex, 'label']);
      });
    });
  }
  return problems;
}

/** Whether Discord would refuse to post this as a new message (50006). */
export function isEmptyMessage(message: Json | undefined): boolean {
  if (!message) return true;
  const has = (value: unknown) => (typeof value === 'string' ? value.length > 0 : Array.isArray(value) ? value.length > 0 : Boolean(value));
  return !has(message.content) && !has(message.embeds) && !has(message.components) && !has(message.attachments) && !has(message.poll);
}

export function autocompleteProblems(data: Json | undefined, at: Path): FieldProblem[] {
  const choices = asArray(data?.choices);
  const problems: FieldProblem[] = [];
  if (choices.length > 25)
    problems.push({ path: [...at, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  choices.forEach((choice, index) => {
    const name = String(choice.name ?? '');
    if (name.length < 1)
      problems.push({ path: [...at, 'choices', index, 'name'], code: 'BASE_TYPE_MIN_LENGTH', message: 'Must be 1 or more in length.' });
    if (name.length > 100)
      problems.push({ path: [...at, 'choices', index, 'name'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    if (typeof choice.value === 'string' && choice.value.length > 100) {
      problems.push({ path: [...at, 'choices', index, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    }
  });
  return problems;
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((item) => item !== null && typeof item === 'object') as Json[]) : [];
}
