// "What did Hàn Quốc and NATO agree", "ai gặp Rutte" on a corpus large enough that thousands of items
// share the same people, titles and places: the meetings and agreements the party lookups find (each
// distinct person, title and place folded once, positions by syllable) must be exactly those that
// reading every item on its own finds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/bench/syntheticCorpus.ts';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { agreementsOfParties, itemNamesParties, meetingsOfParties, type PartyPhrases } from '../../src/library/lookups/itemsOfParties.ts';
import { dateRange } from '../../src/library/lookups/dateRanges.ts';
import { foldedWords } from '../../src/text/matchText.ts';
import type { Library } from '../../src/library/library.ts';
import { BUNDLED_CORPUS } from '../library/corpusCopy.ts';

let dir: string;
let library: Library;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-parties-'));
  await writeSyntheticCorpus(BUNDLED_CORPUS, dir, { paragraphs: 2_000, seed: 11 });
  const loaded = await loadLibrary(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
  library = loaded.library;
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A party as the answers pass it: each of its phrases as folded words. */
function party(...phrases: string[]): PartyPhrases {
  return phrases.map((phrase) => foldedWords(phrase));
}

/** Parties drawn from the corpus itself: whole names, family names, titles, their words, places, countries. */
function partiesOfCorpus(): PartyPhrases[] {
  const parties: PartyPhrases[] = [
    party('NATO'),
    party('Hàn Quốc', 'Nam Hàn'),
    party('Nhật Bản'),
    party('tổng thư ký nato'),
    party('Tổng thống Yoon'),
    party('bộ trưởng'),
    party('Hà Nội'),
    party('không ai cả'),
  ];
  const meetings = library.meetings.slice().filter((_, i) => i % 97 === 0);
  for (const meeting of meetings) {
    const person = meeting.participants?.[0];
    if (person) {
      parties.push(party(person.name), party(person.name.split(' ').at(-1)!));
      if (person.role) parties.push(party(person.role), party(`${person.role.split(' ')[0]} ${person.name.split(' ')[0]}`));
    }
    if (meeting.place) parties.push(party(meeting.place));
  }
  return parties;
}

function positionsNaming(
  items: Library['meetings'] | Library['agreements'],
  parties: readonly PartyPhrases[],
  from: number,
  to: number,
): number[] {
  const positions: number[] = [];
  for (let position = from; position < to; position++) if (itemNamesParties(items.at(position), parties)) positions.push(position);
  return positions;
}

describe('meetings and agreements of named parties on a large corpus', () => {
  it('are the items that name every party when each is read on its own, in date order, within a year', () => {
    const parties = partiesOfCorpus();
    expect(parties.length).toBeGreaterThan(30);
    let found = 0;
    for (let i = 0; i < parties.length; i++) {
      const asked = i % 3 === 0 ? [parties[i]!] : [parties[i]!, parties[(i * 7) % parties.length]!];
      for (const year of [undefined, library.years[i % library.years.length]]) {
        const [meetingsFrom, meetingsTo] = dateRange(library.meetings, year);
        const meetings = meetingsOfParties(library, asked, meetingsFrom, meetingsTo);
        expect(meetings).toEqual(positionsNaming(library.meetings, asked, meetingsFrom, meetingsTo));
        const [agreementsFrom, agreementsTo] = dateRange(library.agreements, year);
        const agreements = agreementsOfParties(library, asked, agreementsFrom, agreementsTo);
        expect(agreements).toEqual(positionsNaming(library.agreements, asked, agreementsFrom, agreementsTo));
        found += meetings.length + agreements.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});
