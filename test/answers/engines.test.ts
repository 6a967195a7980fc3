// The answer engines on the bundled corpus, as a member would use them.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { Library } from '../../src/library/library.ts';
import type { Answer, AnswerItem } from '../../src/answers/answer.ts';
import type { Question } from '../../src/answers/question.ts';

let library: Library;
beforeAll(async () => {
  const loaded = await loadLibrary('corpus');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  library = loaded.library;
});

const ask = (question: Question): Answer => answerQuestion(library, question);
const names = (answer: Answer) =>
  [...answer.items].flatMap((item) => (item.kind === 'meeting' ? item.participants : []).map((person) => person.name));
const participantNames = (item: AnswerItem | undefined) => (item?.kind === 'meeting' ? item.participants.map((person) => person.name) : []);

/** The answer has items, and each quote is the article's own words (a loop over no items proves nothing). */
function expectVerbatim(answer: Answer) {
  expect(answer.items.length).toBeGreaterThan(0);
  for (const item of answer.items) {
    expect(item.citations.length).toBeGreaterThan(0);
    for (const citation of item.citations) {
      const article = library.articlesById.get(citation.articleId)!;
      expect(article.date.text).toBe(citation.date);
      const paragraph = article.paragraphs.numbered(citation.paragraph)!;
      expect(paragraph.text).toContain(citation.quote);
      expect(article.body.normalize('NFC')).toContain(citation.quote);
    }
  }
}

describe('/who-met', () => {
  it('names Yoon Suk-yeol and Jens Stoltenberg in 2023, not the spokesperson who reported it', () => {
    const answer = ask({ command: 'who-met', year: 2023 });
    expect(names(answer)).toEqual(expect.arrayContaining(['Yoon Suk-yeol', 'Jens Stoltenberg']));
    expect(names(answer)).not.toContain('Lee Do-woon');
    expect([...answer.items].every((item) => item.date.startsWith('2023-07'))).toBe(true);
    expectVerbatim(answer);
  });

  it('names Wi Sung-lac with Radmila Sekerinska and Mark Rutte in 2025, not the president he stood in for', () => {
    const answer = ask({ command: 'who-met', year: 2025 });
    const meeting = [...answer.items].find((item) => names({ ...answer, items: [item] }).includes('Radmila Sekerinska'));
    expect(meeting).toBeDefined();
    expect(participantNames(meeting)).toEqual(['Wi Sung-lac', 'Radmila Sekerinska']);
    expect(meeting!.date).toBe('2025-06-24');
    const withRutte = [...answer.items].filter(
      (item) => item.date === '2025-06-24' && names({ ...answer, items: [item] }).includes('Mark Rutte'),
    );
    expect(withRutte.map(participantNames)).toEqual([['Wi Sung-lac', 'Mark Rutte']]);
    expect(names(answer)).not.toContain('Lee Jae Myung');
    expectVerbatim(answer);
  });

  it('finds a person by part of the name, without diacritics', () => {
    const answer = ask({ command: 'who-met', person: 'stoltenberg' });
    expect(answer.items.length).toBeGreaterThan(0);
    expect([...answer.items].every((item) => item.date.startsWith('2023'))).toBe(true);
    expect([...ask({ command: 'who-met', person: 'sukyeol' }).items].map((item) => item.date)).toEqual(['2023-07-11']);
    expect(ask({ command: 'who-met', person: 'mark r' }).items.length).toBeGreaterThan(0);
    const rutte = ask({ command: 'who-met', person: 'rutte', year: 2025 });
    expect(rutte.items.length).toBeGreaterThan(0);
  });

  it('suggests the participant a misspelt name was meant to be, never someone who only reported a meeting', () => {
    const answer = ask({ command: 'who-met', person: 'Stoltenbreg' });
    expect([...answer.items]).toEqual([]);
    expect(answer.suggestions).toEqual(['Jens Stoltenberg']);
    const unknown = ask({ command: 'who-met', person: 'xyz' });
    expect(unknown.suggestions).not.toContain('Lee Do-woon');
    expect(unknown.suggestions).toContain('Mark Rutte');
  });

  it('filters by month, with or without a year', () => {
    expect(ask({ command: 'who-met', year: 2025, month: 6 }).items).toEqual(ask({ command: 'who-met', year: 2025 }).items);
    expect([...ask({ command: 'who-met', month: 7 }).items].map((item) => item.date)).toEqual(['2023-07-11']);
    expect([...ask({ command: 'who-met', month: 7, person: 'rutte' }).items]).toEqual([]);
    expect(ask({ command: 'who-met', year: 2025, month: 1 }).items).toEqual([]);
  });

  it('says which years exist when a year has no meeting', () => {
    const answer = ask({ command: 'who-met', year: 2024 });
    expect([...answer.items]).toEqual([]);
    expect(answer.nothingFound).toEqual({ reason: 'no-meetings' });
    expect(answer.yearsAvailable).toEqual([2023, 2025]);
  });
});

describe('/agreements', () => {
  it('quotes the defence-industry consultation mechanism and the joint statement of 2025', () => {
    const answer = ask({ command: 'agreements', year: 2025 });
    const quotes = [...answer.items].flatMap((item) => item.citations.map((citation) => citation.quote)).join('\n');
    expect(quotes).toContain('cơ chế tham vấn công nghiệp quốc phòng');
    expect(quotes).toContain('tuyên bố chung');
    // "thông qua việc" means "through", not "adopted": it only appears inside the "nhất trí" sentence.
    const quoteList = [...answer.items].flatMap((item) => item.citations.map((citation) => citation.quote));
    expect(quoteList.filter((quote) => quote.includes('thông qua việc'))).toEqual([expect.stringContaining('nhất trí')]);
    expect(new Set(quoteList).size).toBe(quoteList.length);
    expectVerbatim(answer);
  });

  it('quotes the ITPP adoption of 2023 and not a mere concurrence', () => {
    const answer = ask({ command: 'agreements', year: 2023 });
    const quotes = [...answer.items].flatMap((item) => item.citations.map((citation) => citation.quote)).join('\n');
    expect(quotes).toContain('ITPP');
    expect(quotes).not.toContain('đồng tình với các ý kiến');
    expectVerbatim(answer);
  });

  it('filters by a topic typed in English through the glossary, or without diacritics', () => {
    const english = ask({ command: 'agreements', topic: 'defense industry' });
    expect(english.items.length).toBeGreaterThan(0);
    expect([...english.items].every((item) => item.date.startsWith('2025'))).toBe(true);
    const folded = ask({ command: 'agreements', topic: 'chong khung bo' });
    expect(folded.items.length).toBeGreaterThan(0);
    expect([...folded.items].every((item) => item.date.startsWith('2023'))).toBe(true);
  });
});

describe('/ask', () => {
  it('puts the defence-industry passage of 2025 first for a query typed without diacritics', () => {
    const answer = ask({ command: 'ask', question: 'hop tac cong nghiep quoc phong' });
    expect(answer.items.at(0)?.citations[0]?.articleId).toBe('001_03677d34c6a97d66');
    expect(answer.items.at(0)?.citations[0]?.highlights?.length).toBeGreaterThan(0);
    expectVerbatim(answer);
  });

  it('puts a passage that names a place first when the question asks where, typed with or without marks', () => {
    for (const question of ['hội nghị ở đâu', 'hoi nghi o dau']) {
      const quote = ask({ command: 'ask', question }).items.at(0)?.citations[0]?.quote ?? '';
      expect(quote).toMatch(/ (tại|bên lề) \p{Lu}/u);
    }
  });

  it('bolds the Vietnamese words an English query was translated to', () => {
    const citation = ask({ command: 'ask', question: 'defense industry' }).items.at(0)?.citations[0];
    const bold = (citation?.highlights ?? []).map((span) => citation!.quote.slice(span.start, span.end));
    expect(bold).toContain('công nghiệp quốc phòng');
  });

  it('forgives a typo in a short syllable the corpus never contains', () => {
    const answer = ask({ command: 'ask', question: 'hop tac cong nghep' });
    const quotes = [...answer.items].map((item) => item.citations[0]!.quote).join('\n');
    expect(quotes).toContain('hợp tác');
    expect(quotes).toContain('công nghiệp quốc phòng');
  });

  it('finds a misspelt name', () => {
    const answer = ask({ command: 'ask', question: 'Stoltenbreg' });
    expect(answer.items.at(0)?.citations[0]?.articleId).toBe('000_4f467cfc7a82818c');
  });

  it('answers nothing, with suggestions, when none of the words is in the corpus', () => {
    for (const question of ['World Cup bóng đá', 'football scores']) {
      const answer = ask({ command: 'ask', question });
      expect([...answer.items]).toEqual([]);
      expect(answer.nothingFound).toEqual({ reason: 'no-passages' });
      expect(answer.yearsAvailable).toEqual([2023, 2025]);
      // No word is close, so it offers what the corpus does talk about, and who is in it.
      expect(answer.suggestions).toContain('Mark Rutte');
    }
  });

  it('keeps to the year asked for', () => {
    const answer = ask({ command: 'ask', question: 'NATO', year: 2023 });
    expect(answer.items.length).toBeGreaterThan(0);
    expect([...answer.items].every((item) => item.date === '2023-07')).toBe(true);
  });

  it('reports how long answering took, in milliseconds to two decimals', () => {
    // A clock that has moved 12.3456 ms between the start and any later reading.
    vi.spyOn(performance, 'now').mockReturnValueOnce(1_000).mockReturnValue(1_012.3456);
    try {
      const answer = ask({ command: 'ask', question: 'NATO' });
      expect(answer.tookMs).toBe(12.35);
      expect(answer.items.length).toBeGreaterThan(0);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('/sources and /cite', () => {
  it('lists both articles, newest first, with paragraphs and credit', () => {
    const answer = ask({ command: 'sources' });
    expect([...answer.items].map((item) => item.citations[0]?.articleId)).toEqual(['001_03677d34c6a97d66', '000_4f467cfc7a82818c']);
    expect(answer.items.at(0)).toMatchObject({ kind: 'article', date: '2025-06', credit: 'YONHAP News' });
    const first = answer.items.at(0);
    expect(first?.kind === 'article' ? first.paragraphs : 0).toBeGreaterThan(3);
    expectVerbatim(answer);
  });

  it('quotes a whole paragraph verbatim by id', () => {
    const article = library.articlesById.get('001_03677d34c6a97d66')!;
    const answer = ask({ command: 'cite', id: '001_03677d34c6a97d66#2' });
    expect(answer.items.at(0)?.citations[0]).toMatchObject({ paragraph: 2, quote: article.paragraphs.numbered(2)!.text });
    expect(ask({ command: 'cite', id: '001_03677d34c6a97d66 ¶2' }).items.at(0)?.citations[0]?.paragraph).toBe(2);
  });

  it('explains an unknown article or paragraph', () => {
    expect(ask({ command: 'cite', id: 'nope#1' }).nothingFound).toEqual({ reason: 'no-such-article', articleId: 'nope' });
    const paragraphs = library.articlesById.get('001_03677d34c6a97d66')!.paragraphs.length;
    expect(ask({ command: 'cite', id: '001_03677d34c6a97d66#999' }).nothingFound).toEqual({
      reason: 'no-such-paragraph',
      articleId: '001_03677d34c6a97d66',
      paragraph: 999,
      paragraphCount: paragraphs,
    });
    expect(ask({ command: 'cite', id: 'hello' }).nothingFound).toEqual({
      reason: 'not-a-paragraph-id',
      id: 'hello',
      example: '000_4f467cfc7a82818c#1',
    });
  });
});
