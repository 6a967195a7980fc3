// /ask questions about who met whom or what was agreed (`ai gặp Rutte`, `Hàn Quốc và NATO đã ký gì`,
// `what did South Korea and NATO agree`), answered with the items /who-met and /agreements know.
import type { AnswerItem } from './answer.ts';
import type { Library } from '../library/library.ts';
import { COUNTRY_ALIASES } from '../language/places.ts';
import { foldedWords } from '../text/matchText.ts';
import { dateRange, rangePositions } from '../library/lookups/dateRanges.ts';
import type { ItemTable } from '../library/itemTable.ts';
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import { agreementsOfParties, itemNamesParties, meetingsOfParties, type PartyPhrases } from '../library/lookups/itemsOfParties.ts';
import type { SearchFilters } from '../search/types.ts';

const foldedAliasGroups = COUNTRY_ALIASES.map((group) => group.map((name) => foldedWords(name).join(' ')));

/** A party as typed, with its English translated and its country's other names: every phrase stands for it. */
export function partyPhrases(library: Library, party: string): PartyPhrases {
  const phrases = new Set<string>([foldedWords(party).join(' ')]);
  for (const translation of library.index.translate(party)) {
    // Only a translation of the whole party: `South Korea`, not `Korea` inside `South Korea Navy`.
    if (foldedWords(translation.typed).join(' ') !== foldedWords(party).join(' ')) continue;
    for (const vietnamese of translation.vietnamese) phrases.add(foldedWords(vietnamese).join(' '));
  }
  for (const group of foldedAliasGroups) {
    if (group.some((name) => phrases.has(name))) for (const name of group) phrases.add(name);
  }
  return [...phrases].filter(Boolean).map((phrase) => phrase.split(' '));
}

/** The items of a question about parties: positions in one of the library's lists, then the planned ones. */
export interface PartyItems {
  list: ItemTable<MeetingItem> | ItemTable<AgreementItem>;
  /** Ascending positions in `list`, made for this answer. */
  positions: Uint32Array;
  planned: AnswerItem[];
}

/**
 * The meetings (or agreements) of every party named, within the filters' dates, in the engines' order:
 * those held (agreed) by date, then those only planned, marked `status: 'planned'`, as /who-met lists them.
 * Positions, not items: `ai gặp ai năm 2025` is every meeting of a year, of which a reply shows a page.
 */
export function itemsOfParties(
  library: Library,
  kind: 'meetings' | 'agreements',
  parties: readonly string[],
  filters: SearchFilters,
): PartyItems {
  const list = kind === 'meetings' ? library.meetings : library.agreements;
  const plannedList: ItemTable<MeetingItem | AgreementItem> = kind === 'meetings' ? library.plannedMeetings : library.plannedAgreements;
  const [from, to] = dateRange(list, filters.year, filters.month);
  const [plannedFrom, plannedTo] = dateRange(plannedList, filters.year, filters.month);
  // `ai gặp ai năm 2025`, `hai bên nhất trí gì`: every meeting (agreement) of those dates.
  if (parties.length === 0) return { list, positions: rangePositions(from, to), planned: plannedList.slice(plannedFrom, plannedTo) };
  const phrases = parties.map((party) => partyPhrases(library, party));
  const positions = kind === 'meetings' ? meetingsOfParties(library, phrases, from, to) : agreementsOfParties(library, phrases, from, to);
  const planned = plannedList.slice(plannedFrom, plannedTo).filter((item) => itemNamesParties(item, phrases));
  return { list, positions: Uint32Array.from(positions), planned };
}
