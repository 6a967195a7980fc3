// /agreements: what was agreed, adopted, committed to or signed, filtered by year and topic.
// A topic matches an agreement when the search index finds the topic in the agreement's paragraph
// (so diacritic-free, misspelt or English topics work) or its words stand in the quote itself.
import type { Answer } from './answer.ts';
import type { Library } from './library.ts';
import { foldedWords } from './matchText.ts';
import { foldDiacritics } from '../search/foldDiacritics.ts';
import { describeFilters, yearsHint } from './nothingFound.ts';
import { highlightName } from './highlightName.ts';
import { popularTopics } from './popularTopics.ts';

export interface AgreementsOptions {
  year?: number;
  topic?: string;
}

export function answerAgreements(library: Library, options: AgreementsOptions): Answer {
  const { year, topic } = options;
  let items = library.agreements.filter((agreement) => year === undefined || agreement.date.startsWith(`${year}-`));
  if (topic) {
    const matchingParagraphs = new Set(
      library.index
        .search(topic, year === undefined ? {} : { year }, 200)
        .hits.map((hit) => `${hit.articleId}#${hit.paragraph}`),
    );
    items = items
      .filter((agreement) => agreement.citations.some((citation) =>
        matchingParagraphs.has(`${citation.articleId}#${citation.paragraph}`) || quoteHasWords(citation.quote, topic)))
      .map((agreement) => highlightName(agreement, topic));
  }

  const answer: Answer = {
    command: 'agreements',
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    items,
  };
  if (items.length === 0) {
    answer.message = `No agreement found${describeFilters({ ...options })}.${yearsHint(library)}${
      topic ? ' Try fewer or broader words, or leave the topic out.' : ''
    }`;
    const close = topic ? library.index.suggest(topic, 5) : [];
    answer.suggestions = close.length > 0 ? close : popularTopics(library, 5);
    answer.yearsAvailable = library.years;
  }
  return answer;
}

function quoteHasWords(quote: string, topic: string): boolean {
  const words = foldedWords(topic);
  const foldedQuote = foldDiacritics(quote);
  return words.length > 0 && words.every((word) => foldedQuote.includes(word));
}

