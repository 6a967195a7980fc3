// /agreements: what was agreed, adopted, committed to or signed, filtered by year and topic.
// A topic matches an agreement when the search index finds the topic in the agreement's paragraph
// (so diacritic-free, misspelt or English topics work) or its words stand in the quote itself.
import type { Answer } from './answer.ts';
import type { Library } from './library.ts';
import { agreementsContainingWords } from './libraryLookups.ts';
import { describeFilters, yearsHint } from './nothingFound.ts';
import { highlightName, HIGHLIGHTED_RESULTS } from './highlightName.ts';
import { popularTopics } from './popularTopics.ts';

export interface AgreementsOptions {
  year?: number;
  topic?: string;
}

export function answerAgreements(library: Library, options: AgreementsOptions): Answer {
  const { year, topic } = options;
  const yearPrefix = year === undefined ? undefined : `${year}-`;
  let indexes = library.agreements.flatMap((agreement, i) => (yearPrefix === undefined || agreement.date.startsWith(yearPrefix) ? [i] : []));
  if (topic) {
    const matchingParagraphs = new Set(
      library.index.search(topic, year === undefined ? {} : { year }, 200).hits.map((hit) => `${hit.articleId}#${hit.paragraph}`),
    );
    const quotesWithWords = agreementsContainingWords(library, topic);
    indexes = indexes.filter(
      (i) =>
        quotesWithWords.has(i) ||
        library.agreements[i]!.citations.some((citation) => matchingParagraphs.has(`${citation.articleId}#${citation.paragraph}`)),
    );
  }
  const items = indexes.map((i, rank) => {
    const agreement = library.agreements[i]!;
    return topic && rank < HIGHLIGHTED_RESULTS ? highlightName(agreement, topic) : agreement;
  });

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


