// The parties of each meeting and agreement as folded segments: one per person (name and title) and one
// for a meeting's place, each ` yoon suk yeol tong thong han quoc ` (padded, so that a phrase is found
// as whole words). The same few thousand people, titles and places recur across tens of thousands of
// items: each distinct one is folded once and kept once, and an item holds only its segments' ids.
import type { AgreementItem, MeetingItem } from '../../extract/items.ts';
import type { ItemTable } from '../itemTable.ts';
import { foldedWords } from '../../text/matchText.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { GrowingUint32 } from '../../text/growingUint32.ts';
import { type PositionLists, PositionListsBuilder } from './positionLists.ts';

type Party = { name: string; role?: string };

/** Items of one list (meetings or agreements) with their segments. */
export interface ItemSegments {
  /** The segments of the item at `position`: `segmentIds[segmentStarts[position]]` up to `segmentStarts[position + 1]`. */
  segmentStarts: Uint32Array;
  segmentIds: Uint32Array;
  /** Positions of the items whose segments hold each folded syllable, ascending. */
  itemsBySyllable: PositionLists;
}

/** One person's segment, unpadded: `foldedWords(name + ' ' + role)` as one string, for an item without lookups. */
function personSegment(person: Party): string {
  return foldedWords(person.role ? `${person.name} ${person.role}` : person.name).join(' ');
}

/** The padded segments of `people` and `place`, folded on the spot: for the short lists without lookups. */
export function partySegmentsOf(people: readonly Party[] | undefined, place: string | undefined): string[] {
  const segments = (people ?? []).map((person) => ` ${personSegment(person)} `);
  if (place) segments.push(` ${foldedWords(place).join(' ')} `);
  return segments;
}

/** The distinct segments of a library, each folded once, and each given an id. */
export class SegmentTable {
  /** Every distinct segment, padded, by id. */
  readonly padded: string[] = [];
  /** Each segment's distinct syllables (its words), by id. */
  readonly syllables: string[][] = [];
  private readonly idOfSegment = new Map<string, number>();
  /** `foldedWords(text).join(' ')` of each name, title and place seen. */
  private readonly foldedText = new Map<string, string>();
  /** A person's segment id by name, then by title ('' for none). */
  private readonly idOfPerson = new Map<string, Map<string, number>>();
  private readonly idOfPlace = new Map<string, number>();

  personId(person: Party): number {
    let byRole = this.idOfPerson.get(person.name);
    if (!byRole) this.idOfPerson.set(person.name, (byRole = new Map()));
    const role = person.role || '';
    let id = byRole.get(role);
    if (id === undefined) {
      // The words of `name role` are the name's words then the title's: folding and splitting work
      // word by word, and the space between them is a separator either way.
      const name = this.fold(person.name);
      const title = role ? this.fold(role) : '';
      byRole.set(role, (id = this.segmentId(name && title ? `${name} ${title}` : name || title)));
    }
    return id;
  }

  placeId(place: string): number {
    let id = this.idOfPlace.get(place);
    if (id === undefined) this.idOfPlace.set(place, (id = this.segmentId(this.fold(place))));
    return id;
  }

  private fold(text: string): string {
    let folded = this.foldedText.get(text);
    if (folded === undefined) this.foldedText.set(text, (folded = foldedWords(text).join(' ')));
    return folded;
  }

  private segmentId(segment: string): number {
    let id = this.idOfSegment.get(segment);
    if (id === undefined) {
      id = this.padded.length;
      this.idOfSegment.set(segment, id);
      this.padded.push(` ${segment} `);
      this.syllables.push([...new Set(segment.split(' '))].filter(Boolean));
    }
    return id;
  }
}

/** The segments of every item of `items`, and the items by syllable, paused every ITEMS_PER_STEP items. */
export function* itemSegmentSteps<Item extends MeetingItem | AgreementItem>(
  items: ItemTable<Item>,
  table: SegmentTable,
): Generator<void, ItemSegments, void> {
  const segmentStarts = new Uint32Array(items.length + 1);
  const segmentIds = new GrowingUint32();
  const itemsBySyllable = new PositionListsBuilder();
  /** Each segment's syllables as ids of `itemsBySyllable`, found once per segment. */
  const syllableIdsOfSegment: (number[] | undefined)[] = [];
  const addSegment = (id: number, position: number) => {
    segmentIds.push(id);
    let syllableIds = syllableIdsOfSegment[id];
    if (!syllableIds) syllableIdsOfSegment[id] = syllableIds = table.syllables[id]!.map((syllable) => itemsBySyllable.idFor(syllable));
    for (const syllableId of syllableIds) itemsBySyllable.addById(syllableId, position);
  };
  for (let position = 0; position < items.length; position++) {
    const item = items.at(position);
    const people = item.kind === 'meeting' ? item.participants : item.parties;
    if (people) for (const person of people) addSegment(table.personId(person), position);
    if (item.kind === 'meeting' && item.place) addSegment(table.placeId(item.place), position);
    segmentStarts[position + 1] = segmentIds.length;
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return { segmentStarts, segmentIds: segmentIds.trimmed(), itemsBySyllable: yield* itemsBySyllable.build() };
}
