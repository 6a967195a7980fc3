// Builds a Library from a validated corpus: index every paragraph and extract every meeting,
// agreement and person once, so that each command only filters what is already known.
import type { Corpus } from '../corpus/types.ts';
import { buildPassageIndex } from '../search/passageIndex.ts';
import type { PassageIndex } from '../search/types.ts';
import { mergeRepeatedMeetings, personKey } from '../extract/mergeReports.ts';
import type { AgreementItem, AnswerItem, MeetingItem, Person } from '../extract/items.ts';
import { type ArticleExtraction, extractArticle } from './extractArticle.ts';
import type { Library } from './library.ts';
import { ItemArray } from './itemTable.ts';
import { ArrayByIndex } from '../text/listByIndex.ts';

/** All in this thread: small corpora, tests, and where no worker can start (see parallelBuild.ts). */
export function buildLibrary(corpus: Corpus): Library {
  return assembleLibrary(corpus, corpus.articles.map(extractArticle), buildPassageIndex(corpus.articles, corpus.glossary));
}

/**
 * The library from each article's extraction (`extractions[i]` is `corpus.articles[i]`'s) and the index.
 * Merged strictly in article order: repeated meetings fold into the first report and a person keeps the
 * first spelling met, so another order would make another library.
 */
export function assembleLibrary(corpus: Corpus, extractions: readonly ArticleExtraction[], index: PassageIndex): Library {
  if (extractions.length !== corpus.articles.length) throw new Error('library build: an extraction is missing for some article');
  const articlesById = new Map(corpus.articles.map((article) => [article.id, article]));
  const meetings: MeetingItem[] = [];
  const agreements: AgreementItem[] = [];
  const peopleByFoldedName = new Map<string, Person>();
  let paragraphCount = 0;

  corpus.articles.forEach((article, position) => {
    const extraction = extractions[position]!;
    paragraphCount += article.paragraphs.length;
    meetings.push(...extraction.meetings);
    agreements.push(...extraction.agreements);
    for (const person of extraction.people) {
      // `Yoon Suk-yeol` in one article and `Yoon Suk Yeol` in another are one person.
      const known = peopleByFoldedName.get(personKey(person.name));
      if (known) {
        // Keep the most informative title seen for the person.
        if (!known.role || (person.role && person.role.length > known.role.length)) known.role = person.role;
      } else {
        // A copy: the title kept may change, the item's person must not.
        peopleByFoldedName.set(personKey(person.name), { ...person });
      }
    }
  });

  const byDateThenArticle = (a: AnswerItem, b: AnswerItem) =>
    a.date.localeCompare(b.date) ||
    (a.citations[0]?.articleId ?? '').localeCompare(b.citations[0]?.articleId ?? '') ||
    (a.citations[0]?.paragraph ?? 0) - (b.citations[0]?.paragraph ?? 0);
  const reportedOnce = mergeRepeatedMeetings(meetings).sort(byDateThenArticle);
  agreements.sort(byDateThenArticle);
  const held = (item: MeetingItem | AgreementItem) => item.status !== 'planned';
  const planned = (item: MeetingItem | AgreementItem) => item.status === 'planned';

  const years = [...new Set(corpus.articles.map((article) => article.date.year))].sort((a, b) => a - b);
  const people = [...peopleByFoldedName.values()].sort((a, b) => a.name.localeCompare(b.name));

  return {
    corpus,
    articlesById,
    index,
    meetings: new ItemArray(reportedOnce.filter(held)),
    agreements: new ItemArray(agreements.filter(held)),
    plannedMeetings: new ItemArray(reportedOnce.filter(planned)),
    plannedAgreements: new ItemArray(agreements.filter(planned)),
    people: new ArrayByIndex(people),
    years,
    paragraphCount,
  };
}
