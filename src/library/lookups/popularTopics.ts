// What the corpus talks about most, for "try these" when a question matches nothing and has no
// close spelling in the corpus: the phrases that recur in what was agreed, and the people named
// in the most meetings. Computed once per library: LibraryStore does it while loading, in slices
// (`preparePopular`); a library made another way computes them on first need.
import type { Library } from '../library.ts';
import { searchTokens } from '../../search/vietnameseAnalyzer.ts';
import { type Checkpoint, derivedOnce } from '../../text/steps.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';

/** Topics and people kept, most frequent first: the answers show at most 5. */
const KEPT = 25;

/** The most frequent topics, KEPT of them (stored in the library's cache, see storedLookups.ts). */
export const topicsOf = derivedOnce(popularTopicSteps);
/** The people in the most meetings, KEPT of them (stored in the cache too). */
export const peopleOf = derivedOnce(prominentPeopleSteps);

/** Two-syllable phrases of lowercase, non-stopword syllables, most frequent first. */
export function popularTopics(library: Library, limit = 5): string[] {
  return topicsOf.get(library).slice(0, limit);
}

/** People who took part in the most meetings. Counted once per library. */
export function prominentPeople(library: Library, limit = 3): string[] {
  return peopleOf.get(library).slice(0, limit);
}

/** Computes both lists for `library` ahead of need, pausing at `checkpoint`. */
export async function preparePopular(library: Library, checkpoint: Checkpoint): Promise<void> {
  await topicsOf.prepare(library, checkpoint);
  await peopleOf.prepare(library, checkpoint);
}

function* popularTopicSteps(library: Library): Generator<void, string[], void> {
  // Thousands of agreements share a summary: each distinct one is read once, and counts as often as it recurs.
  const timesOfSummary = new Map<string, number>();
  for (let position = 0; position < library.agreements.length; position++) {
    const { summary } = library.agreements.at(position);
    timesOfSummary.set(summary, (timesOfSummary.get(summary) ?? 0) + 1);
    if (position % (ITEMS_PER_STEP * 20) === ITEMS_PER_STEP * 20 - 1) yield;
  }
  yield;
  const counts = new Map<string, { display: string; count: number }>();
  let read = 0;
  for (const [summary, times] of timesOfSummary) {
    const tokens = searchTokens(summary);
    // A summary starts with the agreement verb (`nhất trí`, `cam kết`): what follows is the topic.
    for (let i = 2; i + 1 < tokens.length; i++) {
      const left = tokens[i]!;
      const right = tokens[i + 1]!;
      if (left.isStopword || right.isStopword || !left.adjacentToNext || !isLowercaseWord(left.text) || !isLowercaseWord(right.text))
        continue;
      const key = `${left.folded} ${right.folded}`;
      const entry = counts.get(key) ?? { display: `${left.text} ${right.text}`, count: 0 };
      entry.count += times;
      counts.set(key, entry);
    }
    if (++read % ITEMS_PER_STEP === 0) yield;
  }
  // Only the first few are ever shown: keep the most frequent without sorting every phrase (the first
  // seen first among equals, as a stable sort would).
  const top: { display: string; count: number; seen: number }[] = [];
  const before = (a: (typeof top)[number], b: (typeof top)[number]) => b.count - a.count || a.seen - b.seen;
  let seen = 0;
  for (const { display, count } of counts.values()) {
    const entry = { display, count, seen: seen++ };
    if (top.length < KEPT || before(entry, top[top.length - 1]!) < 0) {
      top.push(entry);
      top.sort(before);
      if (top.length > KEPT) top.pop();
    }
    if (seen % (ITEMS_PER_STEP * 20) === 0) yield;
  }
  return top.map((entry) => entry.display);
}

function* prominentPeopleSteps(library: Library): Generator<void, string[], void> {
  const meetingsByName = new Map<string, number>();
  for (let position = 0; position < library.meetings.length; position++) {
    for (const person of library.meetings.at(position).participants ?? [])
      meetingsByName.set(person.name, (meetingsByName.get(person.name) ?? 0) + 1);
    if (position % (ITEMS_PER_STEP * 20) === 0) yield;
  }
  // Only the first few are ever shown: pick them without sorting every name.
  const top: [string, number][] = [];
  const before = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  let seen = 0;
  for (const entry of meetingsByName) {
    if (top.length < KEPT || before(entry, top[top.length - 1]!) < 0) {
      top.push(entry);
      top.sort(before);
      if (top.length > KEPT) top.pop();
    }
    if (++seen % (ITEMS_PER_STEP * 20) === 0) yield;
  }
  return top.map(([name]) => name);
}

const STARTS_LOWERCASE = /^\p{Ll}/u;

/** Starts with a lowercase letter and holds no digit 0–9 (an ASCII first letter is told without a regex). */
function isLowercaseWord(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first < 0x80 ? first < 0x61 || first > 0x7a : !STARTS_LOWERCASE.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return false;
  }
  return true;
}
