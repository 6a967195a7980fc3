// Building an index from articles: each paragraph's terms into the posting columns, and each word's
// usual spelling into the vocabulary that suggestions show (`stoltenberg` → `Stoltenberg`).

import SearchableMap from 'minisearch/SearchableMap';
import type { Article } from '../corpus/types.ts';
import { paragraphDocumentId } from './documentParagraphs.ts';
import { type PostingColumns, PostingColumnsBuilder } from './postingColumns.ts';
import { type Token, hyphenGroups } from '../text/tokenize.ts';
import { searchTokens, termsFromTokens } from './vietnameseAnalyzer.ts';

export interface IndexedParagraphs {
  postings: PostingColumns;
  /** Folded word → the form to display. */
  vocabulary: SearchableMap<string>;
}

export function indexParagraphs(articles: readonly Article[]): IndexedParagraphs {
  const displayVotes = new Map<string, DisplayVote>();
  const postings = new PostingColumnsBuilder();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const tokens = searchTokens(paragraph.text);
      recordDisplayForms(paragraph.text, tokens, displayVotes);
      postings.add(paragraphDocumentId(article.id, paragraph.number), termsFromTokens(tokens));
    }
  }
  const vocabulary = new SearchableMap<string>();
  for (const [folded, vote] of displayVotes) vocabulary.set(folded, vote.display);
  return { postings: postings.finish(), vocabulary };
}

interface DisplayVote {
  display: string;
  votes: number;
}

/**
 * Keeps, per folded word, the spelling most often seen (a majority vote in constant memory),
 * preferring lowercase so a word that merely starts a sentence is shown as `công`, not `Công`.
 */
function recordDisplayForms(text: string, tokens: readonly Token[], votes: Map<string, DisplayVote>): void {
  const vote = (folded: string, written: string) => {
    const current = votes.get(folded);
    if (!current) return void votes.set(folded, { display: written, votes: 1 });
    if (current.display === written) return void current.votes++;
    const lower = written.toLowerCase();
    if (current.display.toLowerCase() === lower) {
      current.votes++;
      if (written === lower) current.display = written;
    } else if (--current.votes <= 0) {
      votes.set(folded, { display: written, votes: 1 });
    }
  };
  for (const token of tokens) {
    if (!token.isStopword && !DIGITS_ONLY.test(token.text)) vote(token.folded, token.text);
  }
  for (const [first, last] of hyphenGroups(tokens)) {
    const parts = tokens.slice(first, last + 1);
    vote(parts.map((part) => part.folded).join(''), text.slice(parts[0]!.start, parts[parts.length - 1]!.end));
  }
}

const DIGITS_ONLY = /^\p{N}+$/u;
