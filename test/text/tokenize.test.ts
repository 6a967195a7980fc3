// Pins the one tokenizer's output on tricky text: the search view (`tokenize`, `searchTokens`) and the
// extraction view (`wordsAndMarks`) read the same stream and must keep reading it as they always have.
import { describe, expect, it } from 'vitest';
import { indexTerms, searchTokens } from '../../src/search/vietnameseAnalyzer.ts';
import { isAcronym, tokenize, wordForms } from '../../src/text/tokenize.ts';
import { isCapitalised, isLowercaseWord, wordsAndMarks } from '../../src/text/wordsAndMarks.ts';

const texts = (tokens: readonly { text: string }[]) => tokens.map((token) => token.text);

describe('tokenize (the word stream)', () => {
  it('keeps diacritics as written and folds them, đ and Đ included', () => {
    const tokens = tokenize('Đồng ý: Đại sứ đã được hội đàm');
    expect(texts(tokens)).toEqual(['Đồng', 'ý', 'Đại', 'sứ', 'đã', 'được', 'hội', 'đàm']);
    expect(tokens.map((token) => token.folded)).toEqual(['dong', 'y', 'dai', 'su', 'da', 'duoc', 'hoi', 'dam']);
  });

  it('gives offsets that cut each word back out of the text', () => {
    const text = '“Hàn Quốc–NATO” (ngày 11/7), ông Wi Sung-lac.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('reads decomposed (NFD) input as the same words, with offsets into its NFC form', () => {
    const tokens = tokenize('Hội đàm Đà Nẵng'.normalize('NFD'));
    expect(texts(tokens)).toEqual(['Hội', 'đàm', 'Đà', 'Nẵng']);
    expect(tokens.map((token) => [token.start, token.end])).toEqual([
      [0, 3],
      [4, 7],
      [8, 10],
      [11, 15],
    ]);
  });

  it('splits a hyphenated name into its parts, each joined to the next', () => {
    const tokens = tokenize('ông Wi Sung-lac nói');
    expect(texts(tokens)).toEqual(['ông', 'Wi', 'Sung', 'lac', 'nói']);
    expect(tokens.map((token) => token.hyphenatedToNext)).toEqual([false, false, true, false, false]);
    expect(tokens.map((token) => token.adjacentToNext)).toEqual([true, true, true, true, false]);
  });

  it('reads numbers and dates as runs of digits: 24-25/6 is 24, 25 and 6', () => {
    const tokens = tokenize('ngày 24-25/6/2025');
    expect(texts(tokens)).toEqual(['ngày', '24', '25', '6', '2025']);
    expect(tokens.map((token) => token.hyphenatedToNext)).toEqual([false, true, false, false, false]);
    // A slash is not a space: `25/6` may not form a phrase.
    expect(tokens.map((token) => token.adjacentToNext)).toEqual([true, true, false, false, false]);
  });

  it('never makes a phrase across punctuation or a line break', () => {
    const tokens = tokenize('hợp tác, quốc phòng\ncông nghiệp');
    expect(tokens.map((token) => token.adjacentToNext)).toEqual([true, false, true, false, true, false]);
  });

  it('tells acronyms (NATO, EU, G7) from numbers and capitalised words', () => {
    const tokens = tokenize('NATO EU G7 2025 Hàn AI');
    expect(tokens.map((token) => isAcronym(token))).toEqual([true, true, true, false, false, true]);
    expect(wordForms('Đầu').hasMarks).toBe(true);
    expect(wordForms('NATO').hasMarks).toBe(false);
  });
});

describe('searchTokens (the search view)', () => {
  it('marks function words, but never an acronym or part of a hyphenated name', () => {
    expect(searchTokens('AI ai do Do-woon đâu đầu').map((token) => token.isStopword)).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it('indexes a hyphenated name whole and by parts, but never joins a range of days', () => {
    expect(indexTerms('Wi Sung-lac')).toEqual(['wi', 'wi_sung', 'sung', 'sung_lac', 'lac', 'sunglac']);
    expect(indexTerms('24-25/6')).toEqual(['24', '24_25', '25', '6']);
  });
});

describe('wordsAndMarks (the extraction view)', () => {
  it('keeps hyphenated and apostrophe names whole and every mark apart', () => {
    const tokens = wordsAndMarks('Ông Wi Sung-lac (NATO), O’Brien: “EU” 24-25/6.');
    expect(texts(tokens)).toEqual(['Ông', 'Wi', 'Sung-lac', '(', 'NATO', ')', ',', 'O’Brien', ':', '“', 'EU', '”', '24-25', '/', '6', '.']);
    expect(tokens.map((token) => token.isWord)).toEqual([
      true,
      true,
      true,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(tokens[2]!.folded).toBe('sung-lac');
  });

  it('does not join at a non-breaking hyphen (U+2011), where search does', () => {
    expect(texts(wordsAndMarks('Do\u2011woon'))).toEqual(['Do', '\u2011', 'woon']);
    expect(tokenize('Do\u2011woon')[0]!.hyphenatedToNext).toBe(true);
  });

  it('reads case and acronyms on words only', () => {
    const [open, nato, close, minister, word] = wordsAndMarks('(NATO) Đại sứ');
    expect([isAcronym(open), isAcronym(nato), isAcronym(close)]).toEqual([false, true, false]);
    expect([isCapitalised(minister), isLowercaseWord(word), isCapitalised(open)]).toEqual([true, true, false]);
  });

  it('leaves decomposed text as given (offsets into the text itself)', () => {
    const text = 'Đà Nẵng'.normalize('NFD');
    const tokens = wordsAndMarks(text);
    expect(texts(tokens)).toEqual(['Đà', 'Nẵng'].map((word) => word.normalize('NFD')));
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
