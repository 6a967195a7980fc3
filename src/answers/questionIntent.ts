// Works out what a free-text question asks for (a place, a time, a person) and whether a sentence
// holds that kind of answer, using the same finders the meeting extraction uses.
import { QUESTION_WORDS, type QuestionIntent } from '../language/questionWords.ts';
import { foldDiacritics } from '../search/foldDiacritics.ts';
import { findPlace } from './extract/findPlace.ts';
import { findDates } from './extract/findDates.ts';
import { findPersonMentions } from './extract/findPeople.ts';
import type { Article } from '../corpus/types.ts';

const foldedQuestionWords = Object.entries(QUESTION_WORDS).map(([intent, phrases]) => ({
  intent: intent as QuestionIntent,
  phrases: phrases.map((phrase) => ` ${foldDiacritics(phrase)} `),
}));

export function questionIntents(question: string): QuestionIntent[] {
  const folded = ` ${foldDiacritics(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return foldedQuestionWords
    .filter(({ phrases }) => phrases.some((phrase) => folded.includes(phrase)))
    .map(({ intent }) => intent);
}

/** True when the sentence gives the kind of answer asked for. */
export function sentenceAnswers(intent: QuestionIntent, sentence: string, article: Article): boolean {
  switch (intent) {
    case 'place':
      return findPlace(sentence) !== undefined;
    case 'time':
      return findDates(sentence, { year: article.date.year, month: article.date.month }).length > 0;
    case 'person':
      return findPersonMentions(sentence).length > 0;
  }
}
