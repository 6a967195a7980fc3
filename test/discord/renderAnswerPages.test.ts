// Pages of a long answer: only the page shown is rendered, so a reply or a page press costs the same
// for ten results as for ten thousand (issue 14: /sources rendered all 8,689 articles per call).
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerItem } from '../../src/answers/answer.ts';
import { ITEMS_PER_PAGE, renderAnswer } from '../../src/discord/renderAnswer.ts';
import { LIMITS, embedLength } from '../../src/discord/replyPayload.ts';

const ASKER = '111111111111111111';

function meeting(index: number, quoteLength = 80): AnswerItem {
  const quote = `Câu số ${index}: ${'hai bên đã hội đàm về hợp tác. '.repeat(Math.ceil(quoteLength / 31))}`.slice(0, quoteLength);
  return {
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    participants: [],
    date: '2025-06-24',
    summary: `Cuộc gặp ${index}`,
    citations: [{ articleId: 'a', date: '2025-06', paragraph: index + 1, quote }],
  };
}

/** An answer whose items record which of them were read. */
function watchedAnswer(count: number): { answer: Answer; read: Set<number> } {
  const items = Array.from({ length: count }, (_, index) => meeting(index));
  const read = new Set<number>();
  const watched = new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) read.add(Number(property));
      return Reflect.get(target, property, receiver);
    },
  });
  return { answer: { command: 'who-met', options: {}, items: watched }, read };
}

describe('renderAnswer: only the page shown is rendered', () => {
  it('reads just the five items of page 300 of a 10,000-item answer, and counts the pages exactly', () => {
    const { answer, read } = watchedAnswer(10_000);
    const rendered = renderAnswer(answer, { locale: 'en', askerId: ASKER, page: 299 });
    expect([...read].sort((a, b) => a - b)).toEqual([1495, 1496, 1497, 1498, 1499]);
    expect(rendered.pageCount).toBe(2000);
    expect(rendered.payload.embeds.map((embed) => embed.title)).toEqual([
      '1496. Cuộc gặp 1495',
      '1497. Cuộc gặp 1496',
      '1498. Cuộc gặp 1497',
      '1499. Cuộc gặp 1498',
      '1500. Cuộc gặp 1499',
    ]);
    expect(rendered.payload.embeds.at(-1)?.footer?.text).toBe('10000 results · page 300 of 2000');
  });

  it('keeps five items on a page of long quotes, shortened to fit Discord’s 6,000 characters', () => {
    const items = Array.from({ length: 12 }, (_, index) => ({
      ...meeting(index, 2000),
      citations: [0, 1, 2].map((n) => ({ ...meeting(index, 2000).citations[0]!, paragraph: n + 1 })),
    }));
    const rendered = renderAnswer({ command: 'who-met', options: {}, items }, { locale: 'en', askerId: ASKER, page: 1 });
    expect(rendered.payload.embeds).toHaveLength(ITEMS_PER_PAGE);
    expect(rendered.pageCount).toBe(3);
    expect(rendered.payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(rendered.payload.embeds[0]?.description).toContain('…');
  });
});
