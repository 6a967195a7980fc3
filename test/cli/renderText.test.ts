// The CLI's text: what a script or a person at a terminal reads.
import { describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/cli/renderText.ts';
import type { MeetingItem } from '../../src/answers/answer.ts';

function meeting(status: 'held' | 'planned', who: string, extra: Partial<MeetingItem> = {}): MeetingItem {
  return {
    kind: 'meeting',
    status,
    meetingKind: 'meeting',
    date: '2024-11-02',
    participants: [{ name: 'Cho Tae-yul' }, { name: who }],
    summary: '',
    citations: [
      { articleId: 'a', date: '2024-11-04', paragraph: 1, quote: `Cho Tae-yul ${status === 'held' ? 'đã gặp' : 'sẽ gặp'} ${who}.` },
    ],
    ...extra,
  };
}

describe('renderAnswerText', () => {
  it('puts planned meetings after the held ones under one "Planned (not yet held):" heading, and marks calls', () => {
    const text = renderAnswerText({
      command: 'who-met',
      options: {},
      items: [
        meeting('held', 'Philip Goldberg', { meetingKind: 'call' }),
        meeting('planned', 'Iwaya Takeshi'),
        meeting('planned', 'Antony Blinken'),
      ],
    });
    const lines = text.split('\n');
    expect(lines.filter((line) => line === 'Planned (not yet held):')).toHaveLength(1);
    expect(lines.indexOf('Planned (not yet held):')).toBeGreaterThan(lines.findIndex((line) => line.includes('Philip Goldberg')));
    expect(lines.indexOf('Planned (not yet held):')).toBeLessThan(lines.findIndex((line) => line.includes('Iwaya Takeshi')));
    expect(text).toContain('1. [2024-11-02] (phone call) Cho Tae-yul, Philip Goldberg');
  });
});
