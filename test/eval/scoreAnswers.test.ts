// The scorer itself: it must catch the mistakes it exists to count, or a green `npm run eval` means nothing.
import { describe, expect, it } from 'vitest';
import { scoreAnswers, isPieceOfArticle } from '../../scripts/eval/scoreAnswers.ts';
import type { Answer, AnswerItem, MeetingItem } from '../../src/answers/answer.ts';
import type { Gold } from '../../scripts/eval/goldFile.ts';

const body = 'Tổng thống Yoon Suk Yeol sẽ gặp Thủ tướng Nhật Bản Kishida Fumio tại Tokyo. Hai bên đề nghị tăng cường hợp tác.';
const bodies = new Map([['a', body]]);
const gold: Gold = {
  a: {
    meetings: [
      {
        status: 'planned',
        date: '2024-05',
        participants: [
          { name: 'Yoon Suk Yeol', role: 'Tổng thống' },
          { name: 'Kishida Fumio', role: 'Thủ tướng Nhật Bản' },
        ],
      },
    ],
    agreements: [],
    notMeetings: [],
    notAgreements: ['Hai bên đề nghị tăng cường hợp tác'],
    questions: [],
  },
};

function meeting(overrides: Partial<MeetingItem>): MeetingItem {
  return {
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    date: '2024-05',
    participants: [
      { name: 'Yoon Suk-yeol', role: 'Tổng thống' },
      { name: 'Kishida Fumio', role: 'Thủ tướng Nhật Bản' },
    ],
    summary: '',
    citations: [
      {
        articleId: 'a',
        date: '2024-05',
        paragraph: 1,
        quote: 'Tổng thống Yoon Suk Yeol sẽ gặp Thủ tướng Nhật Bản Kishida Fumio tại Tokyo.',
      },
    ],
    ...overrides,
  };
}

const answer = (command: Answer['command'], items: AnswerItem[]): Answer => ({ command, options: {}, items });

describe('scoreAnswers', () => {
  it('counts a planned meeting shown as held, however the name is hyphenated', () => {
    const report = scoreAnswers(gold, bodies, { whoMet: answer('who-met', [meeting({})]), agreements: answer('agreements', []), asks: [] });
    expect(report.meetings.plannedShownAsHeld).toBe(1);
    expect(report.passed).toBeLessThan(report.checks);
  });

  it('passes the same meeting shown as planned', () => {
    const report = scoreAnswers(gold, bodies, {
      whoMet: answer('who-met', [meeting({ status: 'planned' })]),
      agreements: answer('agreements', []),
      asks: [],
    });
    expect(report.meetings).toMatchObject({ plannedShownAsHeld: 0, plannedFound: 1 });
    expect(report.passed).toBe(report.checks);
  });

  it('counts a proposal listed as an agreement, a title cut from its qualifier and a quote that is not in the article', () => {
    const proposal: AnswerItem = {
      kind: 'agreement',
      status: 'held',
      date: '2024-05',
      summary: '',
      citations: [{ articleId: 'a', date: '2024-05', paragraph: 1, quote: 'Hai bên đề nghị tăng cường hợp tác.' }],
    };
    const invented: AnswerItem = meeting({
      status: 'planned',
      participants: [{ name: 'Kishida Fumio', role: 'cựu Thủ tướng' }, { name: 'Yoon Suk Yeol' }],
      citations: [{ articleId: 'a', date: '2024-05', paragraph: 1, quote: 'Yoon gặp Kishida.' }],
    });
    const report = scoreAnswers(gold, bodies, {
      whoMet: answer('who-met', [invented]),
      agreements: answer('agreements', [proposal]),
      asks: [],
    });
    expect(report.agreements.proposalsListed).toBe(1);
    expect(report.notInArticle).toEqual({ roles: 1, places: 0, quotes: 1 });
  });

  it('lets a role use an acronym the article defines, and nothing else', () => {
    const nato = 'Tổng thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Mark Rutte';
    expect(isPieceOfArticle('Tổng thư ký NATO', nato)).toBe(true);
    expect(isPieceOfArticle('Tổng thư ký EU', nato)).toBe(false);
  });
});
