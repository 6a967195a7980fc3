// /sources: the articles in the corpus, newest first, from the list the library prepared while it
// loaded (lookups/articleList.ts), so a command costs the same whether it holds 2 articles or 10,000.
import type { Answer } from './answer.ts';
import type { Library } from '../library/library.ts';
import { articleListIndex } from '../library/lookups/articleList.ts';

export function answerSources(library: Library): Answer {
  const items = articleListIndex.get(library);
  const answer: Answer = { command: 'sources', options: {}, items };
  if (items.length === 0) answer.nothingFound = { reason: 'empty-library' };
  return answer;
}
