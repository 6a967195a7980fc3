// What the library keeps from one article: its meetings, agreements and people. One pure function for
// both builds (in this thread, or in the extraction worker beside the index, see parallelBuild.ts), so
// the two cannot drift apart; buildLibrary merges the results in article order.
import type { Article } from '../corpus/types.ts';
import { extractMeetings } from '../extract/extractMeetings.ts';
import { extractAgreements } from '../extract/extractAgreements.ts';
import { peopleInArticle } from '../extract/findPeople.ts';
import { mergeRepeatedMeetings } from '../extract/mergeReports.ts';
import type { AgreementItem, MeetingItem, Person } from '../extract/items.ts';
import { addSources } from './citationSource.ts';

/** Plain data only (no article or paragraph objects), so it crosses between threads unchanged. */
export interface ArticleExtraction {
  meetings: MeetingItem[];
  agreements: AgreementItem[];
  people: Person[];
}

export function extractArticle(article: Article): ArticleExtraction {
  // A meeting told again further down is one meeting, so `Hai bên` after either finds its day and people.
  const meetings = mergeRepeatedMeetings(extractMeetings(article));
  const agreements = extractAgreements(article, meetings);
  addSources(meetings, article);
  addSources(agreements, article);
  return { meetings, agreements, people: peopleInArticle(article) };
}
