// The names of the meetings' participants, by word: what /who-met reads a typed name with ("rutte",
// "mark r", "stolt", "sukyeol", or a title's word such as "NATO"), and "did you mean" when none match.
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { editDistance } from '../../text/editDistance.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { ITEMS_PER_STEP, sortInSteps } from './pausingSteps.ts';

interface ParticipantNames {
  /** Every participant name, with its folded words (hyphenated parts split). */
  participantWords: Map<string, string[]>;
  /** Every folded word of every participant's name (and the name written solid from each word), sorted. */
  participantsByWord: NameWord[];
  /** Every folded word of each titled participant's titles and name, sorted: `NATO`, `Nhật Bản`, `Tổng thư ký`. */
  participantsByTitleWord: NameWord[];
}

/** One word of a participant's name; `solid` when it is the name's rest written as one word. */
interface NameWord {
  word: string;
  name: string;
  solid: boolean;
}

export const participantNamesIndex = derivedOnce(participantNameSteps);

/** The index's construction, paused (a `yield`) every ITEMS_PER_STEP items. */
function* participantNameSteps(library: Library): Generator<void, ParticipantNames, void> {
  const participantWords = new Map<string, string[]>();
  /** Words of the titles each participant is given (`Tổng thư ký NATO`), so `NATO` or `Nhật Bản` finds them. */
  const roleWords = new Map<string, Set<string>>();
  for (let position = 0; position < library.meetings.length; position++) {
    for (const person of library.meetings[position]!.participants ?? []) {
      if (!participantWords.has(person.name)) participantWords.set(person.name, foldedWords(person.name));
      if (person.role) {
        const words = roleWords.get(person.name) ?? new Set<string>();
        for (const word of foldedWords(person.role)) words.add(word);
        roleWords.set(person.name, words);
      }
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
  return { participantWords, participantsByWord: sortedParticipantsByWord, participantsByTitleWord };
}

/**
 * Names of meeting participants that the typed text matches: every typed word starts one of the
 * name's words ("rutte", "mark r", "stolt"), or of the titles they are given ("NATO", "Tổng thư ký
 * NATO", "Nhật Bản"), or stands inside the name written solid ("sukyeol").
 */
export function participantsMatching(library: Library, typed: string): Set<string> {
  const typedWords = foldedWords(typed);
  const { participantsByWord, participantsByTitleWord, participantWords } = participantNamesIndex.get(library);
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

/**
 * Meeting participants whose name is spelled close to what was typed ("Stoltenbreg", "Rute"): some
 * word of the name within a third of its length in edits of a typed word. For "did you mean".
 * A misspelling rarely gets the first letter wrong, so only the name words sharing the typed word's
 * first letter are compared: one stretch of the sorted word list.
 */
export function participantsSpelledLike(library: Library, typed: string, limit: number): string[] {
  const typedWords = foldedWords(typed).filter((word) => word.length >= 3);
  const { participantsByWord } = participantNamesIndex.get(library);
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
