// What the tokenizer needs to know about a character (space, letter, case, Latin script), read from the
// Unicode property patterns once per character met; afterwards it is a table lookup, not a regex per step.
import { LATIN_LETTER } from './wordPatterns.ts';

export const SPACE_BIT = 1; // \s
export const LETTER_BIT = 2; // \p{L}, \p{M} or \p{N}
export const UPPERCASE_BIT = 4; // \p{Lu}
export const LOWERCASE_BIT = 8; // \p{Ll}
const CHANGES_WHEN_LOWERCASED_BIT = 16;
export const LATIN_BIT = 32; // LATIN_LETTER: what a syllable is made of
const KNOWN_BIT = 64;

const IS_SPACE = /^\s$/u;
const IS_LETTER = /^[\p{L}\p{M}\p{N}]$/u;
const IS_UPPERCASE = /^\p{Lu}$/u;
const IS_LOWERCASE = /^\p{Ll}$/u;
const IS_LATIN = new RegExp(`^[${LATIN_LETTER}]$`);

function classify(character: string): number {
  return (
    KNOWN_BIT |
    (IS_SPACE.test(character) ? SPACE_BIT : 0) |
    (IS_LETTER.test(character) ? LETTER_BIT : 0) |
    (IS_UPPERCASE.test(character) ? UPPERCASE_BIT : 0) |
    (IS_LOWERCASE.test(character) ? LOWERCASE_BIT : 0) |
    (character.toLowerCase() !== character ? CHANGES_WHEN_LOWERCASED_BIT : 0) |
    (IS_LATIN.test(character) ? LATIN_BIT : 0)
  );
}

const classOfCodeUnit = new Uint8Array(0x10000);
const classOfAstral = new Map<number, number>();

/** The class of one UTF-16 code unit taken alone (a surrogate half is nothing but itself). */
export function classOfCode(code: number): number {
  let bits = classOfCodeUnit[code]!;
  if (bits === 0) {
    bits = classify(String.fromCharCode(code));
    classOfCodeUnit[code] = bits;
  }
  return bits;
}

function isSurrogatePair(text: string, offset: number): boolean {
  const high = text.charCodeAt(offset);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(offset + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** The class of the code point at `offset` (a surrogate pair is one code point, as with the `u` flag). */
export function classAt(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code < 0xd800 || code > 0xdbff || !isSurrogatePair(text, offset)) return classOfCode(code);
  const codePoint = text.codePointAt(offset)!;
  let bits = classOfAstral.get(codePoint);
  if (bits === undefined) {
    bits = classify(String.fromCodePoint(codePoint));
    classOfAstral.set(codePoint, bits);
  }
  return bits;
}

/** How many UTF-16 units the code point at `offset` takes. */
export function widthAt(text: string, offset: number): number {
  return isSurrogatePair(text, offset) ? 2 : 1;
}

/**
 * `text.toLowerCase()`, without the call when no character would change (most words): on a long
 * Vietnamese text the call costs more than all of a sentence's matching.
 */
export function lowercase(text: string): string {
  for (let offset = 0; offset < text.length; offset += 1) {
    if ((classAt(text, offset) & CHANGES_WHEN_LOWERCASED_BIT) !== 0) return text.toLowerCase();
  }
  return text;
}

/**
 * Letters on which "equal ignoring case" (the patterns' Unicode case folding) and "equal once lowercased"
 * (the syllables) disagree, found by comparing both on every code point: dotted İ, long ſ, ƛ, ȿ, ɀ, the
 * combining iota, ẛ, the Kelvin and Ångström signs, Ȿ, Ɀ, Ƛ. A text holding one is matched with the
 * patterns of `wordPatterns.ts`; a table word holding one is refused.
 */
export const UNUSUAL_LETTERS = /[\u0130\u017F\u019B\u023F\u0240\u0345\u1E9B\u212A\u212B\u2C7E\u2C7F\uA7DC]/;
