// `npm run ask -- --json` is what others score the bot through: the same question must print the same
// line whether the library was just built (items in the order extraction writes them) or read back
// from the cache (items in the order the cache gives them).
import { describe, expect, it } from 'vitest';
import type { Answer, MeetingItem } from '../../src/answers/answer.ts';
import { answerJson } from '../../src/cli/answerJson.ts';

const citation = { articleId: 'a1', date: '2025-06', paragraph: 1, quote: 'Hai bên đã hội đàm.', source: 'KBS' };
const asBuilt: MeetingItem = {
  kind: 'meeting',
  status: 'held',
  meetingKind: 'meeting',
  participants: [{ name: 'Wi Sung-lac' }, { name: 'Mark Rutte' }],
  date: '2025-06-24',
  summary: 'Wi Sung-lac — Mark Rutte · 2025-06-24',
  place: 'Hà Lan',
  citations: [{ quote: citation.quote, source: citation.source, articleId: 'a1', paragraph: 1, date: '2025-06' }],
} as MeetingItem;
const asCached = {
  kind: 'meeting',
  date: asBuilt.date,
  summary: asBuilt.summary,
  citations: [citation],
  status: 'held',
  meetingKind: 'meeting',
  participants: asBuilt.participants,
  place: 'Hà Lan',
} as MeetingItem;

const answerWith = (item: MeetingItem): Answer => ({ command: 'who-met', options: { year: 2025 }, items: [item] });

describe('answerJson', () => {
  it('prints a meeting the same whether it was just built or read from the cache', () => {
    const line = answerJson(answerWith(asBuilt));
    expect(line).toBe(answerJson(answerWith(asCached)));
    expect(line).toContain('"items":[{"kind":"meeting","date":"2025-06-24","summary":');
    expect(line).toContain('"citations":[{"articleId":"a1","date":"2025-06","paragraph":1,"quote":"Hai bên đã hội đàm.","source":"KBS"}]');
    expect(JSON.parse(line).items[0]).toEqual(JSON.parse(JSON.stringify(asBuilt)));
  });
});
