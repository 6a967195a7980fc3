// /agreements: what was agreed, adopted, committed to or signed, filtered by year and topic.
// A topic matches an agreement when its words stand in the quote itself (compared without marks),
// or, failing that, when the search index finds it in the agreement's paragraph (typos, English).
import type { Answer, ItemList } from './answer.ts';
import type { Library } from '../library/library.ts';
import { agreementsQuoting } from '../library/lookups/agreementsByParagraph.ts';
import { agreementPositionsWithWords } from '../library/lookups/agreementsWithWords.ts';
import { dateRange, heldThenPlanned } from '../library/lookups/dateRanges.ts';
import { highlightedItemsAt } from './highlightName.ts';
import { popularTopics } from '../library/lookups/popularTopics.ts';
import { foldedWords } from '../text/matchText.ts';

export interface AgreementsOptions {
  year?: number;
  topic?: string;
}

export function answerAgreements(library: Library, options: AgreementsOptions): Answer {
  const { year, topic } = options;
  // Agreements are sorted by date: the year is a contiguous range, found by binary search.
  const [from, to] = dateRange(library.agreements, year);
  const plannedRange = dateRange(library.plannedAgreements, year);
  let items: ItemList;
  if (topic) {
    // Agreements whose own words hold the topic (with or without marks) are the precise answer, and
    // cheap to find. Only when there are none does the search index widen it: typos, English through
    // the glossary, or the topic elsewhere in the agreement's paragraph.
    let matching = agreementPositionsWithWords(library, topic, from, to);
    if (matching.length === 0)
      matching = Uint32Array.from(
        agreementsQuoting(library, library.index.search(topic, year === undefined ? {} : { year }, 200).hits, from, to),
      );
    // Planned agreements (`sẽ ký`) come after the agreed ones, each marked `status: 'planned'`.
    const topicWords = foldedWords(topic);
    const planned = library.plannedAgreements.slice(...plannedRange).filter((agreement) => {
      const quote = foldedWords(agreement.citations.map((citation) => citation.quote).join(' '));
      return topicWords.every((typed) => quote.some((word) => word.startsWith(typed)));
    });
    items = highlightedItemsAt(library.agreements, matching, topic, planned);
  } else {
    // The whole range, agreed then planned: a view of the two lists, whose items are made when read.
    items = heldThenPlanned(library.agreements, [from, to], library.plannedAgreements, plannedRange);
  }

  const answer: Answer = {
    command: 'agreements',
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    items,
  };
  if (items.length === 0) {
    answer.nothingFound = { reason: 'no-agreements', ...(topic ? { topic } : {}) };
    const close = topic ? library.index.suggest(topic, 5) : [];
    answer.suggestions = close.length > 0 ? close : popularTopics(library, 5);
    answer.yearsAvailable = library.years;
  }
  return answer;
}
