// Whether a sentence holds the kind of answer a question word asks for (a place, a time, a person, an
// amount, a duration, a definition, a list, a reason), using the finders the meeting extraction uses and
// the shapes in src/language/answerShapes.ts. The question words themselves are read in readQuestion.ts.
import type { QuestionIntent } from '../language/questionWords.ts';
import {
  DATE_WORDS_BEFORE_FIGURE,
  DEFINITION_MARKERS,
  DEFINITION_OPENERS,
  DURATION_MARKERS,
  DURATION_UNITS,
  LIST_MARKERS,
  NUMBER_SCALES,
  NUMBER_WORDS,
  REASON_MARKERS,
} from '../language/answerShapes.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';
import { findPlace } from '../extract/findPlace.ts';
import { findDates } from '../extract/findDates.ts';
import { findPersonMentions } from '../extract/findPersonMentions.ts';
import type { Article } from '../corpus/types.ts';

/** Alternatives of lowercase phrases as a regex source, longest first, marks kept. */
function alternatives(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((entry) => entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const word = (list: readonly string[]) => `${NOT_LETTER_BEFORE}(?:${alternatives(list)})${NOT_LETTER_AFTER}`;

/** A figure: `5.800`, `3.5`, `11`, `24-25`. */
const FIGURE = '\\d+(?:[.,]\\d+)*';
const COUNT = `(?:${FIGURE}|${alternatives(NUMBER_WORDS)})`;
/** A figure followed by `%` or a word (its unit), not after a date word and not itself a date (`11/7`). */
const AMOUNT = new RegExp(
  `(?<!(?:${alternatives(DATE_WORDS_BEFORE_FIGURE)})\\s+)${NOT_LETTER_BEFORE}${FIGURE}(?![/\\d])(?:\\s*%|\\s+(?:${alternatives(NUMBER_SCALES)}\\s+)?\\p{L}+)`,
  'iu',
);
const COUNTED = new RegExp(`${word(NUMBER_WORDS.filter((entry) => !['nhiều', 'vài'].includes(entry)))}\\s+\\p{L}+`, 'iu');
const DURATION = new RegExp(`${word(DURATION_MARKERS)}\\s+(?:${COUNT})\\s+(?:${alternatives(DURATION_UNITS)})${NOT_LETTER_AFTER}`, 'iu');
const LIST_WORD = new RegExp(word(LIST_MARKERS), 'iu');
const REASON = new RegExp(word(REASON_MARKERS), 'iu');
const DEFINITION_OPENER = new RegExp(`^\\s*(?:${alternatives(DEFINITION_OPENERS)})${NOT_LETTER_AFTER}`, 'iu');

/** True when the sentence gives the kind of answer asked for; `subject` (folded words) is what a definition defines. */
export function sentenceAnswers(intent: QuestionIntent, sentence: string, article: Article, subject: readonly string[] = []): boolean {
  switch (intent) {
    case 'place':
      return findPlace(sentence) !== undefined;
    case 'time':
      return findDates(sentence, { year: article.date.year, month: article.date.month }).length > 0;
    case 'person':
      return findPersonMentions(sentence).length > 0;
    case 'quantity':
      return AMOUNT.test(sentence) || COUNTED.test(sentence);
    case 'duration':
      return DURATION.test(sentence);
    case 'list':
      // `bao gồm …`, or an enumeration: three items or more (`A, B và C`; `A; B; C`).
      return LIST_WORD.test(sentence) || (sentence.match(/[,;]/g)?.length ?? 0) >= 2;
    case 'reason':
      return REASON.test(sentence);
    case 'definition':
      return definesSubject(sentence, subject);
  }
}

/**
 * `ITPP là …`, `"Chương trình …" (ITPP)`, `ITPP (Chương trình …)`, `ITPP, chương trình …, …`, or a
 * sentence opening `Đây là …` that names the subject.
 */
function definesSubject(sentence: string, subject: readonly string[]): boolean {
  if (subject.length === 0) return DEFINITION_OPENER.test(sentence);
  const folded = foldDiacritics(sentence);
  const markers = DEFINITION_MARKERS.map(foldDiacritics);
  return subject.some((name) => {
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      const before = folded.slice(0, at);
      const after = folded.slice(at + name.length);
      if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after)) continue;
      // An apposition or a parenthesis after the subject, or the subject in one after its long form.
      if (/^\s*[(,:–—]/u.test(after) || /\(\s*$/u.test(before)) return true;
      if (markers.some((marker) => new RegExp(`^\\s+${marker.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u').test(after))) return true;
    }
    return DEFINITION_OPENER.test(sentence) && folded.includes(name);
  });
}
