// A Library is one loaded corpus with everything the answer engines need, computed once:
// the search index, the meetings and agreements extracted from every article, the people named.
// It is immutable; a reload builds a new one and swaps it in.
import type { Article, Corpus } from '../corpus/types.ts';
import type { PassageIndex } from '../search/types.ts';
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import type { PersonList } from './personList.ts';
import type { ItemTable } from './itemTable.ts';

export interface Library {
  corpus: Corpus;
  articlesById: Map<string, Article>;
  index: PassageIndex;
  /** Meetings and agreements told as done, sorted by date: what `/who-met` and `/agreements` list. */
  meetings: ItemTable<MeetingItem>;
  agreements: ItemTable<AgreementItem>;
  /** Those only planned (`sẽ`, `dự kiến`), sorted by date: shown apart, after the held ones. */
  plannedMeetings: ItemTable<MeetingItem>;
  plannedAgreements: ItemTable<AgreementItem>;
  /**
   * Everyone the articles name, once (`Yoon Suk-yeol` and `Yoon Suk Yeol` are one), with the longest title
   * seen, by name: what autocomplete offers. Only name and title: at 1M paragraphs, each person's list of
   * articles (which no command read) was 220k more objects for every collection to walk.
   */
  people: PersonList;
  /** Years with at least one article, ascending. */
  years: number[];
  paragraphCount: number;
}
