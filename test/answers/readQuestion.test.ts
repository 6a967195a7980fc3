// How /ask reads a question before searching: dates, question words, fillers, meeting and agreement questions.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/answers/readQuestion.ts';

const years = [2023, 2025];
const read = (question: string) => readQuestion(question, { years });
const questionIntents = (question: string) => read(question).intents;

describe('readQuestion: dates are filters', () => {
  it('reads a year, a month and year, in Vietnamese and English, and leaves them out of the search', () => {
    expect(read('hội nghị NATO năm 2025 ở đâu')).toMatchObject({ date: { year: 2025, words: 'năm 2025' }, searchText: 'hội nghị NATO' });
    expect(read('NATO 2023')).toMatchObject({ date: { year: 2023, words: '2023' }, searchText: 'NATO' });
    expect(read('hợp tác tháng 6/2025').date).toEqual({ year: 2025, month: 6, words: 'tháng 6/2025' });
    expect(read('hợp tác tháng 6 năm 2025').date).toEqual({ year: 2025, month: 6, words: 'tháng 6 năm 2025' });
    expect(read('hop tac thang 6/2025').date).toEqual({ year: 2025, month: 6, words: 'thang 6/2025' });
    expect(read('summit in 2023')).toMatchObject({ date: { year: 2023, words: 'in 2023' }, searchText: 'summit' });
    expect(read('summit in June 2025').date).toEqual({ year: 2025, month: 6, words: 'in June 2025' });
  });

  it('counts last year and this year from the newest article, not from today', () => {
    expect(read('NATO năm ngoái').date).toEqual({ year: 2024, words: 'năm ngoái' });
    expect(read('what happened last year').date).toEqual({ year: 2024, words: 'last year' });
    expect(read('NATO năm nay').date).toEqual({ year: 2025, words: 'năm nay' });
  });

  it('searches a number that is not a year as text', () => {
    expect(read('5.800 tỷ đồng')).toMatchObject({ searchText: '5.800 tỷ đồng' });
    expect(read('5.800 tỷ đồng').date).toBeUndefined();
    expect(read('2.025 người').date).toBeUndefined();
    expect(read('11 lĩnh vực').date).toBeUndefined();
    expect(read('hợp tác 11 lĩnh vực').searchText).toBe('hợp tác 11 lĩnh vực');
  });

  it('keeps a year no article is from as a word to find, and says so', () => {
    expect(read('kế hoạch đến năm 2030')).toMatchObject({ yearNotInLibrary: 2030, searchText: 'kế hoạch đến năm 2030' });
  });
});

describe('readQuestion: question words and fillers are not searched', () => {
  it('reads every kind of answer a question word asks for', () => {
    expect(questionIntents('Hội nghị diễn ra ở đâu?')).toEqual(['place']);
    expect(questionIntents('hoi nghi dien ra o dau')).toEqual(['place']);
    expect(questionIntents('Hai bên gặp nhau khi nào?')).toEqual(['time']);
    expect(questionIntents('hai bên gặp nhau lúc nào')).toEqual(['time']);
    expect(questionIntents('when was the summit')).toEqual(['time']);
    expect(questionIntents('Ai đã gặp Tổng thư ký NATO?')).toEqual(['person']);
    expect(questionIntents('who met Rutte')).toEqual(['person']);
    expect(questionIntents('xuất khẩu đạt bao nhiêu')).toEqual(['quantity']);
    expect(questionIntents('how many countries')).toEqual(['quantity']);
    expect(questionIntents('đàm phán kéo dài bao lâu')).toEqual(['duration']);
    expect(questionIntents('ITPP là gì')).toEqual(['definition']);
    expect(questionIntents('what is ITPP')).toEqual(['definition']);
    expect(questionIntents('RCEP gồm những nước nào')).toEqual(['list']);
    expect(questionIntents('vì sao cước vận tải tăng')).toEqual(['reason']);
    expect(questionIntents('why did freight costs rise')).toEqual(['reason']);
  });

  it('does not read a question word inside another word, or in an acronym', () => {
    expect(questionIntents('đầu tư quốc phòng')).toEqual([]);
    expect(questionIntents('Thái Lan')).toEqual([]);
    expect(questionIntents('hợp tác về AI')).toEqual([]);
  });

  it('drops fillers: nói gì, như thế nào, có phải, đã … chưa, what, did', () => {
    expect(read('Stoltenberg nói gì về Ukraine').searchText).toBe('Stoltenberg · về Ukraine');
    expect(read('quan hệ Hàn-NATO như thế nào').searchText).toBe('quan hệ Hàn-NATO');
    expect(read('có phải NATO đã thông qua ITPP').searchText).toBe('NATO đã thông qua ITPP');
    expect(read('Hàn Quốc đã tham gia ITPP chưa').searchText).toBe('Hàn Quốc đã tham gia ITPP');
    expect(read('what did Stoltenberg say about Ukraine').searchText).toBe('what · Stoltenberg · about Ukraine');
    // `không` is a word (`không quân`) unless it closes a yes/no question.
    expect(read('hợp tác không quân').searchText).toBe('hợp tác không quân');
  });
});

describe('readQuestion: meetings and agreements', () => {
  it('sends who met whom to the meetings, with the people named', () => {
    expect(read('ai gặp Rutte')).toMatchObject({ route: 'meetings', parties: ['Rutte'] });
    expect(read('Rutte gặp ai')).toMatchObject({ route: 'meetings', parties: ['Rutte'] });
    expect(read('ông Wi đã hội đàm với ai')).toMatchObject({ route: 'meetings', parties: ['Wi'] });
    expect(read('who did Rutte meet')).toMatchObject({ route: 'meetings', parties: ['Rutte'] });
    expect(read('when did Yoon meet Stoltenberg')).toMatchObject({ route: 'meetings', parties: ['Yoon', 'Stoltenberg'] });
    expect(read('Yoon Suk-yeol gặp Stoltenberg khi nào')).toMatchObject({ route: 'meetings', parties: ['Yoon Suk-yeol', 'Stoltenberg'] });
  });

  it('sends what was agreed to the agreements, with the parties named', () => {
    expect(read('Hàn Quốc và NATO đã ký gì')).toMatchObject({ route: 'agreements', parties: ['Hàn Quốc', 'NATO'] });
    expect(read('hai bên nhất trí gì')).toMatchObject({ route: 'agreements', parties: [] });
    expect(read('Seoul và NATO thỏa thuận gì năm 2023')).toMatchObject({
      route: 'agreements',
      parties: ['Seoul', 'NATO'],
      date: { year: 2023 },
    });
    expect(read('what did South Korea and NATO agree')).toMatchObject({ route: 'agreements', parties: ['South Korea', 'NATO'] });
  });

  it('leaves other questions to the passages, `thư ký` and `thường kỳ` included', () => {
    expect(read('Mark Rutte hội đàm').route).toBe('passages');
    expect(read('Tổng thư ký NATO là ai').route).toBe('passages');
    expect(read('các cuộc họp thường kỳ là gì').route).toBe('passages');
  });
});
