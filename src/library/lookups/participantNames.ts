// The names of the meetings' participants, by word: what /who-met reads a typed name with ("rutte",
// "mark r", "stolt", "sukyeol", or a title's word such as "NATO"), and "did you mean" when none match.
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { editDistance } from '../../text/editDistance.ts';
import { GrowingUint32 } from '../../text/growingUint32.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { type NameWords, NameWordsBuilder } from './nameWords.ts';

export interface ParticipantNames {
  /** Every participant name, in the order of their first meeting. */
  names: string[];
  /** Every folded word of every participant's name (and the name written solid from each word). */
  participantsByWord: NameWords;
  /** Every folded word of each titled participant's titles and name: `NATO`, `Nhật Bản`, `Tổng thư ký`. */
  participantsByTitleWord: NameWords;
}

export const participantNamesIndex = derivedOnce(participantNameSteps);

/** The index's construction, paused (a `yield`) every ITEMS_PER_STEP items. */
function* participantNameSteps(library: Library): Generator<void, ParticipantNames, void> {
  const participantWords = new Map<string, string[]>();
  /** The titles each participant is given (`Tổng thư ký NATO`), so `NATO` or `Nhật Bản` finds them. */
  const rolesOf = new Map<string, string[]>();
  for (let position = 0; position < library.meetings.length; position++) {
    for (const person of library.meetings.at(position).participants ?? []) {
      if (!participantWords.has(person.name)) participantWords.set(person.name, foldedWords(person.name));
      if (person.role) {
        // A participant is given a few distinct titles at most: a list is lighter than a set.
        const roles = rolesOf.get(person.name);
        if (!roles) rolesOf.set(person.name, [person.role]);
        else if (!roles.includes(person.role)) roles.push(person.role);
      }
    }
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  const names = [...participantWords.keys()];
  const idOfName = new Map<string, number>();
  const byName = new NameWordsBuilder();
  for (let nameId = 0; nameId < names.length; nameId++) {
    const words = participantWords.get(names[nameId]!)!;
    idOfName.set(names[nameId]!, nameId);
    // Each word, and the name written solid from each word on ("sukyeol" for "Yoon Suk-yeol").
    for (const word of new Set(words)) byName.add(word, nameId, 0);
    for (let i = 0; i + 1 < words.length; i++) {
      const solid = words.slice(i).join('');
      if (!words.includes(solid)) byName.add(solid, nameId, 1);
    }
    if (nameId % ITEMS_PER_STEP === 0) yield;
  }
  const participantsByWord = yield* byName.build();
  // A title (a few hundred distinct) is given to thousands of participants: each is folded once.
  const roleWords = new Map<string, string[]>();
  const byTitle = new NameWordsBuilder();
  let titled = 0;
  for (const [name, roles] of rolesOf) {
    const words = new Set<string>();
    for (const role of roles) {
      let folded = roleWords.get(role);
      if (!folded) roleWords.set(role, (folded = foldedWords(role)));
      for (const word of folded) words.add(word);
    }
    for (const word of participantWords.get(name)!) words.add(word);
    const nameId = idOfName.get(name)!;
    for (const word of words) byTitle.add(word, nameId, 0);
    if (++titled % ITEMS_PER_STEP === 0) yield;
  }
  const participantsByTitleWord = yield* byTitle.build();
  return { names, participantsByWord, participantsByTitleWord };
}

/**
 * Names of meeting participants that the typed text (its `foldedWords`) matches, as their positions in `names` (each
 * once, in no particular order): every typed word starts one of the name's words ("rutte", "mark r",
 * "stolt"), or of the titles they are given ("NATO", "Tổng thư ký NATO", "Nhật Bản"), or stands
 * inside the name written solid ("sukyeol"). A view of scratch space that the next call reuses.
 */
export function participantIdsMatching(library: Library, typedWords: readonly string[]): Uint32Array {
  const { participantsByWord, participantsByTitleWord, names } = participantNamesIndex.get(library);
  if (typedWords.length === 0) return everyId(names.length);
  // A name is the precise answer; only when no name matches are titles, organisations and countries read.
  const byName = namesWithEveryWord(participantsByWord, names.length, typedWords);
  return byName.length > 0 ? byName : namesWithEveryWord(participantsByTitleWord, names.length, typedWords);
}

/** The names matched, and each name's mark: the last typed word it matched (see `namesWithEveryWord`). */
const matched = new GrowingUint32();
let marks = new Uint32Array(1024);
/** The mark the next typed word gives; it only grows, so no mark of an earlier call is ever mistaken for one of this call. */
let nextMark = 1;

function everyId(count: number): Uint32Array {
  matched.length = 0;
  for (let id = 0; id < count; id++) matched.push(id);
  return matched.buffer.subarray(0, count);
}

function namesWithEveryWord(nameWords: NameWords, nameCount: number, typedWords: readonly string[]): Uint32Array {
  if (marks.length < nameCount || nextMark + typedWords.length >= 0xffffffff) {
    marks = new Uint32Array(Math.max(nameCount, marks.length));
    nextMark = 1;
  }
  // Each typed word, by binary search: the names with a word starting with it, marked as such when they
  // matched every word before it too. The first word's names are the candidates; those with the last mark remain.
  const { words, starts, nameIds } = nameWords;
  matched.length = 0;
  let mark = 0;
  for (let t = 0; t < typedWords.length; t++) {
    const typedWord = typedWords[t]!;
    const previousMark = mark;
    mark = nextMark++;
    for (let w = lowerBoundOf(words, typedWord); w < words.length; w++) {
      if (!words[w]!.startsWith(typedWord)) break;
      for (let entry = starts[w]!; entry < starts[w + 1]!; entry++) {
        const nameId = nameIds[entry]!;
        if (t === 0) {
          if (marks[nameId] === mark) continue;
          matched.push(nameId);
        } else if (marks[nameId] !== previousMark) continue;
        marks[nameId] = mark;
      }
    }
  }
  const candidates = matched.buffer;
  let kept = 0;
  for (let i = 0; i < matched.length; i++) if (marks[candidates[i]!] === mark) candidates[kept++] = candidates[i]!;
  return candidates.subarray(0, kept);
}

/**
 * Meeting participants whose name is spelled close to what was typed ("Stoltenbreg", "Rute"): some
 * word of the name within a third of its length in edits of a typed word. For "did you mean".
 * A misspelling rarely gets the first letter wrong, so only the name words sharing the typed word's
 * first letter are compared: one stretch of the sorted word list.
 */
export function participantsSpelledLike(library: Library, typed: string, limit: number): string[] {
  const typedWords = foldedWords(typed).filter((word) => word.length >= 3);
  const { names, participantsByWord } = participantNamesIndex.get(library);
  const { words, starts, nameIds, solid } = participantsByWord;
  const best = new Map<string, number>();
  for (const typedWord of typedWords) {
    const first = typedWord[0]!;
    for (let w = lowerBoundOf(words, first); w < words.length; w++) {
      const word = words[w]!;
      if (word[0] !== first) break;
      // Lengths further apart than the allowed edits can never match.
      const allowed = Math.max(1, Math.floor(word.length / 3));
      if (Math.abs(word.length - typedWord.length) > allowed) continue;
      // A word that is only ever a name written solid is never offered: no need to measure it.
      if (!hasOwnWordEntry(solid, starts[w]!, starts[w + 1]!)) continue;
      const distance = editDistance(word, typedWord, allowed);
      if (distance > allowed) continue;
      for (let entry = starts[w]!; entry < starts[w + 1]!; entry++) {
        const name = names[nameIds[entry]!]!;
        if (!solid[entry] && distance < (best.get(name) ?? Infinity)) best.set(name, distance);
      }
    }
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => name);
}

function hasOwnWordEntry(solid: Uint8Array, from: number, to: number): boolean {
  for (let entry = from; entry < to; entry++) if (!solid[entry]) return true;
  return false;
}
