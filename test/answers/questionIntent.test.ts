import { describe, expect, it } from 'vitest';
import { questionIntents } from '../../src/answers/questionIntent.ts';

describe('questionIntents', () => {
  it('reads where, when and who from Vietnamese question words, with or without marks', () => {
    expect(questionIntents('Hội nghị diễn ra ở đâu?')).toEqual(['place']);
    expect(questionIntents('hoi nghi dien ra o dau')).toEqual(['place']);
    expect(questionIntents('Hai bên gặp nhau khi nào?')).toEqual(['time']);
    expect(questionIntents('Ai đã gặp Tổng thư ký NATO?')).toEqual(['person']);
    expect(questionIntents('who met Rutte')).toEqual(['person']);
  });

  it('does not read a question word inside another word', () => {
    expect(questionIntents('đầu tư quốc phòng')).toEqual([]);
    expect(questionIntents('Thái Lan')).toEqual([]);
  });
});
