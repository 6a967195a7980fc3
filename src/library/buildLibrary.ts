// Builds a Library from a validated corpus: index every paragraph and extract every meeting,
// agreement and person once, so that each command only filters what is already known.
import type { Corpus } from '../corpus/types.ts';
import { buildPassageIndex } from '../search/passageIndex.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';
import { extractMeetings } from '../extract/extractMeetings.ts';
import { extractAgreements } from '../extract/extractAgreements.ts';
import { peopleInArticle } from '../extract/findPeople.ts';
import { mergeRepeatedMeetings, personKey } from '../extract/mergeReports.ts';
import type { AgreementItem, AnswerItem, MeetingItem } from '../extract/items.ts';
import { addSources } from './citationSource.ts';
import type { Library, PersonEntry } from './library.ts';

export function buildLibrary(corpus: Corpus): Library {
  const articlesById = new Map(corpus.articles.map((article) => [article.id, article]));
  const meetings: MeetingItem[] = [];
  const agreements: AgreementItem[] = [];
  const peopleByFoldedName = new Map<string, PersonEntry>();
  let paragraphCount = 0;

  for (const article of corpus.articles) {
    paragraphCount += article.paragraphs.length;
    // A meeting told again further down is one meeting, so `Hai bên` after either finds its day and people.
    const articleMeetings = mergeRepeatedMeetings(extractMeetings(article));
    const articleAgreements = extractAgreements(article, articleMeetings);
    addSources(articleMeetings, article);
    addSources(articleAgreements, article);
    meetings.push(...articleMeetings);
    agreements.push(...articleAgreements);
    for (const person of peopleInArticle(article)) {
      const foldedName = foldDiacritics(person.name);
      // `Yoon Suk-yeol` in one article and `Yoon Suk Yeol` in another are one person.
      const known = peopleByFoldedName.get(personKey(person.name));
      if (known) {
        // One article's people come one after another: already listed for it means listed last. (A scan of
        // the whole list made the build quadratic: a leader named in tens of thousands of articles.)
        if (known.articleIds[known.articleIds.length - 1] !== article.id) known.articleIds.push(article.id);
        // Keep the most informative title seen for the person.
        if (!known.role || (person.role && person.role.length > known.role.length)) known.role = person.role;
      } else {
        peopleByFoldedName.set(personKey(person.name), { ...person, foldedName, articleIds: [article.id] });
      }
    }
  }

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
    index: buildPassageIndex(corpus.articles, corpus.glossary),
    meetings: reportedOnce.filter(held),
    agreements: agreements.filter(held),
    plannedMeetings: reportedOnce.filter(planned),
    plannedAgreements: agreements.filter(planned),
    people,
    years,
    paragraphCount,
  };
}
