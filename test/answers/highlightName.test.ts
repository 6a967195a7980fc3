import { describe, expect, it } from 'vitest';
import type { MeetingItem } from '../../src/answers/answer.ts';
import {
  HIGHLIGHTED_QUOTES_PER_RESULT,
  HIGHLIGHTED_RESULTS,
  highlightFirstResults,
  highlightedItemsAt,
} from '../../src/answers/highlightName.ts';

/** A meeting reported `reports` times, each report quoting Rutte. */
function meetingReported(reports: number, day: number): MeetingItem {
  return {
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    date: `2025-06-${String(day).padStart(2, '0')}`,
    summary: 'Mark Rutte — Wi Sung-lac',
    participants: [{ name: 'Mark Rutte' }, { name: 'Wi Sung-lac' }],
    citations: Array.from({ length: reports }, (_, report) => ({
      articleId: `a${report}`,
      date: '2025-06',
      paragraph: 1,
      quote: `Ông Mark Rutte đã hội đàm với ông Wi Sung-lac (bản tin ${report + 1}).`,
    })),
  };
}

describe('bold in a list of meetings', () => {
  it('bolds the name in the first quotes of the first results, and leaves the library’s items as they are', () => {
    const library = Array.from({ length: HIGHLIGHTED_RESULTS + 2 }, (_, i) =>
      meetingReported(HIGHLIGHTED_QUOTES_PER_RESULT + 3, (i % 28) + 1),
    );
    const answer = highlightFirstResults([...library], 'rutte');
    answer.forEach((item, i) => {
      item.citations.forEach((citation, quote) => {
        const bolded = i < HIGHLIGHTED_RESULTS && quote < HIGHLIGHTED_QUOTES_PER_RESULT;
        expect(citation.highlights?.map(({ start, end }) => citation.quote.slice(start, end)) ?? [], `result ${i}, quote ${quote}`).toEqual(
          bolded ? ['Rutte'] : [],
        );
      });
    });
    // A meeting reported hundreds of times no longer has each report's quote bolded on every command.
    expect(library.every((item) => item.citations.every((citation) => citation.highlights === undefined))).toBe(true);
  });
});

describe('bold in the meetings at some positions of a list', () => {
  it('lists the items at the positions, then the others given, bolding the first results of the positions only', () => {
    const library = Array.from({ length: 3 * HIGHLIGHTED_RESULTS }, (_, i) => meetingReported(1, (i % 28) + 1));
    const planned = [meetingReported(1, 28)];
    // More positions than are bolded, and fewer: the planned meeting after them is never bolded.
    for (const count of [HIGHLIGHTED_RESULTS + 3, 4]) {
      const positions = Uint32Array.from({ length: count }, (_, i) => 2 * i + 1);
      const items = highlightedItemsAt(library, positions, 'rutte', planned);
      expect(items).toHaveLength(count + 1);
      [...items].forEach((item, i) => {
        const source = i < count ? library[positions[i]!]! : planned[0]!;
        expect([item.date, item.summary]).toEqual([source.date, source.summary]);
        expect(item.citations[0]!.highlights !== undefined, `result ${i}`).toBe(i < Math.min(count, HIGHLIGHTED_RESULTS));
      });
      expect(items.at(-1)).toBe(planned[0]);
    }
    expect([...library, ...planned].every((item) => item.citations.every((citation) => citation.highlights === undefined))).toBe(true);
  });
});

describe('bold kept for a name asked again', () => {
  const bolds = (items: Iterable<MeetingItem>) =>
    [...items].map((item) =>
      item.citations.map((citation) => (citation.highlights ?? []).map(({ start, end }) => citation.quote.slice(start, end))),
    );

  it('gives a name asked again (another page, another member) the same bold, and another name on the same list its own', () => {
    const library = Array.from({ length: 30 }, (_, i) => meetingReported(2, (i % 28) + 1));
    const positions = Uint32Array.from({ length: 25 }, (_, i) => i);
    const first = bolds(highlightedItemsAt(library, positions, 'rutte') as Iterable<MeetingItem>);
    const again = bolds(highlightedItemsAt(library, positions, 'rutte') as Iterable<MeetingItem>);
    expect(again).toEqual(first);
    expect(first[0]).toEqual([['Rutte'], ['Rutte']]);
    // A different name on the same list and positions: its own words in bold, not the first name's.
    expect(bolds(highlightedItemsAt(library, positions, 'Wi Sung-lac') as Iterable<MeetingItem>)[0]).toEqual([
      ['Wi Sung-lac'],
      ['Wi Sung-lac'],
    ]);
    // The same name over a list from another library (same positions): that list's own quotes.
    const other = library.map((item) => ({
      ...item,
      citations: item.citations.map((citation) => ({ ...citation, quote: citation.quote.replace('Mark Rutte', 'Tổng thư ký Rutte') })),
    }));
    const fromOther = [...highlightedItemsAt(other, positions, 'rutte')];
    expect(fromOther[0]!.citations[0]!.quote).toContain('Tổng thư ký Rutte');
    expect(bolds(fromOther as MeetingItem[])[0]).toEqual([['Rutte'], ['Rutte']]);
  });
});
