import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import type { MeetingItem } from '../../src/extract/items.ts';
import type { PersonEntry } from '../../src/library/library.ts';
import { StringPool, shareItemStrings, sharePersonEntry } from '../../src/library/shareStrings.ts';
import { paragraphsFromSpans } from '../../src/library/spanParagraph.ts';

const BODY = 'Hai bên đã hội đàm tại Hà Nội. Hai bên nhất trí hợp tác.\n\nÔng Rutte gặp ông Wi.';
// Paragraph 1: [0, 56) with two sentences; paragraph 2: [58, 79) with one.
const SPANS = [0, 56, 2, 0, 30, 31, 56, 58, 79, 1, 58, 79];

function article(): Article {
  return {
    id: 'a1',
    file: 'a1.txt',
    format: 'text',
    date: { year: 2025, month: 6, day: 24, text: '2025-06-24' },
    meta: { title: 'Hội đàm', source: 'VNA', url: 'https://example.org/a1' },
    body: BODY,
    bodyLine: 3,
    paragraphs: paragraphsFromSpans('a1', BODY, SPANS),
    hash: 'x',
  };
}

describe('paragraphs read from the cache', () => {
  it('cut each paragraph and, on demand, each sentence as an exact slice of the body', () => {
    const [first, second] = paragraphsFromSpans('a1', BODY, SPANS);
    expect(first!.text).toBe('Hai bên đã hội đàm tại Hà Nội. Hai bên nhất trí hợp tác.');
    expect(first!.sentences.map((sentence) => sentence.text)).toEqual(['Hai bên đã hội đàm tại Hà Nội.', 'Hai bên nhất trí hợp tác.']);
    expect(first!.sentences.map((sentence) => sentence.number)).toEqual([1, 2]);
    expect(second).toMatchObject({ articleId: 'a1', number: 2, start: 58, end: 79, text: 'Ông Rutte gặp ông Wi.' });
    expect(second!.sentences).toEqual([{ number: 1, text: 'Ông Rutte gặp ông Wi.', start: 58, end: 79 }]);
  });

  it('have the keys of a Paragraph and no others (sentences read through a getter)', () => {
    const [first] = paragraphsFromSpans('a1', BODY, SPANS);
    expect(Object.keys(first!).sort()).toEqual(['articleId', 'end', 'number', 'start', 'text']);
  });

  it('refuse spans that do not fit the body, are cut short or are not whole numbers', () => {
    expect(() => paragraphsFromSpans('a1', BODY, [0, 500, 0])).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, [0, 56, 2, 0, 30])).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, [0, 56])).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, [0, 5.5, 0])).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, [0, '56', 0])).toThrow('bad span');
  });
});

describe('decoded items share the strings the library already holds', () => {
  const decodedItem = (): MeetingItem =>
    JSON.parse(
      JSON.stringify({
        kind: 'meeting',
        date: '2025-06-24',
        participants: [{ name: 'Mark Rutte', role: 'Tổng thư ký NATO' }],
        place: 'Hà Nội',
        summary: 'Mark Rutte met Wi',
        citations: [
          {
            articleId: 'a1',
            date: '2025-06-24',
            paragraph: 1,
            quote: 'Hai bên nhất trí hợp tác.',
            source: 'VNA',
            title: 'Hội đàm',
            url: 'https://example.org/a1',
          },
        ],
      }),
    ) as MeetingItem;

  it('reads exactly as before, key order included', () => {
    const source = article();
    const shared = shareItemStrings(decodedItem(), new Map([['a1', source]]), new StringPool());
    expect(JSON.stringify(shared)).toBe(JSON.stringify(decodedItem()));
  });

  it('keeps one copy of each name and place, and quotes that are still the article’s words', () => {
    const source = article();
    const pool = new StringPool();
    const byId = new Map([['a1', source]]);
    const [one, two] = [shareItemStrings(decodedItem(), byId, pool), shareItemStrings(decodedItem(), byId, pool)];
    expect(one.participants![0]!.name).toBe(two.participants![0]!.name);
    expect(pool.share('Mark Rutte')).toBe(one.participants![0]!.name);
    const quote = one.citations[0]!.quote;
    expect(quote).toBe('Hai bên nhất trí hợp tác.');
    expect(source.body.includes(quote)).toBe(true);
  });

  it('leaves a citation whose article is unknown, or whose quote is not in it, as it was', () => {
    const item = decodedItem();
    item.citations[0]!.quote = 'Không có trong bài.';
    const shared = shareItemStrings(item, new Map([['a1', article()]]), new StringPool());
    expect(shared.citations[0]!.quote).toBe('Không có trong bài.');
    const elsewhere = shareItemStrings(decodedItem(), new Map(), new StringPool());
    expect(elsewhere).toEqual(decodedItem());
  });

  it('points a person’s article ids at the articles’ own', () => {
    const entry: PersonEntry = { name: 'Mark Rutte', foldedName: 'mark rutte', articleIds: ['a1', 'gone'] };
    const shared = sharePersonEntry(JSON.parse(JSON.stringify(entry)) as PersonEntry, new Map([['a1', article()]]), new StringPool());
    expect(shared).toEqual(entry);
  });
});
