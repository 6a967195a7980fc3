// Extraction's view of the one token stream: what a reader of names and roles sees. A hyphen or an
// apostrophe between two words makes them one (`Jae-myung`, `O’Brien`: a name is read whole, where
// search indexes its parts), and every punctuation mark is a token of its own (`(`, `,`, `“`: they end
// names and open roles). Offsets index the text as given (corpus text is NFC already).
import { classAt, LOWERCASE_BIT, SPACE_BIT, UPPERCASE_BIT, widthAt } from './characterClasses.ts';
import { onlySpacesBetween, type Token, wordForms, wordsOf } from './tokenize.ts';

/**
 * Marks that join two words into one here. Not the non-breaking hyphen U+2011, which search does join:
 * extraction has never read it as part of a name, and its output is kept as it was.
 */
function isWordJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x27 || code === 0x2019;
}

/** A token's span before it is made: a word's folded form when one word of the stream, else undefined. */
interface Span {
  start: number;
  end: number;
  isWord: boolean;
  folded: string | undefined;
}

/** Each character of text[from, to) but spaces, as one mark. */
function addMarks(spans: Span[], text: string, from: number, to: number): void {
  for (let offset = from; offset < to;) {
    const width = widthAt(text, offset);
    if ((classAt(text, offset) & SPACE_BIT) === 0) spans.push({ start: offset, end: offset + width, isWord: false, folded: undefined });
    offset += width;
  }
}

/**
 * Words (letters/digits, with inner hyphens or apostrophes) and single marks, in reading order: the cut of
 * `/([\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)|[^\s\p{L}\p{M}\p{N}]/gu`. `hyphenatedToNext` is
 * always false here (the hyphens are inside the words), and so is `isStopword` (extraction reads names and
 * roles, whole); `adjacentToNext` says only spaces follow.
 */
export function wordsAndMarks(text: string): Token[] {
  const words = wordsOf(text);
  const spans: Span[] = [];
  let markedUpTo = 0;
  for (let i = 0; i < words.length;) {
    const first = words[i]!;
    let last = first;
    while (i + 1 < words.length && words[i + 1]!.start === last.end + 1 && isWordJoiner(text.charCodeAt(last.end))) last = words[++i]!;
    i += 1;
    addMarks(spans, text, markedUpTo, first.start);
    spans.push({ start: first.start, end: last.end, isWord: true, folded: first === last ? first.folded : undefined });
    markedUpTo = last.end;
  }
  addMarks(spans, text, markedUpTo, text.length);
  return spans.map(({ start, end, isWord, folded }, i) => {
    const surface = text.slice(start, end);
    const next = spans[i + 1];
    return {
      text: surface,
      folded: folded ?? (isWord ? wordForms(surface).folded : surface),
      start,
      end,
      isStopword: false,
      hyphenatedToNext: false,
      adjacentToNext: next !== undefined && onlySpacesBetween(text, end, next.start),
      isWord,
    };
  });
}

export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && (classAt(token.text, 0) & UPPERCASE_BIT) !== 0;
}

export function isLowercaseWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && (classAt(token.text, 0) & LOWERCASE_BIT) !== 0;
}
