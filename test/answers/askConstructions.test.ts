// /ask constructions found missing on real articles (issue 10): English auxiliaries and time-of-day
// words, names typed without marks, groups described rather than named, English words of plain
// reporting, `có hiệu lực` answered by `có giá trị`, and a year the answering paragraph names while its
// article is of another year. Articles in test/fixtures/ask-corpus-2, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { readQuestion } from '../../src/answers/readQuestion.ts';
import type { Library } from '../../src/library/library.ts';
import type { Answer } from '../../src/answers/answer.ts';

let library: Library;
beforeAll(async () => {
  const loaded = await loadLibrary('test/fixtures/ask-corpus-2');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  library = loaded.library;
});

const read = (question: string) => readQuestion(question, { years: [2024, 2025] });
function firstThree(question: string): string[] {
  const answer: Answer = answerQuestion(library, { command: 'ask', question });
  return [...answer.items].slice(0, 3).map((item) => item.citations.map((citation) => citation.quote).join('\n'));
}

describe('reading meeting and agreement questions', () => {
  it('`Who will To Lam meet in the afternoon?` asks about To Lam: a capitalised name is never a noise word, `will` and `in the afternoon` are no party', () => {
    expect(read('Who will To Lam meet in the afternoon?')).toMatchObject({ route: 'meetings', parties: ['To Lam'] });
  });

  it('`gặp nhau lần đầu ở đâu` names the two people only, not `đầu`', () => {
    expect(read('Ông Yoon và ông Duda gặp nhau lần đầu ở đâu?')).toMatchObject({ route: 'meetings', parties: ['Yoon', 'Duda'] });
  });

  it('a group described by its count (`hai Bộ trưởng`, `the two defence ministers`, `ba nhà lãnh đạo`) is answered from the passages', () => {
    expect(read('Hai Bộ trưởng nhất trí gì?')).toMatchObject({ route: 'passages', parties: [] });
    expect(read('Where did the two defence ministers meet?')).toMatchObject({ route: 'passages', parties: [] });
    expect(read('ba nhà lãnh đạo gặp nhau ở đâu')).toMatchObject({ route: 'passages', parties: [] });
    // `hai bên` is every pair of sides: still the agreements.
    expect(read('hai bên nhất trí gì')).toMatchObject({ route: 'agreements', parties: [] });
  });

  it('English auxiliaries are not searched: `When will the formal talks take place?`', () => {
    expect(read('When will the formal talks take place?').searchText).not.toMatch(/\bwill\b/);
    expect(read('Where will the ship hulls be built?').searchText).not.toMatch(/\b(?:will|be)\b/);
  });
});

describe('answers on articles written in other words than the question', () => {
  it('`Why was the currency swap extended?` quotes the purpose of the extension (swap → hoán đổi, extended → gia hạn)', () => {
    const answer = answerQuestion(library, { command: 'ask', question: 'Why was the currency swap extended?' });
    expect(answer.understood?.notFound ?? []).toEqual([]);
    expect(answer.understood?.translated).toContainEqual(
      expect.objectContaining({ english: 'currency swap', vietnamese: expect.arrayContaining(['hoán đổi tiền tệ']) }),
    );
    expect(firstThree('Why was the currency swap extended?').join('\n')).toContain('Việc gia hạn nhằm khuyến khích doanh nghiệp');
  });

  it('`Văn kiện có hiệu lực bao lâu?` finds the sentence that says `có giá trị 5 năm` among its first three', () => {
    expect(firstThree('Văn kiện có hiệu lực bao lâu?').join('\n')).toContain('có giá trị 5 năm');
  });

  it('a year in the question that an article of the next year reports in full is found there: `… năm 2024 đạt bao nhiêu`', () => {
    const answer = answerQuestion(library, {
      command: 'ask',
      question: 'Xuất khẩu gạo của Thái Lan sang Philippines năm 2024 đạt bao nhiêu?',
    });
    expect(answer.items.at(0)?.citations[0]?.quote).toContain('năm 2024 đạt 1,2 triệu tấn');
  });

  it('when fewer than three paragraphs hold every word, those holding most follow: the figure in the paragraph after the one naming the talks', () => {
    expect(firstThree('Australia áp mức thuế bao nhiêu với thép cán nóng của Indonesia?').join('\n')).toContain('vẫn giữ mức thuế 12%');
  });

  it("`X điện đàm với ai` lists X's phone calls before X's other meetings", () => {
    expect(read('Ngoại trưởng Mohamad Hasan điện đàm với ai?')).toMatchObject({ route: 'meetings', meetingKind: 'điện đàm' });
    const answer = answerQuestion(library, { command: 'ask', question: 'Ngoại trưởng Mohamad Hasan điện đàm với ai?' });
    expect(answer.understood?.answering).toBe('meetings');
    expect(answer.items.length).toBeGreaterThan(1);
    expect(answer.items.at(0)?.citations[0]?.quote).toContain('điện đàm với Ngoại trưởng Singapore');
  });
});
