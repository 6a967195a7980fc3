// The scan that reads the words of folded quotes for the lookups must cut exactly where the regular
// expression it replaces did, on every kind of character.
import { describe, expect, it } from 'vitest';
import { forEachWord } from '../../src/library/lookups/wordsOfText.ts';

function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

describe('the words of a folded text', () => {
  it('are the runs of letters and digits, without the marks and spaces between them', () => {
    expect(wordsOf('hai ben da nhat tri, ve "hop tac" 2025-06!')).toEqual([
      'hai',
      'ben',
      'da',
      'nhat',
      'tri',
      've',
      'hop',
      'tac',
      '2025',
      '06',
    ]);
    expect(wordsOf('  ')).toEqual([]);
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('nato')).toEqual(['nato']);
  });

  it('cut where the regular expression cuts, for every character of the first plane between two letters', () => {
    // Compared here and asserted once: 65,536 calls of `expect` cost seconds, the scan milliseconds.
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)}b ${String.fromCharCode(code)}`;
      const [words, expected] = [wordsOf(text), splitWords(text)];
      if (words.length !== expected.length || words.some((word, i) => word !== expected[i])) differing.push(`U+${code.toString(16)}`);
    }
    expect(differing).toEqual([]);
  });

  it('read a character beyond the first plane as one letter, or one separator, and a lone surrogate as a separator', () => {
    for (const text of ['x𝐀y', '𝐀', 'a😀b', '😀', 'a\ud835b', 'a\udc00b', '\ud835', 'ab\ud835', '𠀀中文 2', 'a\u{1d7d8}b']) {
      expect(wordsOf(text), JSON.stringify(text)).toEqual(splitWords(text));
    }
  });
});
