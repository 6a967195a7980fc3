// The gold file: what a careful reader finds in each article of a folder (its meetings, agreements,
// the sentences that must not become either, and questions with the sentence that answers them).
// One JSON object keyed by article id; a folder of such files is merged. Written by hand, never
// from the program's own output.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const person = z.strictObject({ name: z.string().min(1), role: z.string().min(1).optional() });
const status = z.enum(['held', 'planned']);

const meeting = z.strictObject({
  status,
  kind: z.enum(['meeting', 'call']).optional(),
  /** The event's date, as precise as the text allows: `2024-12-22`, `2024-12` or `2024`. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  participants: z.array(person).min(1),
  place: z.string().min(1).optional(),
});

const agreement = z.strictObject({
  status,
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  /** An exact piece of the sentence that states the agreement. */
  quote: z.string().min(1),
  parties: z.array(z.string().min(1)).optional(),
});

const question = z.strictObject({ q: z.string().min(1), lang: z.enum(['vi', 'en']), answer: z.string().min(1) });

const goldArticle = z.strictObject({
  meetings: z.array(meeting).default([]),
  agreements: z.array(agreement).default([]),
  notMeetings: z.array(z.string().min(1)).default([]),
  notAgreements: z.array(z.string().min(1)).default([]),
  questions: z.array(question).default([]),
});

export const goldSchema = z.record(z.string(), goldArticle);
export type Gold = z.infer<typeof goldSchema>;
export type GoldArticle = Gold[string];
export type GoldMeeting = GoldArticle['meetings'][number];
export type GoldAgreement = GoldArticle['agreements'][number];
export type GoldQuestion = GoldArticle['questions'][number];

/** Reads one gold file, or every `*.json` of a folder merged (an article id in two files is an error). */
export async function readGold(path: string): Promise<Gold> {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const gold: Gold = {};
  for (const file of files) {
    const parsed = goldSchema.safeParse(JSON.parse((await readFile(file, 'utf8')).normalize('NFC')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    for (const [id, article] of Object.entries(parsed.data)) {
      if (gold[id]) throw new Error(`${file}: article ${id} is already described in another gold file`);
      gold[id] = article;
    }
  }
  return gold;
}
