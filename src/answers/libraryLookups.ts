// Lookups derived from a Library once and kept for its lifetime, so that /who-met and /agreements do
// no per-item folding or splitting while answering (a 100k-paragraph corpus holds tens of thousands of
// meetings). Keyed by the library object, so a reload starts afresh. LibraryStore builds them right
// after loading, in slices (`prepareLookups`), so that no member's command pays for them and a reload
// never blocks the event loop; a library made another way (tests) builds them on first use.
import type { AgreementItem, AnswerItem, MeetingItem } from './answer.ts';
import type { Library } from '../library/library.ts';
import { foldedWords } from '../text/matchText.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';
import { preparePopular } from './popularTopics.ts';
import { prepareSources } from './sources.ts';
import { type Checkpoint, derivedOnce } from '../text/steps.ts';

interface Lookups {
  /** Article ids, lowercased and sorted, for prefix lookups while an id is typed. */
  sortedArticleIds: { lower: string; id: string }[];
  /** Folded words of each entry of `library.people`, aligned with it. */
  peopleWords: string[][];
  /** Every participant name, with its folded words (hyphenated parts split). */
  participantWords: Map<string, string[]>;
  /** Folded text of each agreement's quotes, aligned with `library.agreements`. */
  foldedAgreementQuotes: string[];
  /** Every folded word of every participant's name (and the name written solid from each word), sorted. */
  participantsByWord: NameWord[];
  /** Every folded word of each titled participant's titles and name, sorted: `NATO`, `Nhật Bản`, `Tổng thư ký`. */
  participantsByTitleWord: NameWord[];
  /** Positions in `library.meetings` of each participant's meetings, ascending. */
  meetingsByParticipant: Map<string, number[]>;
  /** Positions in `library.agreements` whose quotes hold each folded syllable, ascending. */
  agreementsBySyllable: Map<string, number[]>;
  /** Positions in `library.agreements` quoting each paragraph (`articleId#number`), ascending. */
  agreementsByParagraph: Map<string, number[]>;
  /** Each meeting's participants (name and title) and place, folded, one `|`-separated segment each. */
  foldedMeetingParties: string[];
  /** Positions in `library.meetings` whose participants or place hold each folded syllable, ascending. */
  meetingsByPartySyllable: Map<string, number[]>;
  /** Each agreement's parties (name and title), folded, one `|`-separated segment each. */
  foldedAgreementParties: string[];
  /** Positions in `library.agreements` whose parties hold each folded syllable, ascending. */
  agreementsByPartySyllable: Map<string, number[]>;
}

/** Items handled between two chances to pause: a few milliseconds of work at most. */
const ITEMS_PER_STEP = 500;

/** One word of a participant's name; `solid` when it is the name's rest written as one word. */
interface NameWord {
  word: string;
  name: string;
  solid: boolean;
}

const lookupsOf = derivedOnce(lookupSteps);

function lookups(library: Library): Lookups {
  return lookupsOf.get(library);
}

/**
 * Builds every lookup of `library` (and the "try these" lists of popularTopics.ts), calling
 * `checkpoint` every few milliseconds of work and waiting when it returns a promise: how LibraryStore
 * keeps the event loop free while a reloaded library gets ready.
 */
export async function prepareLookups(library: Library, checkpoint: Checkpoint = () => undefined): Promise<void> {
  await lookupsOf.prepare(library, checkpoint);
  await preparePopular(library, checkpoint);
  await prepareSources(library, checkpoint);
}

/** The lookups' construction, paused (a `yield`) every ITEMS_PER_STEP items. */
function* lookupSteps(library: Library): Generator<void, Lookups, void> {
  const participantWords = new Map<string, string[]>();
  /** Words of the titles each participant is given (`Tổng thư ký NATO`), so `NATO` or `Nhật Bản` finds them. */
  const roleWords = new Map<string, Set<string>>();
  const meetingsByParticipant = new Map<string, number[]>();
  for (let position = 0; position < library.meetings.length; position++) {
    for (const person of library.meetings[position]!.participants ?? []) {
      if (!participantWords.has(person.name)) participantWords.set(person.name, foldedWords(person.name));
      if (person.role) {
        const words = roleWords.get(person.name) ?? new Set<string>();
        for (const word of foldedWords(person.role)) words.add(word);
        roleWords.set(person.name, words);
      }
      const positions = meetingsByParticipant.get(person.name);
      if (!positions) meetingsByParticipant.set(person.name, [position]);
      else if (positions[positions.length - 1] !== position) positions.push(position);
    }
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  const participantsByWord: NameWord[] = [];
  let named = 0;
  for (const [name, words] of participantWords) {
    // Each word, and the name written solid from each word on ("sukyeol" for "Yoon Suk-yeol").
    for (const word of new Set(words)) participantsByWord.push({ word, name, solid: false });
    for (let i = 0; i + 1 < words.length; i++) {
      const solid = words.slice(i).join('');
      if (!words.includes(solid)) participantsByWord.push({ word: solid, name, solid: true });
    }
    if (++named % ITEMS_PER_STEP === 0) yield;
  }
  const byWord = (a: { word: string }, b: { word: string }) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
  const sortedParticipantsByWord = yield* sortInSteps(participantsByWord, byWord);
  const titleWords: NameWord[] = [];
  let titled = 0;
  for (const [name, words] of roleWords) {
    for (const word of new Set([...words, ...(participantWords.get(name) ?? [])])) titleWords.push({ word, name, solid: false });
    if (++titled % ITEMS_PER_STEP === 0) yield;
  }
  const participantsByTitleWord = yield* sortInSteps(titleWords, byWord);

  const foldedAgreementQuotes: string[] = [];
  const agreementsBySyllable = new Map<string, number[]>();
  const agreementsByParagraph = new Map<string, number[]>();
  for (let position = 0; position < library.agreements.length; position++) {
    const quote = foldDiacritics(library.agreements[position]!.citations.map((citation) => citation.quote).join('\n'));
    foldedAgreementQuotes.push(quote);
    for (const citation of library.agreements[position]!.citations) {
      const key = paragraphKey(citation.articleId, citation.paragraph);
      const positions = agreementsByParagraph.get(key);
      if (!positions) agreementsByParagraph.set(key, [position]);
      else if (positions[positions.length - 1] !== position) positions.push(position);
    }
    for (const syllable of new Set(quote.split(/[^\p{L}\p{N}]+/u))) {
      if (!syllable) continue;
      const positions = agreementsBySyllable.get(syllable);
      if (positions) positions.push(position);
      else agreementsBySyllable.set(syllable, [position]);
    }
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  const foldedMeetingParties: string[] = [];
  const meetingsByPartySyllable = new Map<string, number[]>();
  for (let position = 0; position < library.meetings.length; position++) {
    const meeting = library.meetings[position]!;
    const folded = partySegments(meeting.participants, meeting.place);
    foldedMeetingParties.push(folded);
    addSyllables(meetingsByPartySyllable, folded, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  const foldedAgreementParties: string[] = [];
  const agreementsByPartySyllable = new Map<string, number[]>();
  for (let position = 0; position < library.agreements.length; position++) {
    const folded = partySegments(library.agreements[position]!.parties, undefined);
    foldedAgreementParties.push(folded);
    addSyllables(agreementsByPartySyllable, folded, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  const peopleWords: string[][] = [];
  for (const person of library.people) {
    peopleWords.push(foldedWords(person.name));
    if (peopleWords.length % ITEMS_PER_STEP === 0) yield;
  }
  const articleIds = library.corpus.articles.map((article) => ({ lower: article.id.toLowerCase(), id: article.id }));
  yield;
  const sortedArticleIds = yield* sortInSteps(articleIds, (a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
  return {
    participantWords,
    participantsByWord: sortedParticipantsByWord,
    participantsByTitleWord,
    foldedAgreementQuotes,
    peopleWords,
    sortedArticleIds,
    meetingsByParticipant,
    agreementsBySyllable,
    agreementsByParagraph,
    foldedMeetingParties,
    meetingsByPartySyllable,
    foldedAgreementParties,
    agreementsByPartySyllable,
  };
}

/** ` yoon suk yeol tong thong han quoc | jens stoltenberg tong thu ky nato | hoi nghi thuong dinh nato ` */
function partySegments(people: readonly { name: string; role?: string }[] | undefined, place: string | undefined): string {
  const segments = (people ?? []).map((person) => foldedWords(person.role ? `${person.name} ${person.role}` : person.name).join(' '));
  if (place) segments.push(foldedWords(place).join(' '));
  return segments.length > 0 ? ` ${segments.join(' | ')} ` : '';
}

function addSyllables(index: Map<string, number[]>, folded: string, position: number): void {
  for (const syllable of new Set(folded.split(/[ |]/))) {
    if (!syllable) continue;
    const positions = index.get(syllable);
    if (!positions) index.set(syllable, [position]);
    else if (positions[positions.length - 1] !== position) positions.push(position);
  }
}

function paragraphKey(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

/**
 * A stable merge sort that pauses between runs: sorting tens of thousands of strings at once takes
 * longer than a slice of the event loop may.
 */
function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[], void> {
  const RUN = 2_048;
  let runs: T[][] = [];
  for (let start = 0; start < items.length; start += RUN) {
    runs.push(items.slice(start, start + RUN).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i]!;
      const right = runs[i + 1];
      if (!right) {
        merged.push(left);
        continue;
      }
      const out: T[] = new Array(left.length + right.length);
      let a = 0;
      let b = 0;
      let k = 0;
      while (a < left.length && b < right.length) {
        out[k++] = compare(right[b]!, left[a]!) < 0 ? right[b++]! : left[a++]!;
        if (k % (RUN * 4) === 0) yield;
      }
      while (a < left.length) out[k++] = left[a++]!;
      while (b < right.length) out[k++] = right[b++]!;
      merged.push(out);
      yield;
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

/**
 * Names of meeting participants that the typed text matches: every typed word starts one of the
 * name's words ("rutte", "mark r", "stolt"), or of the titles they are given ("NATO", "Tổng thư ký
 * NATO", "Nhật Bản"), or stands inside the name written solid ("sukyeol").
 */
export function participantsMatching(library: Library, typed: string): Set<string> {
  const typedWords = foldedWords(typed);
  const { participantsByWord, participantsByTitleWord, participantWords } = lookups(library);
  if (typedWords.length === 0) return new Set(participantWords.keys());
  // A name is the precise answer; only when no name matches are titles, organisations and countries read.
  const byName = namesWithEveryWord(participantsByWord, typedWords);
  return byName.size > 0 ? byName : namesWithEveryWord(participantsByTitleWord, typedWords);
}

function namesWithEveryWord(sortedWords: readonly NameWord[], typedWords: readonly string[]): Set<string> {
  // Each typed word, by binary search: the names with a word starting with it; then the names all share.
  let names: Set<string> | undefined;
  for (const typedWord of typedWords) {
    const withWord = new Set<string>();
    for (let i = lowerBound(sortedWords, typedWord, (entry) => entry.word); i < sortedWords.length; i++) {
      const entry = sortedWords[i]!;
      if (!entry.word.startsWith(typedWord)) break;
      withWord.add(entry.name);
    }
    names = names ? new Set([...names].filter((name) => withWord.has(name))) : withWord;
    if (names.size === 0) break;
  }
  return names ?? new Set();
}


/** Entries of `library.people` the typed text matches (as above), in the library's order, at most `limit`. */
export function peopleMatching(library: Library, typed: string, limit: number): Library['people'] {
  const typedWords = foldedWords(typed);
  const { peopleWords } = lookups(library);
  const found: Library['people'] = [];
  for (let i = 0; i < library.people.length && found.length < limit; i++) {
    if (wordsMatch(peopleWords[i]!, typedWords)) found.push(library.people[i]!);
  }
  return found;
}

function wordsMatch(nameWords: readonly string[], typedWords: readonly string[]): boolean {
  if (typedWords.length === 0) return true;
  const joined = nameWords.join('');
  return typedWords.every((word) => nameWords.some((part) => part.startsWith(word)) || joined.includes(word));
}

/** Scratch space for the positions a lookup finds, reused so that a command leaves one exact-size list behind. */
let scratch = new Uint32Array(1024);

function scratchOf(size: number): Uint32Array {
  if (scratch.length < size) scratch = new Uint32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/**
 * The agreements within positions [from, to) of `library.agreements` whose quotes contain every typed
 * word, compared without marks, in date order, in a new array: the rarest word's agreements (from a
 * syllable index), each checked for the other words in their own (sorted) lists, and only failing
 * that in the quote's text (a word may stand inside a longer one).
 */
export function agreementsContainingWords(library: Library, typed: string, from = 0, to = library.agreements.length): AnswerItem[] {
  const words = foldedWords(typed);
  if (words.length === 0) return [];
  const { agreementsBySyllable, foldedAgreementQuotes } = lookups(library);
  const lists: number[][] = [];
  for (const word of words) {
    const list = agreementsBySyllable.get(word);
    if (!list) return [];
    lists.push(list);
  }
  const rarestAt = lists.reduce((best, list, i) => (list.length < lists[best]!.length ? i : best), 0);
  const rarest = lists[rarestAt]!;
  // Candidates ascend, so each other list is walked once, by a cursor.
  const cursors = lists.map((list) => lowerBound(list, from, (value) => value));
  const found = scratchOf(rarest.length);
  let count = 0;
  for (let i = lowerBound(rarest, from, (value) => value); i < rarest.length && rarest[i]! < to; i++) {
    const position = rarest[i]!;
    let all = true;
    for (let w = 0; w < words.length && all; w++) {
      if (w === rarestAt) continue;
      const list = lists[w]!;
      let cursor = cursors[w]!;
      while (cursor < list.length && list[cursor]! < position) cursor++;
      cursors[w] = cursor;
      if (list[cursor] !== position) all = foldedAgreementQuotes[position]!.includes(words[w]!);
    }
    if (all) found[count++] = position;
  }
  const agreements: AnswerItem[] = new Array(count);
  for (let i = 0; i < count; i++) agreements[i] = library.agreements[found[i]!]!;
  return agreements;
}

/** Positions in `library.agreements` within [from, to) quoting any of `paragraphs`, ascending. */
export function agreementsQuoting(
  library: Library,
  paragraphs: readonly { articleId: string; paragraph: number }[],
  from = 0,
  to = library.agreements.length,
): number[] {
  const { agreementsByParagraph } = lookups(library);
  const positions = new Set<number>();
  for (const { articleId, paragraph } of paragraphs) {
    for (const position of agreementsByParagraph.get(paragraphKey(articleId, paragraph)) ?? []) {
      if (position >= from && position < to) positions.add(position);
    }
  }
  return [...positions].sort((a, b) => a - b);
}

/** One mark per meeting, reused by every /who-met; cleared as it is read. */
let meetingMarks = new Uint8Array(0);

/**
 * The meetings within positions [from, to) of `library.meetings` of any of `names`, in date order, in a
 * new array. Many names (a family name shared by hundreds) are merged through one mark per meeting.
 */
/**
 * The years in which any of `names` has a held meeting, ascending: for each year of the library, one
 * binary search per name in its sorted list of meetings (no list of meetings is built).
 */
export function yearsWithMeetings(library: Library, names: ReadonlySet<string>): number[] {
  const { meetingsByParticipant } = lookups(library);
  return library.years.filter((year) => {
    const [from, to] = dateRange(library.meetings, year);
    if (from === to) return false;
    for (const name of names) {
      const list = meetingsByParticipant.get(name);
      if (!list) continue;
      const at = lowerBound(list, from, (value) => value);
      if (at < list.length && list[at]! < to) return true;
    }
    return false;
  });
}

export function meetingsOfParticipants(library: Library, names: ReadonlySet<string>, from = 0, to = library.meetings.length): AnswerItem[] {
  const { meetingsByParticipant } = lookups(library);
  if (names.size === 1) {
    const list = meetingsByParticipant.get([...names][0]!) ?? [];
    const start = lowerBound(list, from, (value) => value);
    const end = lowerBound(list, to, (value) => value);
    const meetings: AnswerItem[] = new Array(end - start);
    for (let i = start; i < end; i++) meetings[i - start] = library.meetings[list[i]!]!;
    return meetings;
  }
  if (meetingMarks.length < to - from) meetingMarks = new Uint8Array(Math.max(to - from, meetingMarks.length * 2));
  const marked = meetingMarks;
  let count = 0;
  for (const name of names) {
    const list = meetingsByParticipant.get(name) ?? [];
    for (let i = lowerBound(list, from, (value) => value); i < list.length && list[i]! < to; i++) {
      if (marked[list[i]! - from] === 0) {
        marked[list[i]! - from] = 1;
        count++;
      }
    }
  }
  const meetings: AnswerItem[] = new Array(count);
  let next = 0;
  for (let i = 0; i < to - from && next < count; i++) {
    if (marked[i]) {
      marked[i] = 0;
      meetings[next++] = library.meetings[from + i]!;
    }
  }
  return meetings;
}

/** The date ranges already cut from each list, per library: the same few are asked again and again. */
const rangesByList = new WeakMap<readonly AnswerItem[], Map<string, readonly AnswerItem[]>>();
/** Distinct ranges kept per list: every year and month of a decade, and then some. */
const MAX_RANGES = 512;

/**
 * `items.slice(from, to)`, cut once and shared (frozen) by every answer that asks for the same range:
 * `/who-met year:2025` and each page button after it return thousands of items without copying them.
 */
export function itemsInRange(items: readonly AnswerItem[], from: number, to: number): readonly AnswerItem[] {
  let ranges = rangesByList.get(items);
  if (!ranges) rangesByList.set(items, (ranges = new Map()));
  const key = `${from}:${to}`;
  let range = ranges.get(key);
  if (!range) {
    if (ranges.size >= MAX_RANGES) ranges.clear();
    ranges.set(key, (range = Object.freeze(items.slice(from, to))));
  }
  return range;
}

/**
 * The positions [from, to) of items dated within a year (and month) in a list sorted by date, found by
 * binary search: dates are `YYYY-MM` or `YYYY-MM-DD`, so they sort as text.
 */
export function dateRange(items: readonly { date: string }[], year: number | undefined, month?: number): [number, number] {
  if (year === undefined) return [0, items.length];
  const prefix = month === undefined ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
  const date = (item: { date: string }) => item.date;
  return [lowerBound(items, prefix, date), lowerBound(items, `${prefix}\uffff`, date)];
}


/**
 * Meeting participants whose name is spelled close to what was typed ("Stoltenbreg", "Rute"): some
 * word of the name within a third of its length in edits of a typed word. For "did you mean".
 * A misspelling rarely gets the first letter wrong, so only the name words sharing the typed word's
 * first letter are compared: one stretch of the sorted word list.
 */
export function participantsSpelledLike(library: Library, typed: string, limit: number): string[] {
  const typedWords = foldedWords(typed).filter((word) => word.length >= 3);
  const { participantsByWord } = lookups(library);
  const best = new Map<string, number>();
  for (const typedWord of typedWords) {
    const first = typedWord[0]!;
    for (let i = lowerBound(participantsByWord, first, (entry) => entry.word); i < participantsByWord.length; i++) {
      const { word, name, solid } = participantsByWord[i]!;
      if (word[0] !== first) break;
      if (solid) continue;
      // Lengths further apart than the allowed edits can never match.
      const allowed = Math.max(1, Math.floor(word.length / 3));
      if (Math.abs(word.length - typedWord.length) > allowed) continue;
      const distance = editDistance(word, typedWord, allowed);
      if (distance <= allowed && distance < (best.get(name) ?? Infinity)) best.set(name, distance);
    }
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => name);
}

/** Two rows of the edit-distance table, kept between calls (names are short). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, two rows at a time; above `atMost` the exact value does not matter (any larger number). */
function editDistance(a: string, b: string, atMost: number): number {
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later cell is at least this row's smallest: past `atMost`, stop.
    if (rowMin > atMost) return atMost + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Ids of the articles whose id starts with `prefix` (case-insensitive), in id order, at most `limit`. */
export function articleIdsStartingWith(library: Library, prefix: string, limit: number): string[] {
  const { sortedArticleIds } = lookups(library);
  const lower = prefix.toLowerCase();
  const low = lowerBound(sortedArticleIds, lower, (entry) => entry.lower);
  const ids: string[] = [];
  for (let i = low; i < sortedArticleIds.length && ids.length < limit && sortedArticleIds[i]!.lower.startsWith(lower); i++) {
    ids.push(sortedArticleIds[i]!.id);
  }
  return ids;
}

/** The first position in `items` (sorted by `keyOf`) whose key is not below `key`. */
function lowerBound<T, Key extends string | number>(items: readonly T[], key: Key, keyOf: (item: T) => Key): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(items[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}


/**
 * One party a question names (`Hàn Quốc`, `Tổng thống Yoon`), as folded phrases that all stand for it
 * (its translations and other names included). A person or party of an item is that party when one of
 * its titled names holds every word of a phrase (`tong thong yoon` in `Tổng thống Hàn Quốc Yoon Suk-yeol`);
 * a place or quote when it holds the phrase itself.
 */
export type PartyPhrases = readonly (readonly string[])[];

/** Positions within [from, to) of the meetings whose participants or place are every party, ascending. */
export function meetingsOfParties(library: Library, parties: readonly PartyPhrases[], from = 0, to = library.meetings.length): number[] {
  const { meetingsByPartySyllable, foldedMeetingParties } = lookups(library);
  return itemsOfParties(parties, from, to, (syllable) => meetingsByPartySyllable.get(syllable), (position, party) =>
    segmentsHold(foldedMeetingParties[position]!, party),
  );
}

/** Positions within [from, to) of the agreements whose parties or quotes name every party, ascending. */
export function agreementsOfParties(library: Library, parties: readonly PartyPhrases[], from = 0, to = library.agreements.length): number[] {
  const { agreementsByPartySyllable, agreementsBySyllable, foldedAgreementParties, foldedAgreementQuotes } = lookups(library);
  const positionsOf = (syllable: string) => mergeAscending(agreementsByPartySyllable.get(syllable), agreementsBySyllable.get(syllable));
  return itemsOfParties(parties, from, to, positionsOf, (position, party) =>
    segmentsHold(foldedAgreementParties[position]!, party) || party.some((words) => holdsPhrase(foldedAgreementQuotes[position]!, words.join(' '))),
  );
}

/**
 * Whether one item names every party, checked on the item itself (for short lists such as the planned
 * meetings and agreements, which have no lookups): as `meetingsOfParties` and `agreementsOfParties` do.
 */
export function itemNamesParties(item: MeetingItem | AgreementItem, parties: readonly PartyPhrases[]): boolean {
  const segments = partySegments(item.kind === 'meeting' ? item.participants : item.parties, item.kind === 'meeting' ? item.place : undefined);
  const quote = item.kind === 'agreement' ? foldDiacritics(item.citations.map((citation) => citation.quote).join('\n')) : '';
  return parties.every((party) => segmentsHold(segments, party) || party.some((words) => holdsPhrase(quote, words.join(' '))));
}

function itemsOfParties(
  parties: readonly PartyPhrases[],
  from: number,
  to: number,
  positionsOf: (syllable: string) => readonly number[] | undefined,
  holds: (position: number, party: PartyPhrases) => boolean,
): number[] {
  if (parties.length === 0) return [];
  // Per party, per phrase, the items holding the phrase's rarest syllable; the party with the fewest drives.
  const listsOf = (party: PartyPhrases) =>
    party.map((words) => words.map((word) => positionsOf(word) ?? []).reduce((rarest, list) => (list.length < rarest.length ? list : rarest)));
  const lists = parties.map(listsOf);
  const sizes = lists.map((phraseLists) => phraseLists.reduce((sum, list) => sum + list.length, 0));
  const driver = sizes.indexOf(Math.min(...sizes));
  const candidates = new Set<number>();
  for (const list of lists[driver]!) {
    for (let i = lowerBound(list, from, (value) => value); i < list.length && list[i]! < to; i++) candidates.add(list[i]!);
  }
  // A one-word phrase's syllable list is exact: the driving party needs checking only for longer phrases.
  const toCheck = parties.filter((party, i) => i !== driver || party.some((words) => words.length > 1));
  return [...candidates].filter((position) => toCheck.every((party) => holds(position, party))).sort((a, b) => a - b);
}

function mergeAscending(a: readonly number[] | undefined, b: readonly number[] | undefined): readonly number[] | undefined {
  if (!a || !b) return a ?? b;
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** Some `|`-separated segment holds some phrase of the party, or every word of it (`tong thong yoon`). */
function segmentsHold(segments: string, party: PartyPhrases): boolean {
  if (!segments) return false;
  for (const words of party) {
    if (segments.includes(` ${words.join(' ')} `)) return true;
    if (words.length === 1) continue;
    // Every word within one segment, found without splitting the string.
    for (let start = 0; start < segments.length; ) {
      const bar = segments.indexOf('|', start);
      const end = bar < 0 ? segments.length : bar;
      if (words.every((word) => {
        const at = segments.indexOf(` ${word} `, start);
        return at >= 0 && at < end;
      })) return true;
      start = end + 1;
    }
  }
  return false;
}

/** `phrase` stands in `text` as whole words. */
function holdsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = at + phrase.length >= text.length ? ' ' : text[at + phrase.length]!;
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
