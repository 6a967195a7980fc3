import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import type { MeetingItem, Person } from '../../src/extract/items.ts';
import { type ItemEncoding, ItemDecoder, StringTable, encodeItem, encodePerson } from '../../src/library/cacheItems.ts';
import { type TextSource, decodeTextColumn, decodeTextTable, encodeTextTable } from '../../src/library/textTable.ts';
import { ArrayByIndex, everyItem } from '../../src/text/listByIndex.ts';
import { NO_ROLE, PersonColumns } from '../../src/library/personList.ts';
import { ParagraphStarts, paragraphsFromSpans } from '../../src/library/spanParagraph.ts';

/** A table of strings as the decoder reads one (by index). */
const byIndex = (strings: readonly string[]) => new ArrayByIndex(strings);

const BODY = 'Hai bên đã hội đàm tại Hà Nội. Hai bên nhất trí hợp tác.\n\nÔng Rutte gặp ông Wi.';
// Paragraph 1: [0, 56) with two sentences; paragraph 2: [58, 79) with one.
const SPANS = Uint32Array.of(0, 56, 2, 0, 30, 31, 56, 58, 79, 1, 58, 79);

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

  it('keep only their article and number, and read text, start, end and sentences from the spans', () => {
    const [first] = paragraphsFromSpans('a1', BODY, SPANS);
    expect(Object.keys(first!).sort()).toEqual(['articleId', 'number']);
    const { text, start, end } = first!;
    expect([text, start, end]).toEqual([BODY.slice(start, end), 0, 'Hai bên đã hội đàm tại Hà Nội. Hai bên nhất trí hợp tác.'.length]);
  });

  it('read one article’s stretch of the library’s spans, in place', () => {
    const library = Uint32Array.of(7, 7, 7, ...SPANS, 9);
    const paragraphs = [...paragraphsFromSpans('a1', BODY, library, 3, 3 + SPANS.length)];
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Hai bên đã hội đàm tại Hà Nội. Hai bên nhất trí hợp tác.',
      'Ông Rutte gặp ông Wi.',
    ]);
    expect(paragraphs[0]!.sentences.map((sentence) => sentence.text)).toEqual([
      'Hai bên đã hội đàm tại Hà Nội.',
      'Hai bên nhất trí hợp tác.',
    ]);
  });

  it('give paragraph 1 to the last by number, and none for 0, a negative, a fraction or past the end', () => {
    const paragraphs = paragraphsFromSpans('a1', BODY, SPANS);
    expect(paragraphs.length).toBe(2);
    expect(paragraphs.numbered(1)?.text).toBe('Hai bên đã hội đàm tại Hà Nội. Hai bên nhất trí hợp tác.');
    expect(paragraphs.numbered(2)?.text).toBe('Ông Rutte gặp ông Wi.');
    // An array's `at(-1)` would be the last paragraph: `/cite id#0` must not show it.
    for (const number of [0, -1, 1.5, 3, Number.NaN]) expect(paragraphs.numbered(number)).toBeUndefined();
    expect([...paragraphs].map((paragraph) => paragraph.number)).toEqual([1, 2]);
  });

  it('record every article’s paragraphs in one table of starts, each list reading only its own', () => {
    const library = Uint32Array.of(...SPANS, 0, 21, 1, 0, 21);
    const starts = new ParagraphStarts(3);
    const first = paragraphsFromSpans('a1', BODY, library, 0, SPANS.length, starts);
    const second = paragraphsFromSpans('a2', 'Ông Rutte gặp ông Wi.', library, SPANS.length, library.length, starts);
    expect([...starts.starts]).toEqual([0, 7, 12]);
    expect(starts.count).toBe(3);
    expect([first.length, second.length]).toEqual([2, 1]);
    expect(second.numbered(1)).toMatchObject({ articleId: 'a2', number: 1, text: 'Ông Rutte gặp ông Wi.' });
    expect(second.numbered(2)).toBeUndefined();
    expect(first.numbered(2)?.text).toBe('Ông Rutte gặp ông Wi.');
    // A cache whose spans hold more paragraphs than its header counts is damaged.
    expect(() => paragraphsFromSpans('a3', BODY, library, 0, SPANS.length, starts)).toThrow('bad span');
  });

  it('refuse spans that do not fit the body or are cut short', () => {
    expect(() => paragraphsFromSpans('a1', BODY, Uint32Array.of(0, 500, 0))).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, Uint32Array.of(0, 56, 2, 0, 30))).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, Uint32Array.of(0, 56))).toThrow('bad span');
    expect(() => paragraphsFromSpans('a1', BODY, SPANS, 0, SPANS.length + 1)).toThrow('bad span');
  });
});

describe('items as the cache stores them', () => {
  const meeting = (): MeetingItem => ({
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    date: '2025-06-24',
    participants: [{ name: 'Mark Rutte', role: 'Tổng thư ký NATO' }, { name: 'Wi Sung-lac' }],
    place: 'Hà Nội',
    summary: 'Mark Rutte met Wi',
    citations: [
      {
        articleId: 'a1',
        date: '2025-06-24',
        paragraph: 1,
        quote: 'Hai bên nhất trí hợp tác.',
        url: 'https://example.org/a1',
        source: 'VNA',
        title: 'Hội đàm',
      },
    ],
  });
  const encodingFor = (articles: Article[]): ItemEncoding => ({
    articles,
    articleIndexById: new Map(articles.map((source, index) => [source.id, index])),
    strings: new StringTable(),
  });
  /** As the cache holds them: encoded, then written as JSON, beside the table of strings. */
  const stored = (items: MeetingItem[], articles: Article[]) => {
    const encoding = encodingFor(articles);
    const json = JSON.stringify(items.map((item) => encodeItem(item, encoding)));
    return { json, decoder: new ItemDecoder(articles, byIndex(encoding.strings.strings)) };
  };
  const roundTrip = (items: MeetingItem[], articles: Article[]) => {
    const { json, decoder } = stored(items, articles);
    return (JSON.parse(json) as unknown[]).map((raw) => decoder.item(raw, 'meeting'));
  };

  it('store text as indices into one table of strings, a quote as where it sits in the body, the article’s own fields as references', () => {
    const { json } = stored([meeting()], [article()]);
    expect(json).not.toMatch(/[^\x00-\x7f]/);
    expect(json).not.toContain('example.org');
    expect(json).toContain('"quote":[31,56]');
    expect(json).toContain('"articleId":0');
  });

  it('read back exactly as before, key order included, each quote a slice of its article’s body', () => {
    const source = article();
    const [decoded] = roundTrip([meeting()], [source]);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(meeting()));
    expect(decoded!.citations[0]!.quote).toBe(source.body.slice(31, 56));
  });

  it('keep a citation field that differs from its article’s, and a quote not found in it, as written', () => {
    const item = meeting();
    item.citations[0]!.quote = 'Không có trong bài.';
    item.citations[0]!.title = 'Another headline';
    expect(roundTrip([item], [article()])).toEqual([item]);
  });

  it('keep one copy of each name, role and place', () => {
    const [one, two] = roundTrip([meeting(), meeting()], [article()]);
    expect(one!.participants[0]!.name).toBe(two!.participants[0]!.name);
    expect(one!.place).toBe(two!.place);
  });

  it('refuse an item that does not fit: a quote outside its article, an unknown article or string, a missing field', () => {
    const { json, decoder } = stored([meeting()], [article()]);
    const encoded = () => (JSON.parse(json) as Array<Record<string, any>>)[0]!;
    const outside = encoded();
    outside.citations[0].quote = [31, 5000];
    expect(() => decoder.item(outside, 'meeting')).toThrow('outside its article');
    const unknown = encoded();
    unknown.citations[0].articleId = 7;
    expect(() => decoder.item(unknown, 'meeting')).toThrow('unknown article');
    const noString = encoded();
    noString.summary = 99;
    expect(() => decoder.item(noString, 'meeting')).toThrow('names no string');
    const noStatus = encoded();
    delete noStatus.status;
    expect(() => decoder.item(noStatus, 'meeting')).toThrow('does not fit');
    expect(() => decoder.item(encoded(), 'agreement')).toThrow('does not fit');
  });

  it('read the people back as columns of their names’ and titles’ strings, and refuse one that names no string', () => {
    const source = article();
    const encoding = encodingFor([source]);
    const people: Person[] = [{ name: 'Mark Rutte', role: 'Tổng thư ký NATO' }, { name: 'Wi Sung-lac' }];
    const json = JSON.stringify(people.map((person) => encodePerson(person, encoding)));
    expect(json).not.toContain('Rutte');
    const strings = byIndex(encoding.strings.strings);
    const decoder = new ItemDecoder([source], strings);
    const ids = (JSON.parse(json) as unknown[]).map((raw) => decoder.personIds(raw, NO_ROLE));
    const columns = new PersonColumns(
      Uint32Array.from(ids, ([name]) => name),
      Uint32Array.from(ids, ([, role]) => role),
      strings,
    );
    expect(everyItem(columns)).toEqual(people);
    expect(Object.keys(columns.get(1)!)).toEqual(['name']);
    for (const index of [-1, 2, 0.5]) expect(columns.get(index)).toBeUndefined();
    // Fields an older cache wrote (the person's articles) are not read.
    const older = { ...(JSON.parse(json) as Record<string, unknown>[])[0], articleIds: [0], foldedName: 0 };
    expect(decoder.personIds(older, NO_ROLE)).toEqual(ids[0]);
    expect(() => decoder.personIds({ name: 99 }, NO_ROLE)).toThrow('names no string');
    expect(() => decoder.personIds({ name: ids[0]![0], role: 99 }, NO_ROLE)).toThrow('names no string');
  });
});

describe('tables of strings', () => {
  it('as a column, cut each string when asked from many stretches, empty ones at their edges included', async () => {
    const strings = ['Hội đàm', '', '', 'tại Hà Nội 🇻🇳.', '', 'Hai bên nhất trí hợp tác quốc phòng.', 'a', '', '😀😀'];
    const { text, ends } = encodeTextTable(strings, 'utf16le');
    for (const chunkUnits of [1, 4, 16, 1000]) {
      const column = await decodeTextColumn(text, ends, undefined, chunkUnits);
      expect(column.length).toBe(strings.length);
      expect(Array.from({ length: column.length }, (_, i) => column.get(i))).toEqual(strings);
    }
    // A wanted empty string at the start of a stretch that is not wanted (not made a string) is still ''.
    const edge = encodeTextTable(['abcd', '', 'efgh'], 'utf16le');
    expect(await decodeTextTable(edge.text, edge.ends, undefined, 4, (i) => i !== 2)).toEqual(['abcd', '', undefined]);
    const column = await decodeTextColumn(encodeTextTable(['NATO', 'Seoul'], 'utf8').text, Uint32Array.of(4, 9));
    expect([column.get(0), column.get(1)]).toEqual(['NATO', 'Seoul']);
    for (const index of [-1, 2, 0.5, Number.NaN]) expect(column.get(index)).toBeUndefined();
  });

  it('read back every string, Vietnamese, empty or with a lone surrogate, in either encoding', async () => {
    const strings = ['bộ_trưởng', '', 'NATO', 'a\ud800b', 'x'];
    const kept = encodeTextTable(strings, 'utf8');
    expect(kept.text.encoding).toBe('utf16le');
    expect(await decodeTextTable(kept.text, kept.ends)).toEqual(strings);
    const plain = encodeTextTable(['bộ_trưởng', 'NATO'], 'utf8');
    expect(plain.text.encoding).toBe('utf8');
    expect(await decodeTextTable(plain.text, plain.ends)).toEqual(['bộ_trưởng', 'NATO']);
  });

  it('read a long UTF-16 table a stretch at a time, every string whole', async () => {
    // Over four megabytes of text: decoded in several stretches, strings of every length across their edges.
    const strings = Array.from({ length: 3000 }, (_, i) => `${i}: ${'Hội đàm tại Hà Nội. '.repeat(i % 97)}`);
    const { text, ends } = encodeTextTable(strings, 'utf16le');
    expect(text.bytes.byteLength).toBeGreaterThan(4 * 1024 * 1024);
    expect(await decodeTextTable(text, ends)).toEqual(strings);
  });

  it('pause between the stretches of a table of few long strings, not only every few thousand strings', async () => {
    // Fewer strings than one pause's worth (a reload's article bodies), over 12 MB of text: each stretch
    // of about 4 MB is decoded between two pauses, so no single step decodes them all.
    const strings = Array.from({ length: 600 }, (_, i) => `${i}: ${'Hai bên nhất trí hợp tác quốc phòng. '.repeat(300)}`);
    const { text, ends } = encodeTextTable(strings, 'utf16le');
    expect(text.bytes.byteLength).toBeGreaterThan(12 * 1024 * 1024);
    let pauses = 0;
    expect(await decodeTextTable(text, ends, async () => void pauses++)).toEqual(strings);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('read a UTF-16 table from its source in stretches of whole strings, in order, never the whole text at once', async () => {
    // Strings longer and shorter than a stretch, empty ones, and surrogate pairs that a cut must not split.
    const strings = ['Hội đàm', '', 'tại Hà Nội 🇻🇳.', 'Hai bên nhất trí hợp tác quốc phòng.', 'a', '😀😀', '', 'Ông Rutte gặp ông Wi.'];
    const { text, ends } = encodeTextTable(strings, 'utf16le');
    const reads: Array<[number, number]> = [];
    let last: Uint8Array | undefined;
    const source: TextSource = {
      encoding: 'utf16le',
      byteLength: text.bytes.byteLength,
      // A fresh copy each time, the last one's bytes spoiled: a stretch must not be used after the next read.
      read: async (start, end) => {
        reads.push([start, end]);
        last?.fill(0);
        return (last = Uint8Array.from(text.bytes.subarray(start, end)));
      },
    };
    const chunkUnits = 12;
    expect(await decodeTextTable(source, ends, undefined, chunkUnits)).toEqual(strings);
    expect(reads.length).toBeGreaterThan(3);
    const stringEdges = new Set([0, ...[...ends].map((end) => 2 * end)]);
    reads.forEach(([start, end], i) => {
      expect(start).toBe(i === 0 ? 0 : reads[i - 1]![1]);
      expect(stringEdges.has(start) && stringEdges.has(end)).toBe(true);
      // At most a stretch, unless it is one string longer than a stretch.
      const longOne = [...ends].some((stringEnd, at) => 2 * stringEnd === end && 2 * (at === 0 ? 0 : ends[at - 1]!) === start);
      expect(end - start <= 2 * chunkUnits || longOne).toBe(true);
    });
    expect(reads.at(-1)![1]).toBe(text.bytes.byteLength);
  });

  it('refuse ends that do not fit their text', async () => {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const { text } = encodeTextTable(['ab', 'cd'], encoding);
      await expect(decodeTextTable(text, Uint32Array.of(3, 2))).rejects.toThrow('out of order');
      await expect(decodeTextTable(text, Uint32Array.of(2, 3))).rejects.toThrow('does not cover');
      await expect(decodeTextTable(text, Uint32Array.of(2, 9))).rejects.toThrow('out of order');
    }
  });
});
