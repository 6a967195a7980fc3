// Words that lead to names (a participant's name words, the titles they are given), sorted for prefix
// search. Tens of thousands of (word, name) entries share a few thousand words: the words are sorted
// once each, and the entries kept in typed arrays, grouped by word.
import { sortInSteps } from './pausingSteps.ts';

/** The entries of `words[w]` are `starts[w]` up to `starts[w + 1]`, in the order they were added. */
export interface NameWords {
  /** Distinct words, sorted. */
  words: string[];
  starts: Uint32Array;
  /** Each entry's name, as its position in the names the builder was given. */
  nameIds: Uint32Array;
  /** 1 when the entry's word is the name's rest written as one word ("sukyeol" for "Yoon Suk-yeol"). */
  solid: Uint8Array;
}

/** Words laid out between two chances to pause. */
const WORDS_PER_STEP = 4_096;

export class NameWordsBuilder {
  /** Each word's entries, as `nameId * 2 + solid`. */
  private readonly entriesOfWord = new Map<string, number[]>();
  private entryCount = 0;

  add(word: string, nameId: number, solid: 0 | 1): void {
    const entry = nameId * 2 + solid;
    const entries = this.entriesOfWord.get(word);
    if (entries) entries.push(entry);
    else this.entriesOfWord.set(word, [entry]);
    this.entryCount++;
  }

  /** The words sorted, each with its entries in the order they were added (as a stable sort of the entries). */
  *build(): Generator<void, NameWords, void> {
    const words = yield* sortInSteps([...this.entriesOfWord.keys()], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    yield;
    const starts = new Uint32Array(words.length + 1);
    const nameIds = new Uint32Array(this.entryCount);
    const solid = new Uint8Array(this.entryCount);
    let next = 0;
    for (let w = 0; w < words.length; w++) {
      for (const entry of this.entriesOfWord.get(words[w]!)!) {
        nameIds[next] = entry >>> 1;
        solid[next++] = entry & 1;
      }
      starts[w + 1] = next;
      if (w % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
    }
    return { words, starts, nameIds, solid };
  }
}
