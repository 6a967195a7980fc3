// What a member can ask, validated once for every front end (CLI, Discord, playground):
// bad input becomes a clear message here, never an exception deeper in.
import { z } from 'zod';

/** Longest free text we search: long enough for any real question, short enough to stay fast. */
export const MAX_QUERY_LENGTH = 300;
/** Options that name a person or topic are shorter still. */
export const MAX_TERM_LENGTH = 100;

const year = z.coerce
  .number({ error: 'year must be a number, e.g. 2025' })
  .int('year must be a whole number, e.g. 2025')
  .min(1900, 'year must be between 1900 and 2100')
  .max(2100, 'year must be between 1900 and 2100');
const month = z.coerce
  .number({ error: 'month must be a number from 1 to 12' })
  .int('month must be a whole number from 1 to 12')
  .min(1, 'month must be a number from 1 to 12')
  .max(12, 'month must be a number from 1 to 12');

/**
 * Text options: checked for length as typed (as Discord counts it: NFC can lengthen some characters,
 * and a text Discord let through must not be refused for it), then NFC, zero-width characters removed,
 * whitespace collapsed, and checked not to be empty.
 */
function text(label: string, max: number) {
  return z
    .string()
    .max(max, `${label} is too long (${max} characters at most)`)
    .transform((value) => value.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, `${label} is empty: type a few words`));
}

const whoMet = z.strictObject({
  command: z.literal('who-met'),
  year: year.optional(),
  month: month.optional(),
  person: text('person', MAX_TERM_LENGTH).optional(),
});
const agreements = z.strictObject({
  command: z.literal('agreements'),
  year: year.optional(),
  topic: text('topic', MAX_TERM_LENGTH).optional(),
});
const ask = z.strictObject({
  command: z.literal('ask'),
  question: text('question', MAX_QUERY_LENGTH),
  year: year.optional(),
});
const sources = z.strictObject({ command: z.literal('sources') });
const sentence = z.coerce
  .number({ error: 'sentence must be a number, e.g. 2 for the second sentence' })
  .int('sentence must be a whole number, e.g. 2')
  .min(1, 'sentence must be 1 or more (1 is the first sentence of the paragraph)')
  .max(999, 'sentence must be at most 999');
const cite = z.strictObject({ command: z.literal('cite'), id: text('id', MAX_TERM_LENGTH), sentence: sentence.optional() });

export const questionSchema = z.discriminatedUnion('command', [whoMet, agreements, ask, sources, cite]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = Record<string, unknown> & { command: string };

/** The commands and their options, for help texts and "unknown option" messages. */
export const commandOptions: Record<Question['command'], readonly string[]> = {
  'who-met': ['year', 'month', 'person'],
  agreements: ['year', 'topic'],
  ask: ['question', 'year'],
  sources: [],
  cite: ['id', 'sentence'],
};

export type ParsedQuestion = { ok: true; question: Question } | { ok: false; errors: string[] };

/** Checks raw options (strings from a command line, or Discord's typed values) against the schema. */
export function parseQuestion(input: QuestionInput): ParsedQuestion {
  const known = commandOptions[input.command as Question['command']];
  if (!known) {
    return {
      ok: false,
      errors: [`unknown command "${input.command}": try ${Object.keys(commandOptions).map((name) => `/${name}`).join(', ')}`],
    };
  }
  const unknown = Object.keys(input).filter((key) => key !== 'command' && !known.includes(key));
  if (unknown.length > 0) {
    const allowed = known.length > 0 ? `/${input.command} takes ${known.join(', ')}` : `/${input.command} takes no options`;
    return { ok: false, errors: unknown.map((key) => `unknown option "${key}": ${allowed}`) };
  }
  const parsed = questionSchema.safeParse(input);
  if (parsed.success) return { ok: true, question: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => issue.message) };
}
