// The names of `library.people` as autocomplete reads them while a name is typed: each folded and
// written solid.
import type { Library } from '../library.ts';
import type { Person } from '../../extract/items.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { type StringList, ArrayByIndex } from '../../text/listByIndex.ts';

/**
 * Each entry of `library.people` as its folded words written solid (`yoonsukyeol`), aligned with it:
 * a typed word that starts one of the name's words also stands inside this, so one string answers both.
 */
export const peopleWordsIndex = derivedOnce(solidNameSteps);

function* solidNameSteps(library: Library): Generator<void, StringList, void> {
  const solidNames: string[] = new Array(library.people.length);
  for (let i = 0; i < library.people.length; i++) {
    solidNames[i] = foldedWords(library.people.get(i)!.name).join('');
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  return new ArrayByIndex(solidNames);
}

/**
 * The solid names joined into one text, with where each starts: one `indexOf` jumps to the next name
 * that holds a typed word, where testing every name in turn took 2-4 ms at 74,000 people (1M
 * paragraphs) for a word few or no names hold. Each name found is then tested whole; the separator, a
 * line break that no folded word holds, spares testing names where a word only spans two of them.
 */
export const joinedPeopleWordsIndex = derivedOnce(joinedNameSteps);

interface JoinedNames {
  joined: string;
  /** Where each name starts in `joined`; one more entry: the length of `joined` plus one. */
  starts: Uint32Array;
}

function* joinedNameSteps(library: Library): Generator<void, JoinedNames, void> {
  const solidNames = yield* peopleWordsIndex.stepsOf(library);
  const starts = new Uint32Array(solidNames.length + 1);
  let offset = 0;
  for (let i = 0; i < solidNames.length; i++) {
    starts[i] = offset;
    offset += solidNames.get(i)!.length + 1;
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  starts[solidNames.length] = offset;
  // Joined a step's names at a time: at 74k people the names and their join took 10 ms at once.
  const parts: string[] = [];
  for (let from = 0; from < solidNames.length; from += ITEMS_PER_STEP) {
    const names: string[] = [];
    for (let i = from; i < Math.min(from + ITEMS_PER_STEP, solidNames.length); i++) names.push(solidNames.get(i)!);
    parts.push(names.join('\n'));
    yield;
  }
  return { joined: parts.join('\n'), starts };
}

/**
 * Entries of `library.people` the typed text matches (every typed word starts one of the name's words
 * or stands inside the name written solid), in the library's order, at most `limit`.
 */
export function peopleMatching(library: Library, typed: string, limit: number): Person[] {
  const typedWords = foldedWords(typed);
  if (typedWords.length === 0) return Array.from({ length: Math.min(limit, library.people.length) }, (_, i) => library.people.get(i)!);
  const { joined, starts } = joinedPeopleWordsIndex.get(library);
  // The longest typed word is found in the fewest names: the others are tested on those only.
  const rarest = typedWords.reduce((longest, word) => (word.length > longest.length ? word : longest));
  const found: Person[] = [];
  for (let from = 0; found.length < limit;) {
    const at = joined.indexOf(rarest, from);
    if (at < 0) break;
    const person = lowerBoundOf(starts, at + 1) - 1;
    const solid = joined.slice(starts[person]!, starts[person + 1]! - 1);
    if (typedWords.every((word) => solid.includes(word))) found.push(library.people.get(person)!);
    from = starts[person + 1]!;
  }
  return found;
}
