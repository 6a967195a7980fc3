import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseViews, PostingColumnsBuilder, TermPostings, indexPostingColumns } from '../../src/search/postingColumns.ts';
import { SEARCH_TUNING, buildPassageIndex, loadPassageIndexColumns } from '../../src/search/passageIndex.ts';
import { PackedColumn } from '../../src/search/packedColumn.ts';
import { makeArticle } from './makeArticle.ts';

/** A list's paragraphs, in order. */
function documentsOf(postings: TermPostings): number[] {
  return Array.from({ length: postings.size }, (_, at) => postings.documentAt(at));
}

function runToEnd<Result>(steps: Generator<void, Result, void>): Result {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('TermPostings: one term’s paragraphs, looked up in place', () => {
  it('finds every paragraph of the list and no other, asked in any order, from a packed column or not, lent a dense view or not', () => {
    const ascending = fc.uniqueArray(fc.nat(500), { maxLength: 200 }).map((values) => values.sort((a, b) => a - b));
    fc.assert(
      fc.property(
        ascending,
        fc.array(fc.nat(520), { maxLength: 300 }),
        fc.constantFrom('asked', 'ascending', 'descending'),
        fc.boolean(),
        fc.nat(100),
        (documents, asked, order, unpacked, before) => {
          // The list sits in a column after another term's postings, across blocks of the packing.
          const column = PackedColumn.pack([...Array.from({ length: before }, (_, i) => 3 * i), ...documents]);
          const frequencies = PackedColumn.pack(
            [...Array.from({ length: before }, () => 9), ...documents.map((document) => (document % 7) + 1)],
            'u8',
          );
          if (unpacked) {
            column.unpack();
            frequencies.unpack();
          }
          const denseViews = new DenseViews(521);
          const postings = new TermPostings(column, frequencies, before, documents.length, undefined, denseViews);
          expect(documentsOf(postings)).toEqual(documents);
          // A walk asks in ascending order, a search that stops early (from the last paragraphs) descending.
          const questions = order === 'asked' ? asked : [...asked].sort((a, b) => (order === 'ascending' ? a - b : b - a));
          for (const document of questions) {
            const expected = documents.includes(document) ? (document % 7) + 1 : 0;
            expect(postings.frequencyIn(document)).toBe(expected);
            expect(postings.has(document)).toBe(expected > 0);
          }
          // Asked about every paragraph, the list is lent a dense view and still answers the same; taken
          // back, the view is all zeros again.
          for (let document = 0; document <= 520; document++) {
            expect(postings.frequencyIn(document)).toBe(documents.includes(document) ? (document % 7) + 1 : 0);
          }
          const dense = postings.dense;
          expect(dense).toBeDefined();
          denseViews.returnAll();
          expect(postings.dense).toBeUndefined();
          if (dense) expect(dense.every((byte) => byte === 0)).toBe(true);
        },
      ),
    );
  });
});

describe('PostingColumnsBuilder', () => {
  it('counts a term repeated in a paragraph as its frequency, and each paragraph’s distinct terms', () => {
    const builder = new PostingColumnsBuilder();
    builder.add('a#1', ['hop', 'tac', 'hop']);
    builder.add('a#2', ['tac']);
    const columns = builder.finish();
    const lookup = runToEnd(indexPostingColumns(columns));
    const hop = lookup.postingsOf('hop')!;
    const tac = lookup.postingsOf('tac')!;
    expect(documentsOf(hop)).toEqual([0]);
    expect(hop.frequencyIn(0)).toBe(2);
    expect(documentsOf(tac)).toEqual([0, 1]);
    expect(lookup.documentFrequency('tac')).toBe(2);
    expect(lookup.postingsOf('missing')).toBeUndefined();
    expect([...columns.fieldLengths]).toEqual([2, 1]);
    expect(columns.averageLength).toBe(1.5);
  });

  it('keeps frequencies of 255 and more exactly, in the overflow table, read through the list, its walk and its dense view', () => {
    // Paragraph i holds `hop` LARGE[i % 6] times; every fourth paragraph also holds `tac` once.
    const LARGE = [1, 254, 255, 256, 300, 70_000];
    const builder = new PostingColumnsBuilder();
    const expected = Array.from({ length: 400 }, (_, i) => LARGE[i % LARGE.length]!);
    expected.forEach((count, i) => builder.add(`a#${i}`, [...(i % 4 === 0 ? ['tac'] : []), ...Array<string>(count).fill('hop')]));
    const columns = builder.finish();
    const hopStart = columns.termEnds[0]!; // `tac` came first
    expect([...columns.frequencies.slice(hopStart, hopStart + 6)]).toEqual([1, 254, 255, 255, 255, 255]);
    expect(columns.overflowPositions.length).toBe(expected.filter((count) => count >= 255).length);
    expect([...columns.overflowPositions].every((position, i, all) => i === 0 || all[i - 1]! < position)).toBe(true);
    expect([...columns.overflowFrequencies.subarray(0, 4)]).toEqual([255, 256, 300, 70_000]);

    const lookup = runToEnd(indexPostingColumns(columns));
    const hop = lookup.postingsOf('hop')!;
    expect(expected.map((_, at) => hop.frequencyAt(at))).toEqual(expected);
    // Asked 400 times, the list borrows a dense view part way through; both give the exact frequency.
    for (let round = 0; round < 3; round++) {
      expect(expected.map((_, document) => hop.frequencyIn(document))).toEqual(expected);
      expect(hop.dense).toBeDefined();
    }
    lookup.endQuery();
    expect(hop.dense).toBeUndefined();
    expect(lookup.postingsOf('tac')!.frequencyIn(0)).toBe(1);
    expect(lookup.postingsOf('tac')!.frequencyIn(1)).toBe(0);
  });

  it('refuses a paragraph id seen before', () => {
    const builder = new PostingColumnsBuilder();
    builder.add('a#1', ['hop']);
    expect(() => builder.add('a#1', ['tac'])).toThrow(/duplicate/);
  });
});

describe('loading columns', () => {
  const articles = [
    makeArticle({
      id: 'talks2025',
      date: '2025-06',
      paragraphs: ['Tổng thư ký Mark Rutte và các đối tác ra tuyên bố chung về chống khủng bố.', 'Hai bên bàn về hợp tác quốc phòng.'],
    }),
  ];
  const index = buildPassageIndex(articles);

  it('answers the same after a round trip through columns', async () => {
    const reloaded = await loadPassageIndexColumns(index.toColumns(), articles);
    for (const query of ['Mark Rutte', 'hop tac quoc phong', 'Rutt', 'tuyen bo chung'])
      expect(reloaded.search(query)).toEqual(index.search(query));
    expect(reloaded.suggest('Rutt')).toEqual(index.suggest('Rutt'));
  });

  it('refuses a posting without occurrences, and an overflow table that does not fit the frequencies', async () => {
    const builder = new PostingColumnsBuilder();
    builder.add('a#1', ['tac', ...Array<string>(300).fill('hop')]);
    builder.add('a#2', Array<string>(400).fill('hop'));
    const columns = builder.finish();
    const { overflowPositions: positions, overflowFrequencies: frequencies } = columns;
    expect([...positions]).toEqual([1, 2]); // `tac` is the first posting
    const damaged = {
      'a posting without occurrences': { frequencies: PackedColumn.pack([0, 255, 255], 'u8') },
      'a frequency byte over 255': { frequencies: PackedColumn.pack([1, 256, 255], 'u8') },
      'a marked posting missing from the table': { overflowPositions: positions.slice(0, 1), overflowFrequencies: frequencies.slice(0, 1) },
      'an entry of a posting not marked': {
        overflowPositions: Uint32Array.of(0, 1, 2),
        overflowFrequencies: Uint32Array.of(500, 300, 400),
      },
      'entries out of order': { overflowPositions: Uint32Array.of(2, 1), overflowFrequencies: Uint32Array.of(400, 300) },
      'a small frequency in the table': { overflowFrequencies: Uint32Array.of(300, 7) },
      'tables of different lengths': { overflowFrequencies: Uint32Array.of(300) },
    };
    // Checked in one step, and one posting's term at a time (the overflow table's place carried between steps).
    for (const postingsPerStep of [undefined, 1]) {
      for (const [damage, change] of Object.entries(damaged)) {
        expect(() => runToEnd(indexPostingColumns({ ...columns, ...change }, postingsPerStep)), damage).toThrow(/passage index columns/);
      }
      expect(runToEnd(indexPostingColumns(columns, postingsPerStep)).postingsOf('hop')!.frequencyIn(1)).toBe(400);
    }
  });

  it('refuses postings that are out of order or name an unknown paragraph', async () => {
    const columns = index.toColumns();
    const twoPostings = columns.termEnds.findIndex((end, i) => end - (i === 0 ? 0 : columns.termEnds[i - 1]!) === 2);
    const start = twoPostings === 0 ? 0 : columns.termEnds[twoPostings - 1]!;
    const swappedValues = columns.documents.slice();
    [swappedValues[start], swappedValues[start + 1]] = [swappedValues[start + 1]!, swappedValues[start]!];
    const swapped = PackedColumn.pack(swappedValues);
    await expect(loadPassageIndexColumns({ ...columns, documents: swapped }, articles)).rejects.toThrow(/out of order/);
    const unknownValues = columns.documents.slice();
    unknownValues[0] = 99;
    const unknown = PackedColumn.pack(unknownValues);
    await expect(loadPassageIndexColumns({ ...columns, documents: unknown }, articles)).rejects.toThrow(/unknown paragraph/);
    // A list starts afresh at each term, in a step of its own or not: only a swap inside one list is refused.
    for (const postingsPerStep of [undefined, 1]) {
      expect(() => runToEnd(indexPostingColumns(columns, postingsPerStep))).not.toThrow();
      expect(() => runToEnd(indexPostingColumns({ ...columns, documents: swapped }, postingsPerStep))).toThrow(/out of order/);
    }
  });
});

describe('a word said 300 times in one paragraph (its frequency kept in the overflow table)', () => {
  // Two paragraphs of the same distinct terms (`rutte`, `hop`, `tac` and their bigrams): BM25's length
  // norm is then k for both, and their scores differ only by the frequency's part of BM25+.
  const articles = [
    makeArticle({
      id: 'repeated',
      date: '2025-06',
      paragraphs: [`${Array<string>(300).fill('Rutte').join(' ')} hợp tác`, 'Rutte Rutte hợp tác'],
    }),
  ];
  const { k, d } = SEARCH_TUNING.bm25;
  const frequencyPart = (frequency: number) => d + (frequency * (k + 1)) / (frequency + k);

  it('scores with its exact frequency, before and after a round trip through columns', async () => {
    const index = buildPassageIndex(articles);
    const columns = index.toColumns();
    expect([...columns.overflowFrequencies].sort((a, b) => a - b)).toEqual([299, 300]); // `rutte rutte` and `rutte`
    const { hits } = index.search('Rutte');
    expect(hits.map((hit) => hit.paragraph)).toEqual([1, 2]);
    // 255 in place of 300 would differ in the third decimal.
    expect(hits[0]!.score / hits[1]!.score).toBeCloseTo(frequencyPart(300) / frequencyPart(2), 12);
    const reloaded = await loadPassageIndexColumns(index.toColumns(), articles);
    expect(reloaded.search('Rutte')).toEqual(index.search('Rutte'));
  });
});
