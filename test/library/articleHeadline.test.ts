// How an untitled article is named: its first twelve words, read without splitting the whole body.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { ParagraphArray } from '../../src/corpus/paragraphArray.ts';
import { articleHeadline, headlineFields, openingWords } from '../../src/library/articleHeadline.ts';

function untitled(body: string): Article {
  return {
    id: 'a1',
    file: 'a1.txt',
    format: 'text',
    date: { year: 2025, month: 6, text: '2025-06' },
    meta: {},
    body,
    bodyLine: 1,
    paragraphs: new ParagraphArray([]),
    hash: 'x',
  };
}

/** The words as `/\s+/` separates them, numbered: `w1 w2 … wN`. */
function numberedWords(count: number, separator = ' '): string {
  return Array.from({ length: count }, (_, i) => `w${i + 1}`).join(separator);
}

/** What the opening words were before they were read word by word: the whole body split. */
function splitWholeBody(body: string): string {
  const words = body.split(/\s+/).filter(Boolean);
  const head = words.slice(0, 12).join(' ');
  return words.length > 12 ? `${head}…` : head;
}

describe('the opening words of an untitled article', () => {
  it('are its first twelve words and `…` when a thirteenth follows', () => {
    expect(openingWords(untitled(numberedWords(13)))).toBe(`${numberedWords(12)}…`);
    expect(openingWords(untitled(numberedWords(400)))).toBe(`${numberedWords(12)}…`);
  });

  it('end without `…` when the body holds exactly twelve words, or fewer', () => {
    expect(openingWords(untitled(numberedWords(12)))).toBe(numberedWords(12));
    expect(openingWords(untitled(numberedWords(3)))).toBe('w1 w2 w3');
    expect(openingWords(untitled('Hà Nội'))).toBe('Hà Nội');
  });

  it('skip whitespace before the first word and after the last, and join words with one space', () => {
    expect(openingWords(untitled(`\n\t  ${numberedWords(12, ' \n\n ')}  \n`))).toBe(numberedWords(12));
    expect(openingWords(untitled(`   ${numberedWords(13, '\u00a0\u3000')}\n`))).toBe(`${numberedWords(12)}…`);
    expect(openingWords(untitled(''))).toBe('');
    expect(openingWords(untitled(' \n\u2028 '))).toBe('');
  });

  it('separate words at every character `\\s` matches, and at nothing else', () => {
    // Compared here and asserted once: 65,536 calls of `expect` cost seconds, the words milliseconds.
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      const body = `${char}a${char}b${numberedWords(11, char)}${char}`;
      if (openingWords(untitled(body)) !== splitWholeBody(body)) differing.push(`U+${code.toString(16)}`);
    }
    expect(differing).toEqual([]);
  });

  it('name the article in summaries and items as untitled with those words, and a titled one by its title', () => {
    const article = untitled(`  Thay mặt Tổng thống Lee Jae Myung tham dự Hội nghị thượng đỉnh NATO năm 2025 tại La Haye.`);
    expect(articleHeadline(article)).toBe('untitled article (opens “Thay mặt Tổng thống Lee Jae Myung tham dự Hội nghị thượng…”)');
    expect(headlineFields(article)).toEqual({ opening: 'Thay mặt Tổng thống Lee Jae Myung tham dự Hội nghị thượng…' });
    const titled = { ...article, meta: { title: 'Hội đàm' } };
    expect(articleHeadline(titled)).toBe('Hội đàm');
    expect(headlineFields(titled)).toEqual({ title: 'Hội đàm' });
  });
});
