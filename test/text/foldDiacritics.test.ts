// Folding is how `dong y` finds `Đồng ý`: every search term, name and quote goes through it. It folds
// Latin letters a character at a time from a table made by its definition (lowercase, NFD, drop the
// marks, then the letters NFD leaves whole); the table must give exactly what the definition gives.
import { describe, expect, it } from 'vitest';
import { LETTERS_WITHOUT_DECOMPOSITION, foldDiacritics } from '../../src/text/foldDiacritics.ts';

/** The definition, written out plainly. */
function byDefinition(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/./gu, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
}

describe('foldDiacritics', () => {
  it('folds Vietnamese as people type it without marks', () => {
    expect(foldDiacritics('Tổng thống Hàn Quốc đã hội đàm tại Đà Nẵng')).toBe('tong thong han quoc da hoi dam tai da nang');
    expect(foldDiacritics('Łódź, Straße, Ærø')).toBe('lodz, strasse, aero');
  });

  it('gives what the definition gives for every character of the first plane, between Vietnamese letters', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates
      const text = `Đ${String.fromCharCode(code)}ấy`;
      if (foldDiacritics(text) !== byDefinition(text)) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('folds text typed with separate marks, capital İ and other scripts by the definition', () => {
    for (const text of ['Đo\u0302\u0300ng y\u0301', 'İstanbul và Đà Nẵng', 'Σεούλ và Hà Nội', 'ǅurđevac', 'Ấn Độ – 印度'])
      expect(foldDiacritics(text)).toBe(byDefinition(text));
  });
});
