import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingColumnsBuilder, TermPostings, indexPostingColumns } from '../../src/search/postingColumns.ts';
import { buildPassageIndex, loadPassageIndexColumns } from '../../src/search/passageIndex.ts';
import { makeArticle } from './makeArticle.ts';

function runToEnd<Result>(steps: Generator<void, Result, void>): Result {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('TermPostings: one term’s paragraphs, looked up in place', () => {
  it('finds every paragraph of the list and no other, asked in any order', () => {
    const ascending = fc.uniqueArray(fc.nat(500), { maxLength: 60 }).map((values) => values.sort((a, b) => a - b));
    fc.assert(
      fc.property(ascending, fc.array(fc.nat(520), { maxLength: 80 }), fc.boolean(), (documents, asked, inOrder) => {
        const postings = new TermPostings(
          Uint32Array.from(documents),
          Uint32Array.from(documents, (document) => (document % 7) + 1),
        );
        const questions = inOrder ? [...asked].sort((a, b) => a - b) : asked;
        for (const document of questions) {
          const expected = documents.includes(document) ? (document % 7) + 1 : 0;
          expect(postings.frequencyIn(document)).toBe(expected);
          expect(postings.has(document)).toBe(expected > 0);
        }
      }),
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
    expect([...hop.documents]).toEqual([0]);
    expect(hop.frequencyIn(0)).toBe(2);
    expect([...tac.documents]).toEqual([0, 1]);
    expect(lookup.documentFrequency('tac')).toBe(2);
    expect(lookup.postingsOf('missing')).toBeUndefined();
    expect([...columns.fieldLengths]).toEqual([2, 1]);
    expect(columns.averageLength).toBe(1.5);
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

  it('refuses postings that are out of order or name an unknown paragraph', async () => {
    const columns = index.toColumns();
    const twoPostings = columns.termEnds.findIndex((end, i) => end - (i === 0 ? 0 : columns.termEnds[i - 1]!) === 2);
    const start = twoPostings === 0 ? 0 : columns.termEnds[twoPostings - 1]!;
    const swapped = Uint32Array.from(columns.documents);
    [swapped[start], swapped[start + 1]] = [swapped[start + 1]!, swapped[start]!];
    await expect(loadPassageIndexColumns({ ...columns, documents: swapped }, articles)).rejects.toThrow(/out of order/);
    const unknown = Uint32Array.from(columns.documents);
    unknown[0] = 99;
    await expect(loadPassageIndexColumns({ ...columns, documents: unknown }, articles)).rejects.toThrow(/unknown paragraph/);
  });
});
