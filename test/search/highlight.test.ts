import { describe, expect, it } from 'vitest';
import { highlightSpans } from '../../src/answers/highlight.ts';

const bolded = (text: string, query: string, alsoMatch?: string[]) =>
  highlightSpans(text, query, alsoMatch ? { alsoMatch } : {}).map(({ start, end }) => text.slice(start, end));

describe('highlightSpans', () => {
  const quote = 'Hai bên đã nhất trí thành lập cơ chế tham vấn công nghiệp quốc phòng cấp Vụ trưởng.';

  it('bolds a phrase typed without marks as one run of the accented words', () => {
    expect(bolded(quote, 'cong nghiep quoc phong')).toEqual(['công nghiệp quốc phòng']);
  });

  it('gives offsets that cut the words out of the quote verbatim', () => {
    const [span] = highlightSpans(quote, 'tham vấn');
    expect(quote.slice(span!.start, span!.end)).toBe('tham vấn');
  });

  it('keeps separate words apart', () => {
    expect(bolded(quote, 'nhất trí quốc phòng')).toEqual(['nhất trí', 'quốc phòng']);
  });

  it('does not bold stopwords on their own', () => {
    expect(bolded('Ông Rutte đã ở đâu?', 'Rutte ở đâu')).toEqual(['Rutte']);
  });

  it('joins two bold words across a stopword the query also used', () => {
    expect(bolded('Seoul muốn hợp tác với NATO trong tương lai.', 'hợp tác với NATO')).toEqual(['hợp tác với NATO']);
  });

  it('completes the last word, as search does', () => {
    expect(bolded('Tổng thư ký Stoltenberg đã đánh giá cao.', 'Stolt')).toEqual(['Stoltenberg']);
  });

  it('bolds a long name despite a typo', () => {
    expect(bolded('Tổng thư ký Stoltenberg đã đánh giá cao.', 'Stoltenbreg')).toEqual(['Stoltenberg']);
  });

  it('bolds a typed phrase only where its words stand side by side, not across a comma', () => {
    expect(bolded('Tiền đi đâu, tư nhân không hỏi.', 'dau tu')).toEqual(['tư']);
  });

  it('bolds "đầu tư" for "dau tu" but not a lone "đâu"', () => {
    expect(bolded('Nhà đầu tư hỏi tiền đi đâu.', 'dau tu')).toEqual(['đầu tư']);
  });

  it('bolds the glossary phrases a search expanded an English query to', () => {
    expect(bolded(quote, 'defense industry', ['công nghiệp quốc phòng'])).toEqual(['công nghiệp quốc phòng']);
  });

  it('bolds nothing when nothing matches', () => {
    expect(highlightSpans(quote, 'giá vàng')).toEqual([]);
    expect(highlightSpans('', 'giá vàng')).toEqual([]);
  });
});
