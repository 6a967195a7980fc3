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

/** Lowercase, without diacritics: `Đầu tư` → `dau tu`, `Łódź` → `lodz`, `Straße` → `strasse`. */
export function foldDiacritics(text: string): string {
  const lower = text.toLowerCase();
  // Most foreign names and all digits are ASCII already; skipping NFD for them keeps indexing fast.
  if (PLAIN_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
}
