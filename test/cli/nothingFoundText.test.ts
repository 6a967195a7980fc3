// The CLI's words for each "nothing found" reason: the last paragraph of the text output, and the
// `message` the JSON has always carried, beside the structured `nothingFound`.
import { describe, expect, it } from 'vitest';
import type { Answer, NothingFound } from '../../src/answers/answer.ts';
import { answerJson } from '../../src/cli/answerJson.ts';
import { renderAnswerText } from '../../src/cli/renderText.ts';

function empty(command: Answer['command'], options: Answer['options'], nothingFound: NothingFound, extra: Partial<Answer> = {}): Answer {
  return { command, options, items: [], nothingFound, ...extra };
}

/** The text after the `/command — 0 results` line and any lines on how the question was read. */
function lastParagraph(answer: Answer): string {
  const text = renderAnswerText(answer);
  expect(text.split('\n')[0]).toContain('0 results');
  return text.split('\n\n').at(-1)!;
}

describe('CLI text: nothing found', () => {
  it('no-meetings: the options searched, the years, and with a person the part-of-the-name hint', () => {
    const answer = empty(
      'who-met',
      { year: 2030, person: 'Rutte' },
      { reason: 'no-meetings', person: 'Rutte' },
      { yearsAvailable: [2023, 2025], suggestions: ['Mark Rutte'] },
    );
    expect(lastParagraph(answer)).toBe(
      'No meeting found for year "2030", person "Rutte". Years in the corpus: 2023, 2025. Try a part of the name, with or without diacritics (e.g. a family name).\nTry: Mark Rutte',
    );
    expect(lastParagraph(empty('who-met', { year: 2030 }, { reason: 'no-meetings' }, { yearsAvailable: [] }))).toBe(
      'No meeting found for year "2030". The corpus is empty.',
    );
  });

  it('met-in-other-years: the years the person did meet someone', () => {
    const answer = empty(
      'who-met',
      { year: 2025, person: 'Bùi Thanh Sơn' },
      { reason: 'met-in-other-years', person: 'Bùi Thanh Sơn', years: [2024] },
      { yearsAvailable: [2024] },
    );
    expect(lastParagraph(answer)).toBe(
      'No meeting found for year "2025", person "Bùi Thanh Sơn", but "Bùi Thanh Sơn" met someone in 2024.',
    );
  });

  it('no-agreements: with a topic, to try broader words', () => {
    const answer = empty(
      'agreements',
      { topic: 'qwertyuiop' },
      { reason: 'no-agreements', topic: 'qwertyuiop' },
      { yearsAvailable: [2023, 2025] },
    );
    expect(lastParagraph(answer)).toBe(
      'No agreement found for topic "qwertyuiop". Years in the corpus: 2023, 2025. Try fewer or broader words, or leave the topic out.',
    );
  });

  it('no-passages: none of the words, or none in the year asked', () => {
    expect(lastParagraph(empty('ask', { question: 'football' }, { reason: 'no-passages' }, { yearsAvailable: [2023] }))).toBe(
      'Nothing in the corpus answers for question "football": none of its words are in the articles. Years in the corpus: 2023. Try other words, fewer words, or the suggestions.',
    );
    expect(
      lastParagraph(empty('ask', { question: 'NATO', year: 2024 }, { reason: 'no-passages', year: 2024 }, { yearsAvailable: [2023] })),
    ).toBe(
      'Nothing in the corpus answers for question "NATO", year "2024": no article of 2024 holds any of its words. Years in the corpus: 2023. Try other words, fewer words, or the suggestions.',
    );
  });

  it('/cite: a malformed id, an unknown article, a paragraph or a sentence that does not exist', () => {
    expect(lastParagraph(empty('cite', { id: 'hello' }, { reason: 'not-a-paragraph-id', id: 'hello', example: 'bai_1#1' }))).toBe(
      '"hello" is not a paragraph id: use the form article#paragraph, e.g. bai_1#1.',
    );
    expect(lastParagraph(empty('cite', { id: 'nope#1' }, { reason: 'no-such-article', articleId: 'nope' }))).toBe(
      'No article "nope" in the corpus. /sources lists the articles.',
    );
    expect(
      lastParagraph(empty('cite', { id: 'bai_1#9' }, { reason: 'no-such-paragraph', articleId: 'bai_1', paragraph: 9, paragraphCount: 6 })),
    ).toBe('Article bai_1 has paragraphs 1 to 6; there is no ¶9.');
    const sentence: NothingFound = { reason: 'no-such-sentence', articleId: 'bai_1', paragraph: 2, sentence: 3, sentenceCount: 2 };
    expect(lastParagraph(empty('cite', { id: 'bai_1#2', sentence: 3 }, sentence))).toBe(
      '¶2 of bai_1 has sentences 1 to 2; there is no sentence 3.',
    );
    expect(lastParagraph(empty('cite', { id: 'bai_1#2', sentence: 3 }, { ...sentence, sentenceCount: 1 }))).toBe(
      '¶2 of bai_1 has one sentence; there is no sentence 3.',
    );
  });

  it('empty-library', () => {
    expect(lastParagraph(empty('sources', {}, { reason: 'empty-library' }))).toBe('The corpus has no articles yet.');
  });
});

describe('CLI JSON: nothing found', () => {
  it('keeps the English `message` where it always was, followed by the structured `nothingFound`', () => {
    const answer = empty('who-met', { year: 2030 }, { reason: 'no-meetings' }, { suggestions: ['Mark Rutte'], yearsAvailable: [2023] });
    const json = answerJson({ ...answer, tookMs: 0.5 });
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'command',
      'options',
      'items',
      'message',
      'nothingFound',
      'suggestions',
      'yearsAvailable',
      'tookMs',
    ]);
    expect(JSON.parse(json)).toMatchObject({
      message: 'No meeting found for year "2030". Years in the corpus: 2023.',
      nothingFound: { reason: 'no-meetings' },
    });
  });

  it('adds nothing to an answer without a reason', () => {
    const answer: Answer = { command: 'sources', options: {}, items: [] };
    expect(answerJson(answer)).toBe(JSON.stringify(answer));
  });
});
