// Runs a request body past Discord's generated schema and the stand-in's own limit checks,
// and answers with Discord's 50035 body when either finds something wrong.
import type { ZodMiniType } from 'zod/mini';
import { invalidFormBody, problemsFromZod, type DiscordErrorBody, type FieldProblem, type ZodIssueLike } from './discordErrors.ts';

export function validateBody(schema: ZodMiniType, body: unknown, extraProblems: FieldProblem[] = []): DiscordErrorBody | undefined {
  const parsed = schema.safeParse(body);
  const problems = parsed.success ? [] : problemsFromZod(parsed.error.issues as unknown as ZodIssueLike[], body);
  const all = [...problems, ...extraProblems];
  return all.length > 0 ? invalidFormBody(all) : undefined;
}
