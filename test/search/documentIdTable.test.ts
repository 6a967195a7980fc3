import { describe, expect, it } from 'vitest';
import { DocumentIdTable } from '../../src/search/documentIdTable.ts';
import { paragraphDocumentId } from '../../src/search/passageIndex.ts';

describe('the paragraph ids of an index, as one text', () => {
  const ids = ['001_a#1', '001_a#2', '001_a#10', '001_ab#1', 'x#01', 'y#', 'z1', '001_a#3x'];
  const table = DocumentIdTable.of(ids);

  it('gives each id back as it was', () => {
    expect(table.length).toBe(ids.length);
    expect(table.ids()).toEqual(ids);
    expect(table.at(2)).toBe('001_a#10');
  });

  it('tells whether an id is exactly that of an article’s paragraph, as paragraphDocumentId writes it', () => {
    for (const [i, id] of ids.entries()) {
      for (const articleId of ['001_a', '001_ab', 'x', 'y', 'z', '001_']) {
        for (const number of [1, 2, 3, 10, 11]) {
          expect(table.names(i, articleId, number), `${id} as ${articleId} ¶${number}`).toBe(id === paragraphDocumentId(articleId, number));
        }
      }
    }
    expect(table.names(1, '001_a', 2)).toBe(true);
    expect(table.names(2, '001_a', 10)).toBe(true);
    expect(table.names(2, '001_a', 1)).toBe(false);
  });

  it('refuses ends that do not fit the text', () => {
    expect(() => new DocumentIdTable('a#1b#2', Uint32Array.of(3, 2))).toThrow(/out of order/);
    expect(() => new DocumentIdTable('a#1b#2', Uint32Array.of(3, 5))).toThrow(/do not cover/);
    expect(() => new DocumentIdTable('a#1', Uint32Array.of(3, 4))).toThrow(/do not cover/);
  });
});
