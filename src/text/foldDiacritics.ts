// Folds text to the form people type when they skip Vietnamese marks: "Đồng ý" and "dong y" both
// become "dong y". Search compares folded forms; quotes always keep the accented original.

/**
 * Latin letters that carry their "accent" inside the letter itself, so Unicode decomposition
 * (NFD) leaves them whole. Keys are lowercase because we lowercase first (`ẞ` lowercases to `ß`).
 */
export const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  đ: 'd', // Vietnamese: the one mark NFD cannot remove, and the most common (đồng, được, Đại)
  ð: 'd',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  þ: 'th',
};

const UNDECOMPOSABLE = new RegExp(`[${Object.keys(LETTERS_WITHOUT_DECOMPOSITION).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;
const PLAIN_ASCII = /^[\x00-\x7f]*$/;

/** The definition: lowercase, decompose, drop the marks, then the letters that do not decompose. */
function foldSlowly(lower: string): string {
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
}

/**
 * Each Latin letter with its marks (Latin-1, Latin Extended-A and -B, and Latin Extended Additional,
 * where Vietnamese's `ầ ự ỗ…` live) folded once, by the definition above. Text made only of ASCII and
 * these letters folds a character at a time from the table: the same result (these letters lowercase
 * and decompose on their own, whatever stands next to them), without normalizing the whole string.
 * Folding runs over every quote, name and word the library holds, and NFD was its largest cost.
 */
const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];
/**
 * By code unit below U+1F00: the folded letter when it is one code unit, MANY when it is more (`ß` →
 * `ss`, in FOLDED_LONGER), 0 outside the ranges. A typed array: a lookup per character stays cheap.
 */
const FOLDED_LATIN = new Uint16Array(0x1f00);
const MANY = 0xffff;
const FOLDED_LONGER = new Map<number, string>();
for (const [from, to] of LATIN_RANGES)
  for (let code = from; code <= to; code++) {
    const folded = foldSlowly(String.fromCharCode(code).toLowerCase());
    if (folded.length === 1) FOLDED_LATIN[code] = folded.charCodeAt(0);
    else {
      FOLDED_LATIN[code] = MANY;
      FOLDED_LONGER.set(code, folded);
    }
  }

/** Scratch space for the folded code units (grown as needed), decoded once into the result. */
let scratch = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le');

/** Lowercase, without diacritics: `Đầu tư` → `dau tu`, `Łódź` → `lodz`, `Straße` → `strasse`. */
export function foldDiacritics(text: string): string {
  const lower = text.toLowerCase();
  // Most foreign names and all digits are ASCII already; skipping NFD for them keeps indexing fast.
  if (PLAIN_ASCII.test(lower)) return lower;
  if (scratch.length < lower.length * 2) scratch = new Uint16Array(lower.length * 2);
  let length = 0;
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    if (code < 0x80) {
      scratch[length++] = code;
      continue;
    }
    const letter = code < FOLDED_LATIN.length ? FOLDED_LATIN[code]! : 0;
    // Any other character (a mark typed apart, another script, a symbol): the definition, whole.
    if (letter === 0) return foldSlowly(lower);
    if (letter !== MANY) {
      scratch[length++] = letter;
      continue;
    }
    const longer = FOLDED_LONGER.get(code)!;
    for (let i = 0; i < longer.length; i++) scratch[length++] = longer.charCodeAt(i);
  }
  return UTF16.decode(scratch.subarray(0, length));
}
