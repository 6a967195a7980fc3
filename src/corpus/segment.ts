// Cuts an article body into numbered paragraphs and sentences whose `text` is an exact slice of the body,
// so a quote can always be cited as "paragraph N, sentence M" and checked against the source.
//
// The seed articles were scraped with their paragraph breaks flattened ("...quân sự.Được biết..."), so a
// sentence end glued directly to a capital letter is treated as a lost paragraph break.

import type { Paragraph, Sentence } from './types.ts';

/**
 * Abbreviations whose final dot never ends a sentence or paragraph (matched case-sensitively,
 * including the trailing dot). Single capital letters before a dot (initials: `J.`, `U.S.`) are
 * handled by rule, not listed here. `v.v.` can end a Vietnamese sentence; we accept merging that
 * sentence with the next rather than risk cutting `TP.HCM` or `GS. Nguyễn` in two.
 */
export const ABBREVIATIONS: readonly string[] = [
  // Vietnamese: places, degrees and titles that precede a name.
  'TP.', 'Tp.', 'TX.', 'TT.', 'Q.', 'P.',
  'TS.', 'ThS.', 'GS.', 'PGS.', 'BS.', 'KS.', 'CN.', 'NXB.', 'Th.S.',
  'v.v.', 'tr.',
  // English titles, company suffixes and Latin shorthands.
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'St.', 'Jr.', 'Sr.', 'Gen.', 'Sen.', 'Rep.', 'Gov.', 'Lt.', 'Col.',
  'No.', 'Nos.', 'Vol.', 'Ltd.', 'Inc.', 'Co.', 'Corp.', 'Dept.',
  'vs.', 'etc.', 'e.g.', 'i.e.', 'a.m.', 'p.m.', 'approx.',
];

const abbreviationSet = new Set(ABBREVIATIONS);

/** Longest abbreviation token we look back for; keeps the scan linear on runs like "a.a.a.a…". */
const MAX_ABBREVIATION_LOOKBACK = 12;

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSING_MARKS = new Set(['”', '’', '»', ')', ']']);
const OPENING_QUOTES = new Set(['“', '‘', '«']);
// A straight double quote opens or closes depending on how many came before it in the paragraph.
const STRAIGHT_QUOTE = '"';

const UPPERCASE = /^[\p{Lu}\p{Lt}]$/u;
const DIGIT = /^\p{Nd}$/u;
const LETTER = /^\p{L}$/u;
const WHITESPACE = /^\s$/u;

export function segmentBody(articleId: string, body: string): Paragraph[] {
  return paragraphSpans(body).map(([start, end], index) => ({
    articleId,
    number: index + 1,
    text: body.slice(start, end),
    start,
    end,
    sentences: sentenceSpans(body, start, end).map(([sentenceStart, sentenceEnd], sentenceIndex): Sentence => ({
      number: sentenceIndex + 1,
      text: body.slice(sentenceStart, sentenceEnd),
      start: sentenceStart,
      end: sentenceEnd,
    })),
  }));
}

type Span = [start: number, end: number];

/** Paragraphs: split at newlines and at a sentence end glued to a capital letter or opening quote. */
function paragraphSpans(body: string): Span[] {
  const spans: Span[] = [];
  let paragraphStart = 0;
  let insideStraightQuote = false;

  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\n' || char === '\r') {
      pushTrimmed(spans, body, paragraphStart, i);
      paragraphStart = i + 1;
      insideStraightQuote = false;
      continue;
    }
    if (char === STRAIGHT_QUOTE) {
      insideStraightQuote = !insideStraightQuote;
      continue;
    }
    if (!isLastOfSentenceEnd(body, i)) continue;

    const { end, insideAfter } = skipClosingMarks(body, i + 1, body.length, insideStraightQuote);
    const next = body[end];
    if (next === undefined) continue;
    if (!startsSentence(next, insideAfter, false)) continue;
    if (char === '.' && dotBelongsToAbbreviation(body, i)) continue;

    pushTrimmed(spans, body, paragraphStart, end);
    paragraphStart = end;
    insideStraightQuote = false;
    i = end - 1;
  }
  pushTrimmed(spans, body, paragraphStart, body.length);
  return spans;
}

/** Sentences of one paragraph: split at a sentence end, whitespace, then a capital, digit or opening quote. */
function sentenceSpans(body: string, paragraphStart: number, paragraphEnd: number): Span[] {
  const spans: Span[] = [];
  let sentenceStart = paragraphStart;
  let insideStraightQuote = false;

  for (let i = paragraphStart; i < paragraphEnd; i++) {
    const char = body[i]!;
    if (char === STRAIGHT_QUOTE) {
      insideStraightQuote = !insideStraightQuote;
      continue;
    }
    if (!isLastOfSentenceEnd(body, i)) continue;

    const { end, insideAfter } = skipClosingMarks(body, i + 1, paragraphEnd, insideStraightQuote);
    let nextStart = end;
    while (nextStart < paragraphEnd && WHITESPACE.test(body[nextStart]!)) nextStart++;
    if (nextStart === end || nextStart >= paragraphEnd) continue;
    if (!startsSentence(body[nextStart]!, insideAfter, true)) continue;
    if (char === '.' && dotBelongsToAbbreviation(body, i)) continue;

    pushTrimmed(spans, body, sentenceStart, end);
    sentenceStart = nextStart;
    insideStraightQuote = false;
    i = nextStart - 1;
  }
  pushTrimmed(spans, body, sentenceStart, paragraphEnd);
  return spans;
}

/** True for `.`, `!`, `?`, `…` unless another dot follows (in "..." only the last dot ends anything). */
function isLastOfSentenceEnd(body: string, index: number): boolean {
  const char = body[index]!;
  if (!SENTENCE_END.has(char)) return false;
  return !(char === '.' && body[index + 1] === '.');
}

/** Steps over closing quotes and brackets right after a sentence end. */
function skipClosingMarks(
  body: string,
  from: number,
  limit: number,
  insideStraightQuote: boolean,
): { end: number; insideAfter: boolean } {
  let end = from;
  let inside = insideStraightQuote;
  while (end < limit) {
    const char = body[end]!;
    if (CLOSING_MARKS.has(char)) {
      end++;
    } else if (char === STRAIGHT_QUOTE && inside) {
      inside = false;
      end++;
    } else {
      break;
    }
  }
  return { end, insideAfter: inside };
}

function startsSentence(char: string, insideStraightQuote: boolean, digitsStart: boolean): boolean {
  if (UPPERCASE.test(char) || OPENING_QUOTES.has(char)) return true;
  if (char === STRAIGHT_QUOTE) return !insideStraightQuote;
  return digitsStart && DIGIT.test(char);
}

/** Whether the dot at `dotIndex` belongs to an initial (`J.`, `U.S.`) or a listed abbreviation (`TP.`, `Th.S.`). */
function dotBelongsToAbbreviation(body: string, dotIndex: number): boolean {
  let tokenStart = dotIndex;
  const lookbackLimit = Math.max(0, dotIndex - MAX_ABBREVIATION_LOOKBACK);
  while (tokenStart > lookbackLimit) {
    const previous = body[tokenStart - 1]!;
    if (previous !== '.' && !LETTER.test(previous)) break;
    tokenStart--;
  }
  const token = body.slice(tokenStart, dotIndex + 1);
  if (abbreviationSet.has(token)) return true;

  // An inner dot of a multi-dot abbreviation such as "Th.S." is followed by more of the abbreviation.
  const lookaheadLimit = Math.min(body.length, dotIndex + MAX_ABBREVIATION_LOOKBACK);
  for (let cursor = dotIndex + 1; cursor < lookaheadLimit; cursor++) {
    const char = body[cursor]!;
    if (char === '.' && abbreviationSet.has(body.slice(tokenStart, cursor + 1))) return true;
    if (char !== '.' && !LETTER.test(char)) break;
  }
  const lastPart = token.slice(token.lastIndexOf('.', token.length - 2) + 1, -1);
  return lastPart.length === 1 && UPPERCASE.test(lastPart);
}

function pushTrimmed(spans: Span[], body: string, start: number, end: number): void {
  let trimmedStart = start;
  let trimmedEnd = end;
  while (trimmedStart < trimmedEnd && WHITESPACE.test(body[trimmedStart]!)) trimmedStart++;
  while (trimmedEnd > trimmedStart && WHITESPACE.test(body[trimmedEnd - 1]!)) trimmedEnd--;
  if (trimmedEnd > trimmedStart) spans.push([trimmedStart, trimmedEnd]);
}
