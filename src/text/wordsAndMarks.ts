// Extraction's view of the one token stream: what a reader of names and roles sees. A hyphen or an
// apostrophe between two words makes them one (`Jae-myung`, `O’Brien`: a name is read whole, where
// search indexes its parts), and every punctuation mark is a token of its own (`(`, `,`, `“`: they end
// names and open roles). Offsets index the text as given (corpus text is NFC already).
import { classAt, LOWERCASE_BIT, SPACE_BIT, UPPERCASE_BIT, widthAt } from './characterClasses.ts';
import { onlySpacesBetween, type Token, wordForms, wordSpans } from './tokenize.ts';

/**
 * Marks that join two words into one here. Not the non-breaking hyphen U+2011, which search does join:
 * extraction has never read it as part of a name, and its output is kept as it was.
 */
function isWordJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x27 || code === 0x2019;
}

/**
 * A token of this view. Extraction reads names and roles as written and never asks a folded form, so it
 * is worked out only if asked: a sentence is cut many times over while its article is read.
 */
class ViewToken implements Token {
  readonly isStopword = false;
  readonly hyphenatedToNext = false;
  adjacentToNext = false;
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly isWord: boolean,
  ) {}
  get folded(): string {
    return this.isWord ? wordForms(this.text).folded : this.text;
  }
}

/** Each character of text[from, to) but spaces, as one mark. */
function addMarks(tokens: ViewToken[], text: string, from: number, to: number): void {
  for (let offset = from; offset < to;) {
    const width = widthAt(text, offset);
    if ((classAt(text, offset) & SPACE_BIT) === 0)
      tokens.push(new ViewToken(text.slice(offset, offset + width), offset, offset + width, false));
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
  const spans = wordSpans(text);
  const tokens: ViewToken[] = [];
  let markedUpTo = 0;
  for (let i = 0; i < spans.length;) {
    const start = spans[i]!;
    let end = spans[i + 1]!;
    i += 2;
    while (i < spans.length && spans[i] === end + 1 && isWordJoiner(text.charCodeAt(end))) {
      end = spans[i + 1]!;
      i += 2;
    }
    addMarks(tokens, text, markedUpTo, start);
    tokens.push(new ViewToken(text.slice(start, end), start, end, true));
    markedUpTo = end;
  }
  addMarks(tokens, text, markedUpTo, text.length);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i]!;
    token.adjacentToNext = onlySpacesBetween(text, token.end, tokens[i + 1]!.start);
  }
  return tokens;
}

export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && (classAt(token.text, 0) & UPPERCASE_BIT) !== 0;
}

export function isLowercaseWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && (classAt(token.text, 0) & LOWERCASE_BIT) !== 0;
}
