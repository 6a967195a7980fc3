import { describe, expect, it } from 'vitest';
import { DecodedLists } from '../../src/search/decodedLists.ts';
import { PostingDocuments } from '../../src/search/postingDocuments.ts';

/** A column of three lists: 0..299 by 1, 0..2,990 by 10, then 5 values. */
const values = [
  ...Array.from({ length: 300 }, (_, i) => i),
  ...Array.from({ length: 300 }, (_, i) => i * 10),
  ...[7, 70, 700, 7000, 70000],
];
const lists = [
  [0, 300],
  [300, 300],
  [600, 5],
] as const;

describe('DecodedLists: the lists a query reads, as plain arrays', () => {
  it('keeps every list of a query intact while the query decodes more, past its shared buffer too', () => {
    // A shared buffer of at most 400 postings: the second list needs a larger one, the third one of its own.
    const decoded = new DecodedLists(PostingDocuments.pack(values), 400);
    for (let query = 0; query < 3; query++) {
      const read = lists.map(([start, count]) => decoded.decode(start, count));
      const again = decoded.decode(0, 300);
      read.forEach((list, i) => expect([...list]).toEqual(values.slice(lists[i]![0], lists[i]![0] + lists[i]![1])));
      expect([...again]).toEqual(values.slice(0, 300));
      decoded.endQuery();
    }
  });

  it('hands out views of an unpacked column, decoding nothing', () => {
    const column = PostingDocuments.pack(values);
    column.unpack();
    const decoded = new DecodedLists(column);
    const list = decoded.decode(300, 300);
    expect(list.buffer).toBe(column.view(0, 1)!.buffer);
    expect([...list]).toEqual(values.slice(300, 600));
  });
});
