import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPoint, escapeMarkdown, escapeWithBold, fitLines, truncate } from '../../src/discord/markdown.ts';
import { renderQuote } from '../../src/discord/renderAnswer.ts';
import { readMarkdown, unquote } from './markdownText.ts';

// Text made of what breaks markdown most often, plus Vietnamese letters, spaces and line breaks.
const tricky = fc
  .array(
    fc.constantFrom(
      '*',
      '_',
      '~',
      '`',
      '|',
      '>',
      '<',
      '@',
      '&',
      '#',
      '-',
      '+',
      '1',
      '.',
      '[',
      ']',
      '(',
      ')',
      '\\',
      ':',
      ' ',
      '\n',
      'đ',
      'ồ',
      'a',
      'Ư',
      '😀',
    ),
    {
      maxLength: 200,
    },
  )
  .map((chars) => chars.join(''));

describe('escapeMarkdown', () => {
  it('shows any text exactly as written once Discord reads the escapes', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(readMarkdown(escapeMarkdown(text)).text).toBe(text);
      }),
    );
  });

  it('escapes list and heading markers at the start of a line', () => {
    expect(escapeMarkdown('- một\n1. hai\n# ba\n-# bốn')).toBe('\\- một\n1\\. hai\n\\# ba\n\\-\\# bốn');
  });

  it('turns mentions into plain text', () => {
    expect(escapeMarkdown('<@&123> <@456> @everyone')).toBe('\\<@&123\\> \\<@456\\> @everyone');
  });
});

describe('escapeWithBold', () => {
  it('keeps the text verbatim and bolds exactly the highlighted, non-blank spans', () => {
    fc.assert(
      fc.property(tricky, fc.array(fc.tuple(fc.nat(200), fc.nat(40)), { maxLength: 5 }), (text, spans) => {
        const highlights = spans.map(([start, length]) => ({ start, end: start + length }));
        const shown = readMarkdown(escapeWithBold(text, highlights));
        expect(shown.text).toBe(text);
        for (const bold of shown.bold) {
          expect(bold.trim()).toBe(bold);
          expect(bold.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('renderQuote', () => {
  it('always fits, and shows a verbatim beginning of the quote followed by … when cut', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 20, max: 400 }), (quote, max) => {
        const block = renderQuote({ articleId: 'a', date: '2025-06', paragraph: 1, quote, highlights: [{ start: 0, end: 5 }] }, max);
        expect(block.length).toBeLessThanOrEqual(max);
        const { text } = readMarkdown(unquote(block));
        if (text === quote) return;
        expect(text.endsWith('…')).toBe(true);
        expect(quote.startsWith(text.slice(0, -1))).toBe(true);
      }),
    );
  });
});

describe('cutting text', () => {
  it('prefers the end of a sentence', () => {
    const text = 'Câu thứ nhất khá dài. Câu thứ hai cũng dài nữa.';
    expect(text.slice(0, cutPoint(text, 30))).toBe('Câu thứ nhất khá dài.');
  });

  it('falls back to a space, then to any character', () => {
    expect(truncate('một hai ba bốn năm', 12)).toBe('một hai ba…');
    expect(truncate('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('does not split an emoji', () => {
    expect(truncate('😀😀😀😀', 4)).toBe('😀…');
  });

  it('fits lines and counts what was left out', () => {
    const lines = Array.from({ length: 100 }, (_, index) => `dòng ${index}`);
    const text = fitLines(lines, 60, (n) => `… và ${n} dòng nữa`);
    expect(text.length).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^dòng 0\ndòng 1\n/);
    expect(text).toMatch(/… và \d+ dòng nữa$/);
  });
});
