// The one tokenizer: a text cut into its words (runs of letters, marks and digits: Vietnamese syllables,
// numbers, foreign words) with their offsets, folded forms and how each one joins the next. Search
// indexes these tokens; extraction reads the same stream through `wordsAndMarks.ts`, which joins
// hyphenated names and keeps punctuation, and matches its phrase tables on the text's Latin syllables
// (`syllables.ts`).
import { BoundedMap } from './boundedMap.ts';
import { classAt, LETTER_BIT, widthAt } from './characterClasses.ts';
import { foldDiacritics } from './foldDiacritics.ts';

/** One word of a text (letters/digits), or, in the words-and-marks view, one punctuation mark. */
export interface Token {
  /** Exactly as written: `text === tokenizedText.slice(start, end)`. */
  readonly text: string;
  /** Lowercase without marks: `Đầu` → `dau`. */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  /**
   * A function word as written (`đâu`, not `đầu`), as the caller's `isStopword` says (search passes the
   * Vietnamese list: language knowledge, which `src/text` sits below); false without one, and never for
   * part of a hyphenated name (`Lee Do-woon`: `Do` is a name, not "because").
   */
  readonly isStopword: boolean;
  /** Joined to the next token by one hyphen and no space: `Suk-yeol`, `Độ-Thái`, `24-25`. */
  readonly hyphenatedToNext: boolean;
  /** Only spaces (not a line break) or one hyphen separate it from the next token: the two may form a phrase. */
  readonly adjacentToNext: boolean;
  /** Letters or digits; false for a punctuation mark (only the words-and-marks view has those). */
  readonly isWord: boolean;
}

export interface TokenizeOptions {
  /** Which words are function words of the language (see `Token.isStopword`). */
  isStopword?: (forms: WordForms) => boolean;
}

/** What a word's spelling says, whatever its place in the text. */
export interface WordForms {
  folded: string;
  lower: string;
  /** Written with Vietnamese (or other) marks: its folded form differs from its lowercase one. */
  hasMarks: boolean;
  /** All capitals (`NATO`, `AI`, `ITPP`, `G7`): see {@link isAcronym}. */
  isAcronym: boolean;
}

/** Two or more capitals or digits, at least one a capital: `NATO`, `EU`, `G7`, not `2025`. */
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,}$/u;
/** Hyphens that bind two words into one name (the non-breaking one included). */
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const SPACE = /[^\S\n]/u;

// Indexing folds the same few thousand syllables millions of times; remembering them makes building an
// index several times faster.
const formsBySurface = new BoundedMap<string, WordForms>(100_000);

export function wordForms(surface: string): WordForms {
  const known = formsBySurface.get(surface);
  if (known) return known;
  const lower = surface.toLowerCase();
  const folded = foldDiacritics(surface);
  const forms: WordForms = { folded, lower, hasMarks: folded !== lower, isAcronym: ACRONYM.test(surface) };
  formsBySurface.set(surface, forms);
  return forms;
}

/** `NATO`, `EU`, `G7`: a word of two or more capitals or digits, at least one a letter. */
export function isAcronym(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && ACRONYM.test(token.text);
}

/** Whether text[start, end) is spaces (not a line break): the words on either side are adjacent. */
export function onlySpacesBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    if (char !== ' ' && !SPACE.test(char)) return false;
  }
  return end > start;
}

/**
 * Where the words of `text` are, each a maximal run of `[\p{L}\p{M}\p{N}]`: `[start, end]` offsets of
 * each in turn, in one flat list.
 */
export function wordSpans(text: string): number[] {
  const spans: number[] = [];
  for (let offset = 0; offset < text.length;) {
    if ((classAt(text, offset) & LETTER_BIT) === 0) {
      offset += widthAt(text, offset);
      continue;
    }
    spans.push(offset);
    do offset += widthAt(text, offset);
    while (offset < text.length && (classAt(text, offset) & LETTER_BIT) !== 0);
    spans.push(offset);
  }
  return spans;
}

/** The words of `text` as written (no normalisation: the offsets index `text` itself). */
export function wordsOf(text: string, options: TokenizeOptions = {}): Token[] {
  const { isStopword } = options;
  const spans = wordSpans(text);
  const tokens: Token[] = [];
  let hyphenatedToPrevious = false;
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    const next = spans[i + 2];
    const surface = text.slice(start, end);
    const forms = wordForms(surface);
    const hyphenatedToNext = next === end + 1 && HYPHENS.has(text[end]!);
    const adjacentToNext = next !== undefined && (hyphenatedToNext || onlySpacesBetween(text, end, next));
    const stopword = isStopword !== undefined && !hyphenatedToNext && !hyphenatedToPrevious && isStopword(forms);
    tokens.push({ text: surface, folded: forms.folded, start, end, isStopword: stopword, hyphenatedToNext, adjacentToNext, isWord: true });
    hyphenatedToPrevious = hyphenatedToNext;
  }
  return tokens;
}

/**
 * The words of `input` after NFC normalisation; offsets index the NFC text, which for corpus text
 * (always NFC) is the input itself. Typed text may come decomposed (NFD): it reads the same.
 */
export function tokenize(input: string, options: TokenizeOptions = {}): Token[] {
  return wordsOf(input.normalize('NFC'), options);
}

/** Runs of two or more tokens joined by hyphens, as [first, last] indices. */
export function hyphenGroups(tokens: readonly Token[]): Array<[first: number, last: number]> {
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.hyphenatedToNext) continue;
    const first = i;
    while (tokens[i]?.hyphenatedToNext) i++;
    groups.push([first, i]);
  }
  return groups;
}
