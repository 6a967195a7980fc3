// Lists of strings read by index: as made in this process (an array), and as read back from the cache
// (a view of a table of text at given indices, each string cut when asked).
import { describe, expect, it } from 'vitest';
import { ArrayByIndex, everyItem } from '../../src/text/listByIndex.ts';
import { stringListAt } from '../../src/library/lookups/storedLists.ts';
import { decodeTextColumn, encodeTextTable } from '../../src/library/textTable.ts';
import { runToEnd } from '../../src/text/steps.ts';

describe('lists of strings', () => {
  it('give each string by index, and none for a negative index, a fraction or past the end', () => {
    const list = new ArrayByIndex(['han quoc', 'nato', '']);
    expect(list.length).toBe(3);
    expect(everyItem(list)).toEqual(['han quoc', 'nato', '']);
    for (const index of [-1, 3, 0.5, Number.NaN]) expect(list.get(index)).toBeUndefined();
  });

  it('read back from a table at given indices, in their order, a string repeated where an index is', async () => {
    const { text, ends } = encodeTextTable(['tong thong', 'han quoc', 'nato'], 'utf8');
    const table = await decodeTextColumn(text, ends);
    const list = runToEnd(stringListAt(Uint32Array.of(2, 0, 2, 1), table));
    expect(list.length).toBe(4);
    expect(everyItem(list)).toEqual(['nato', 'tong thong', 'nato', 'han quoc']);
    for (const index of [-1, 4, 1.5]) expect(list.get(index)).toBeUndefined();
    // An index outside the table is a cache that does not fit.
    expect(() => runToEnd(stringListAt(Uint32Array.of(0, 3), table))).toThrow('names no string');
  });
});
