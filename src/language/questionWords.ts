// Question words that say what kind of answer is wanted. `/ask hội nghị ở đâu` wants a place:
// among passages that match the rest of the question, those whose sentence names a place rank
// first. Matched on folded text, whole words, so `o dau` typed without marks works too.

export type QuestionIntent = 'place' | 'time' | 'person';

export const QUESTION_WORDS: Readonly<Record<QuestionIntent, readonly string[]>> = {
  place: ['ở đâu', 'tại đâu', 'nơi nào', 'chỗ nào', 'địa điểm nào', 'where'],
  time: ['khi nào', 'bao giờ', 'lúc nào', 'ngày nào', 'hôm nào', 'thời điểm nào', 'năm nào', 'tháng nào', 'when'],
  person: ['ai', 'những ai', 'người nào', 'who', 'whom'],
};
