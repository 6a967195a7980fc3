// The lookups that are pure functions of a library, stored in its cache by the builder (which computes
// them anyway) and read back by the open as typed views of the file's sections: a 100k-paragraph
// library's open spent most of its lookup preparation folding and splitting what the builder had
// already folded and split. Each read-back lookup is checked to fit the library (a cache that does not
// fit throws, and is rebuilt) and then kept as if computed (`seed`); a library built without a cache
// computes its own on first use or in `prepareLookups`, as before. The /sources items are made at open
// from the stored order (they are objects), as are the sorted article ids.
import type { Library } from '../library.ts';
import type { LookupU32Section } from '../lookupSectionNames.ts';
import { StringTable } from '../cacheItems.ts';
import { type EncodedText, encodeTextTable } from '../textTable.ts';
import { type StringList, everyItem } from '../../text/listByIndex.ts';
import { type ParticipantNames, participantNamesIndex } from './participantNames.ts';
import { meetingsByParticipantIndex } from './meetingsByParticipant.ts';
import { type AgreementQuotes, agreementQuotesIndex } from './agreementsByWord.ts';
import { agreementsByArticleIndex } from './agreementsByParagraph.ts';
import { type PartyLookups, partiesIndex } from './itemsOfParties.ts';
import type { ItemSegments } from './partySegments.ts';
import type { PositionLists } from './positionLists.ts';
import { peopleWordsIndex } from './peopleByWord.ts';
import { articleIdOrderIndex } from './articleIds.ts';
import { articleOrderIndex } from './articleList.ts';
import { peopleOf, topicsOf } from './popularTopics.ts';
import {
  type PackedListsReader,
  checkBelow,
  checkOrder,
  checkStarts,
  nameWordsFrom,
  nameWordsParts,
  packLists,
  positionListsFrom,
  positionListsParts,
  stringListAt,
  stringsAt,
} from './storedLists.ts';

/** A table of distinct strings that gives each its index (cacheItems.ts' StringTable). */
interface StringIndex {
  add(text: string): number;
}

/** Where the stored lookups put their strings: names and display text with the items', folded text apart. */
export interface LookupStringTables {
  strings: StringIndex;
  folded: StringIndex;
}

type StoredSection = Exclude<LookupU32Section, 'lookupStringEnds'>;

/**
 * Every stored lookup of `library` (computed here if not yet), as one packed Uint32 section each, and the
 * table of folded strings they name; names and display text go to `strings`, the items' own table.
 */
export function encodeLookupSections(
  library: Library,
  strings: StringIndex,
): { lists: { name: StoredSection; values: Uint32Array }[]; folded: { text: EncodedText; ends: Uint32Array } } {
  const folded = new StringTable();
  const lists = encodeLookups(library, { strings, folded });
  return { lists, folded: encodeTextTable(folded.strings, 'utf8') };
}

function encodeLookups(library: Library, { strings, folded }: LookupStringTables): { name: StoredSection; values: Uint32Array }[] {
  const text = (value: string) => strings.add(value);
  const fold = (value: string) => folded.add(value);
  const names = participantNamesIndex.get(library);
  const quotes = agreementQuotesIndex.get(library);
  const parties = partiesIndex.get(library);
  const segmentParts = (items: ItemSegments) => [items.segmentStarts, items.segmentIds, ...positionListsParts(items.itemsBySyllable, fold)];
  const lists: Record<StoredSection, ArrayLike<number>[]> = {
    participantNamesLookup: [
      Uint32Array.from(names.names, text),
      ...nameWordsParts(names.participantsByWord, fold),
      ...nameWordsParts(names.participantsByTitleWord, fold),
    ],
    meetingsByParticipantLookup: positionListsParts(meetingsByParticipantIndex.get(library), text),
    agreementQuotesLookup: [
      Uint32Array.from(everyItem(quotes.foldedAgreementQuotes), fold),
      ...positionListsParts(quotes.agreementsBySyllable, fold),
    ],
    agreementsByArticleLookup: positionListsParts(agreementsByArticleIndex.get(library), fold),
    partiesLookup: [
      Uint32Array.from(everyItem(parties.segments), fold),
      ...segmentParts(parties.meetingParties),
      ...segmentParts(parties.agreementParties),
    ],
    peopleWordsLookup: [Uint32Array.from(everyItem(peopleWordsIndex.get(library)), fold)],
    articleIdOrderLookup: [articleIdOrderIndex.get(library)],
    articleOrderLookup: [articleOrderIndex.get(library)],
    popularLookup: [Uint32Array.from(topicsOf.get(library), text), Uint32Array.from(peopleOf.get(library), text)],
  };
  return (Object.keys(lists) as StoredSection[]).map((name) => ({ name, values: packLists(lists[name]) }));
}

/** What the open reads the stored lookups from: their sections (checksums verified) and string tables. */
export interface StoredLookups {
  reader(name: StoredSection): PackedListsReader;
  /** The library's own strings (names, titles, display text). */
  strings: StringList;
  /** The folded strings of `lookupStrings`. */
  folded: StringList;
}

/**
 * Reads every stored lookup of `library`, checks that it fits the library, and keeps it for the
 * library as if computed, pausing (a `yield`) between slices. Throws when one does not fit; then none
 * is kept.
 */
export function* readStoredLookups(library: Library, stored: StoredLookups): Generator<void, void, void> {
  const { strings, folded } = stored;
  const { meetings, agreements, people } = library;
  const { articles } = library.corpus;
  const finished = <Value>(reader: PackedListsReader, value: Value) => {
    reader.end();
    return value;
  };

  let reader = stored.reader('participantNamesLookup');
  const names = yield* stringsAt(reader.next(), strings);
  const participantNames: ParticipantNames = finished(reader, {
    names,
    participantsByWord: yield* nameWordsFrom(reader, folded, names.length),
    participantsByTitleWord: yield* nameWordsFrom(reader, folded, names.length),
  });
  reader = stored.reader('meetingsByParticipantLookup');
  const meetingsByParticipant = finished(reader, yield* positionListsFrom(reader, strings, meetings.length));
  reader = stored.reader('agreementQuotesLookup');
  const foldedAgreementQuotes = yield* stringListAt(reader.next(), folded);
  if (foldedAgreementQuotes.length !== agreements.length) throw new Error('cache: folded quotes of another count of agreements');
  const agreementQuotes: AgreementQuotes = finished(reader, {
    foldedAgreementQuotes,
    agreementsBySyllable: yield* positionListsFrom(reader, folded, agreements.length),
  });
  reader = stored.reader('agreementsByArticleLookup');
  const agreementsByArticle = finished(reader, yield* positionListsFrom(reader, folded, agreements.length));
  reader = stored.reader('partiesLookup');
  const segments = yield* stringListAt(reader.next(), folded);
  const parties: PartyLookups = finished(reader, {
    segments,
    meetingParties: yield* itemSegmentsFrom(reader, folded, segments.length, meetings.length),
    agreementParties: yield* itemSegmentsFrom(reader, folded, segments.length, agreements.length),
  });
  reader = stored.reader('peopleWordsLookup');
  const solidNames = finished(reader, yield* stringListAt(reader.next(), folded));
  if (solidNames.length !== people.length) throw new Error('cache: solid names of another count of people');
  reader = stored.reader('articleIdOrderLookup');
  const articleIdOrder = finished(reader, reader.next());
  yield* checkOrder(articleIdOrder, articles.length);
  reader = stored.reader('articleOrderLookup');
  const articleOrder = finished(reader, reader.next());
  yield* checkOrder(articleOrder, articles.length);
  reader = stored.reader('popularLookup');
  const topics = yield* stringsAt(reader.next(), strings);
  const prominent = finished(reader, yield* stringsAt(reader.next(), strings));
  yield;

  participantNamesIndex.seed(library, participantNames);
  meetingsByParticipantIndex.seed(library, meetingsByParticipant);
  agreementQuotesIndex.seed(library, agreementQuotes);
  agreementsByArticleIndex.seed(library, agreementsByArticle);
  partiesIndex.seed(library, parties);
  peopleWordsIndex.seed(library, solidNames);
  articleIdOrderIndex.seed(library, articleIdOrder);
  articleOrderIndex.seed(library, articleOrder);
  topicsOf.seed(library, topics);
  peopleOf.seed(library, prominent);
}

/** One list's segments back from their parts, checked against the segments and the items. */
function* itemSegmentsFrom(
  reader: PackedListsReader,
  folded: StringList,
  segmentCount: number,
  itemCount: number,
): Generator<void, ItemSegments, void> {
  const segmentStarts = reader.next();
  const segmentIds = reader.next();
  yield* checkStarts(segmentStarts, itemCount, segmentIds.length);
  yield* checkBelow(segmentIds, segmentCount);
  const itemsBySyllable: PositionLists = yield* positionListsFrom(reader, folded, itemCount);
  return { segmentStarts, segmentIds, itemsBySyllable };
}
