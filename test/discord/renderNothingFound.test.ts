// The private "nothing found" reply: what was searched, why nothing matched (the engine's structured
// reason, put into words here in the member's language), closer terms, the years, and what to try.
import { describe, expect, it } from 'vitest';
import type { Answer, NothingFound } from '../../src/answers/answer.ts';
import { renderAnswer } from '../../src/discord/renderAnswer.ts';
import { LIMITS, embedLength, isEphemeral } from '../../src/discord/replyPayload.ts';

const ASKER = '111111111111111111';
const FRIEND = '222222222222222222';

function empty(command: Answer['command'], options: Answer['options'], nothingFound: NothingFound, extra: Partial<Answer> = {}): Answer {
  return { command, options, items: [], nothingFound, ...extra };
}

/** The embed's text, one paragraph per entry. */
function shown(answer: Answer, locale = 'en'): string[] {
  const { payload } = renderAnswer(answer, { locale, askerId: ASKER });
  expect(payload.embeds).toHaveLength(1);
  expect(embedLength(payload.embeds[0]!)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  return payload.embeds[0]!.description!.split('\n\n');
}

const noMeetingIn2031 = empty(
  'who-met',
  { year: 2031, person: 'Nguyễn *Văn* A' },
  { reason: 'no-meetings', person: 'Nguyễn *Văn* A' },
  { suggestions: ['Mark Rutte', 'Wi Sung-lac'], yearsAvailable: [2024, 2025] },
);

describe('renderAnswer: nothing found', () => {
  it('answers privately, pinging no one even with `mention`, titled "Nothing found"', () => {
    const { payload } = renderAnswer(noMeetingIn2031, { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    expect(isEphemeral(payload)).toBe(true);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.components).toEqual([]);
    expect(payload.embeds[0]!.title).toBe('Nothing found');
  });

  it('no-meetings with a person: what was searched, why, suggestions, the years, and to try part of the name', () => {
    expect(shown(noMeetingIn2031)).toEqual([
      '**I looked for:** /who-met · year: 2031 · person: “Nguyễn \\*Văn\\* A”',
      'No meeting in the library matches this.',
      '**Did you mean:** Mark Rutte · Wi Sung-lac',
      '**Years in the library:** 2024, 2025',
      '*Try a part of the name (a family name, say), with or without accents.*',
    ]);
  });

  it('no-meetings without a person: the general hint', () => {
    const lines = shown(empty('who-met', { year: 2031 }, { reason: 'no-meetings' }, { yearsAvailable: [2024] }));
    expect(lines).toContain('No meeting in the library matches this.');
    expect(lines.at(-1)).toBe('*Try fewer words, another spelling (with or without accents), or a different year.*');
  });

  it('met-in-other-years: names the years the person did meet someone, not the library’s years', () => {
    const answer = empty(
      'who-met',
      { year: 2025, person: 'Bùi Thanh Sơn' },
      { reason: 'met-in-other-years', person: 'Bùi Thanh Sơn', years: [2023, 2024] },
      { yearsAvailable: [2023, 2024] },
    );
    const lines = shown(answer);
    expect(lines).toContain('“Bùi Thanh Sơn” took part in meetings in 2023, 2024, but none in the time you asked for.');
    expect(lines.some((line) => line.startsWith('**Years in the library:**'))).toBe(false);
    expect(lines.at(-1)).toBe('*Try one of those years, or leave the year out.*');
    expect(shown(answer, 'vi')).toContain('“Bùi Thanh Sơn” có các cuộc gặp trong năm 2023, 2024, nhưng không có trong thời gian bạn hỏi.');
  });

  it('no-agreements with a topic: to try broader words or leave the topic out', () => {
    const lines = shown(
      empty('agreements', { topic: 'qwertyuiop' }, { reason: 'no-agreements', topic: 'qwertyuiop' }, { yearsAvailable: [2023, 2025] }),
    );
    expect(lines).toContain('No agreement in the library matches this.');
    expect(lines.at(-1)).toBe('*Try fewer or broader words, or leave the topic out.*');
  });

  it('no-passages: none of the question’s words, within the year when one was given', () => {
    expect(shown(empty('ask', { question: 'football scores' }, { reason: 'no-passages' }))).toContain(
      'No article holds any word of the question.',
    );
    const inYear = shown(empty('ask', { question: 'football', year: 2023 }, { reason: 'no-passages', year: 2023 }));
    expect(inYear).toContain('No article of 2023 holds any word of the question.');
    expect(inYear.at(-1)).toBe('*Try other words, fewer words, or one of the suggestions.*');
    expect(shown(empty('ask', { question: 'football', year: 2023 }, { reason: 'no-passages', year: 2023 }), 'vi')).toContain(
      'Không bài nào năm 2023 có từ nào của câu hỏi.',
    );
  });

  it('not-a-paragraph-id: the id as typed (escaped) and an example as code, with no search hint', () => {
    const lines = shown(empty('cite', { id: 'he*llo' }, { reason: 'not-a-paragraph-id', id: 'he*llo', example: 'bai_1#1' }));
    expect(lines).toContain('“he\\*llo” is not a paragraph id: write it as article#paragraph, e.g. `bai_1#1`.');
    expect(lines.some((line) => line.includes('different year'))).toBe(false);
  });

  it('no-such-article: the id as code and the command that lists the articles, in the member’s language', () => {
    const answer = empty('cite', { id: 'nope#1' }, { reason: 'no-such-article', articleId: 'nope' }, { suggestions: ['bai_1#1'] });
    const lines = shown(answer);
    expect(lines).toContain('No article `nope` in the library. /sources lists the articles.');
    expect(lines).toContain('**Did you mean:** bai\\_1\\#1');
    expect(shown(answer, 'vi')).toContain('Thư viện không có bài `nope`. Lệnh /nguồn liệt kê các bài.');
  });

  it('no-such-paragraph: which paragraphs the article has', () => {
    const reason: NothingFound = { reason: 'no-such-paragraph', articleId: 'bai_1', paragraph: 9, paragraphCount: 6 };
    expect(shown(empty('cite', { id: 'bai_1#9' }, reason))).toContain('Article `bai_1` has paragraphs 1 to 6; there is no ¶ 9.');
    expect(shown(empty('cite', { id: 'bai_1#9' }, { ...reason, paragraphCount: 1 }))).toContain(
      'Article `bai_1` has one paragraph; there is no ¶ 9.',
    );
  });

  it('no-such-sentence: which sentences the paragraph has', () => {
    const reason: NothingFound = { reason: 'no-such-sentence', articleId: 'bai_1', paragraph: 2, sentence: 3, sentenceCount: 2 };
    expect(shown(empty('cite', { id: 'bai_1#2', sentence: 3 }, reason))).toContain(
      '¶ 2 of `bai_1` has sentences 1 to 2; there is no sentence 3.',
    );
    expect(shown(empty('cite', { id: 'bai_1#2', sentence: 3 }, reason), 'vi')).toContain(
      '¶ 2 của `bai_1` có các câu từ 1 đến 2; không có câu 3.',
    );
  });

  it('empty-library: says a moderator can add articles', () => {
    const lines = shown(empty('sources', {}, { reason: 'empty-library' }));
    expect(lines).toEqual(['**I looked for:** /sources', 'The library has no articles yet: a moderator can add some and run /reload.']);
  });

  it('says it all in Vietnamese for `vi`', () => {
    const { payload } = renderAnswer(noMeetingIn2031, { locale: 'vi', askerId: ASKER });
    expect(payload.embeds[0]!.title).toBe('Không tìm thấy kết quả');
    expect(payload.embeds[0]!.description!.split('\n\n')).toEqual([
      '**Đã tìm:** /ai-gặp-ai · năm: 2031 · người: “Nguyễn \\*Văn\\* A”',
      'Không có cuộc gặp nào trong thư viện khớp với yêu cầu này.',
      '**Có phải bạn muốn tìm:** Mark Rutte · Wi Sung-lac',
      '**Các năm có bài viết:** 2024, 2025',
      '*Hãy thử một phần của tên (chẳng hạn họ), có hoặc không dấu.*',
    ]);
  });
});
