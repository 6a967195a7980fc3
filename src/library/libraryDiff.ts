// What a reload changed, for the moderator's reply: articles added, removed and changed (by their file's
// hash), and the counts before and after. Computed in steps that pause, because it runs on the bot's own
// thread at the very end of a reload: at 100k paragraphs, done in one go, it was the reload's last block
// (tens of ms, hundreds at 1M), the two libraries' ids hashed into maps while members waited.
import type { Library } from './library.ts';

export interface LibraryDiff {
  /** Ids in the new library's order. */
  added: string[];
  /** Ids in the old library's order. */
  removed: string[];
  /** Ids in the new library's order. */
  changed: string[];
  articleCount: number;
  paragraphCount: number;
  /** Paragraph count before the reload, to report the difference. */
  previousParagraphCount: number;
}

/** Articles handled between two chances to pause: well under a millisecond. */
const ARTICLES_PER_STEP = 1_000;

export function* diffSteps(before: Library, after: Library): Generator<void, LibraryDiff, void> {
  // Ids of the old library not yet met in the new one; what is left at the end was removed.
  const unmatched = new Map<string, string>();
  const old = before.corpus.articles;
  for (let i = 0; i < old.length; i++) {
    unmatched.set(old[i]!.id, old[i]!.hash);
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
  }
  const added: string[] = [];
  const changed: string[] = [];
  const { articles } = after.corpus;
  for (let i = 0; i < articles.length; i++) {
    const { id, hash } = articles[i]!;
    const hashBefore = unmatched.get(id);
    if (hashBefore === undefined) added.push(id);
    else {
      if (hashBefore !== hash) changed.push(id);
      unmatched.delete(id);
    }
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
  }
  return {
    added,
    removed: [...unmatched.keys()],
    changed,
    articleCount: articles.length,
    paragraphCount: after.paragraphCount,
    previousParagraphCount: before.paragraphCount,
  };
}
