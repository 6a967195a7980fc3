import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { readCacheEnvelope, writeLibraryCache } from '../../src/library/cacheFile.ts';
import { type EncodedLibrary, sha256Of } from '../../src/library/cacheFormat.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import { encodeLibrary } from '../../src/library/encodeLibrary.ts';
import type { Library } from '../../src/library/library.ts';
import type { SavablePassageIndex } from '../../src/search/passageIndex.ts';
import { makeArticle } from '../search/makeArticle.ts';

const KEY = 'b'.repeat(64);
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A paragraph saying `Rutte` 300 times: its frequency (and its bigram's, 299) goes to the overflow table. */
const library = buildLibrary({
  articles: [
    makeArticle({
      id: 'repeated',
      date: '2025-06',
      paragraphs: [
        `${Array<string>(300).fill('Rutte').join(' ')} hợp tác`,
        'Rutte Rutte hợp tác',
        'Tổng thư ký Mark Rutte gặp ông Wi tại Hà Nội.',
      ],
    }),
  ],
  glossary: [],
});
const columnsOf = (of: Library) => (of.index as SavablePassageIndex).toColumns();
const QUERIES = ['Rutte', 'Rutte hợp tác', 'Mark Rutte'];

/** The encoded library with one section's bytes replaced, its checksum made to match: damage only the checks can see. */
function withSection(encoded: EncodedLibrary, name: string, bytes: Uint8Array): EncodedLibrary {
  const index = encoded.header.sections.findIndex((section) => section.name === name);
  const sections = encoded.sections.map((section, i) => (i === index ? bytes : section));
  const header = {
    ...encoded.header,
    sections: encoded.header.sections.map((section, i) =>
      i === index ? { ...section, bytes: bytes.byteLength, sha256: sha256Of(bytes) } : section,
    ),
  };
  return { header, sections };
}
const u32Bytes = (...values: number[]) => new Uint8Array(Uint32Array.from(values).buffer);

describe('the postings’ frequencies in the cache', () => {
  it('round-trip exactly through the file: the bytes, the overflow table and every score', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citebot-frequencies-'));
    folders.push(dir);
    const written = await writeLibraryCache(dir, encodeLibrary(library, KEY));
    expect(written.ok).toBe(true);
    const read = await readCacheEnvelope(dir, KEY);
    if (!read.ok) throw new Error(read.reason);
    // Stored packed (packedColumn.test.ts checks how small), a block of 64 postings here.
    const names = read.encoded.header.sections.map((section) => section.name);
    expect(names).toEqual(expect.arrayContaining(['frequencyBases', 'frequencyWidths', 'frequencyWords']));
    const decoded = await decodeLibrary(read.encoded);

    const [before, after] = [columnsOf(library), columnsOf(decoded)];
    expect([...after.overflowFrequencies].sort((a, b) => a - b)).toEqual([299, 300]);
    expect(after.frequencies.slice()).toEqual(before.frequencies.slice());
    expect(after.overflowPositions).toEqual(before.overflowPositions);
    expect(after.overflowFrequencies).toEqual(before.overflowFrequencies);
    for (const query of QUERIES) expect(decoded.index.search(query)).toEqual(library.index.search(query));
  });

  it('are refused when the overflow table does not fit them, even with matching checksums', async () => {
    const encoded = encodeLibrary(library, KEY);
    const { overflowPositions, overflowFrequencies } = columnsOf(library);
    const [first, second] = [overflowPositions[0]!, overflowPositions[1]!];
    const damages: Record<string, EncodedLibrary> = {
      'a large frequency made small': withSection(encoded, 'overflowFrequencies', u32Bytes(overflowFrequencies[0]!, 7)),
      'an entry moved to a posting not marked': withSection(encoded, 'overflowPositions', u32Bytes(first, second + 1)),
      'an entry missing': withSection(
        withSection(encoded, 'overflowPositions', u32Bytes(first)),
        'overflowFrequencies',
        u32Bytes(overflowFrequencies[0]!),
      ),
      'a table shorter than its frequencies': withSection(encoded, 'overflowFrequencies', u32Bytes(overflowFrequencies[0]!)),
    };
    for (const [damage, damaged] of Object.entries(damages))
      await expect(decodeLibrary(damaged), damage).rejects.toThrow(/passage index columns/);
    // And the untouched sections still decode.
    expect((await decodeLibrary(encoded)).index.search('Rutte')).toEqual(library.index.search('Rutte'));
  });
});
