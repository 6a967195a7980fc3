// One meeting reported several times is listed once, with every report's citation: what /who-met shows
// when two articles (or two paragraphs) tell the same meeting. The merge looks reports up by date, so
// a decade of news stays linear; it must fold exactly the reports that a plain scan would.
import { describe, expect, it } from 'vitest';
import type { Citation, MeetingItem } from '../../src/extract/items.ts';
import { mergeRepeatedMeetings, personKey } from '../../src/extract/mergeReports.ts';

function report(date: string, names: string[], quote: string, extra: Partial<MeetingItem> = {}): MeetingItem {
  return {
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    date,
    summary: `${names.join(' và ')} gặp nhau`,
    participants: names.map((name) => ({ name })),
    citations: [{ articleId: `a-${quote}`, date: date.slice(0, 7), paragraph: 1, quote }],
    ...extra,
  };
}

/** The merge as a plain scan of every earlier report of the cast (the obvious version, quadratic). */
function mergeByScan(meetings: readonly MeetingItem[]): { date: string; quotes: string[] }[] {
  const out: { cast: string | undefined; date: string; quotes: string[] }[] = [];
  for (const meeting of meetings) {
    const names = meeting.participants ?? [];
    // A report of one person is never folded, nor folded into.
    const cast =
      names.length < 2 ? undefined : `${meeting.status}|${[...new Set(names.map((person) => personKey(person.name)))].sort().join('|')}`;
    const quotes = meeting.citations.map((citation) => citation.quote);
    const match =
      cast === undefined
        ? undefined
        : out.find((kept) => kept.cast === cast && (kept.date.startsWith(meeting.date) || meeting.date.startsWith(kept.date)));
    if (!match) {
      out.push({ cast, date: meeting.date, quotes: [...new Set(quotes)] });
      continue;
    }
    if (meeting.date.length > match.date.length) match.date = meeting.date;
    for (const quote of quotes) if (!match.quotes.includes(quote)) match.quotes.push(quote);
  }
  return out.map(({ date, quotes }) => ({ date, quotes }));
}

const shape = (meetings: MeetingItem[]) =>
  meetings.map((meeting) => ({ date: meeting.date, quotes: meeting.citations.map((citation: Citation) => citation.quote) }));

describe('mergeRepeatedMeetings', () => {
  it('folds a report with a month into the report of a day in that month, keeping the day and both quotes', () => {
    const merged = mergeRepeatedMeetings([
      report('2025-06-24', ['Lee Jae Myung', 'Mark Rutte'], 'q1', { place: undefined }),
      report('2025-06', ['Mark Rutte', 'Lee Jae-myung'], 'q2', { place: 'La Hay' }),
      report('2025-06-25', ['Lee Jae Myung', 'Mark Rutte'], 'q3'),
    ]);
    expect(shape(merged)).toEqual([
      { date: '2025-06-24', quotes: ['q1', 'q2'] },
      { date: '2025-06-25', quotes: ['q3'] },
    ]);
    expect(merged[0]!.place).toBe('La Hay');
  });

  it('never folds reports of different people, of a planned and a held meeting, or of one person alone', () => {
    const merged = mergeRepeatedMeetings([
      report('2025-06-24', ['Lee Jae Myung', 'Mark Rutte'], 'q1'),
      report('2025-06-24', ['Lee Jae Myung', 'Fumio Kishida'], 'q2'),
      report('2025-06-24', ['Lee Jae Myung', 'Mark Rutte'], 'q3', { status: 'planned' }),
      report('2025-06-24', ['Mark Rutte'], 'q4'),
      report('2025-06-24', ['Mark Rutte'], 'q5'),
    ]);
    expect(shape(merged).map((meeting) => meeting.quotes)).toEqual([['q1'], ['q2'], ['q3'], ['q4'], ['q5']]);
  });

  it('folds exactly the reports a scan of every earlier report would, in the same order, on 3,000 random reports', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const dates = ['2024', '2025', '2025-06', '2025-06-24', '2025-06-25', '2025-07', '2025-07-01', '2024-06-24'];
    const people = ['Lee Jae Myung', 'Mark Rutte', 'Yoon Suk Yeol', 'Fumio Kishida'];
    const meetings = Array.from({ length: 3000 }, (_, i) =>
      report(pick(dates), random() < 0.1 ? [pick(people)] : [pick(people), pick(people)], `q${i % 400}`, {
        status: random() < 0.2 ? 'planned' : 'held',
      }),
    );
    const merged = shape(mergeRepeatedMeetings(meetings));
    expect(merged.length).toBeLessThan(500);
    expect(merged).toEqual(mergeByScan(meetings));
  });

  it('keeps a meeting reported 20,000 times linear: one item, every distinct quote once', () => {
    const meetings = Array.from({ length: 20_000 }, (_, i) =>
      report(i % 2 ? '2025-06' : '2025-06-24', ['Lee Jae Myung', 'Mark Rutte'], `q${i % 5000}`),
    );
    const merged = mergeRepeatedMeetings(meetings);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.citations).toHaveLength(5000);
    // The reports passed in are not changed.
    expect(meetings[0]!.citations).toHaveLength(1);
  });
});
