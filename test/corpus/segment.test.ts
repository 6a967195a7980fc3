import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, segmentBody } from '../../src/corpus/segment.ts';

/** A seed's body: everything after the header line and the blank line. */
function seedBody(id: string): string {
  return readFileSync(new URL(`../../corpus/${id}.txt`, import.meta.url), 'utf8').split('\n').slice(2).join('\n');
}

const paragraphTexts = (body: string) => segmentBody('test', body).map((paragraph) => paragraph.text);
const sentenceTexts = (body: string) => segmentBody('test', body).flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));

describe('segmentBody: paragraphs', () => {
  it('restores the 2023 seed paragraphs whose breaks were flattened ("quân sự.Được biết")', () => {
    const paragraphs = segmentBody('000_4f467cfc7a82818c', seedBody('000_4f467cfc7a82818c'));
    expect(paragraphs[0]!.text).toMatch(/^Phát ngôn viên Bộ Ngoại giao Hàn Quốc/);
    expect(paragraphs[0]!.text).toMatch(/trong đó có lĩnh vực quân sự\.$/);
    expect(paragraphs[1]!.text).toMatch(/^Được biết, hai bên đã thông qua/);
    expect(paragraphs.map((paragraph) => paragraph.number)).toEqual(paragraphs.map((_, index) => index + 1));
    expect(paragraphs.every((paragraph) => paragraph.articleId === '000_4f467cfc7a82818c')).toBe(true);
  });

  it('splits the 2025 seed at "của NATO.Hai bên" but keeps "24-25/6" inside its paragraph', () => {
    const paragraphs = paragraphTexts(seedBody('001_03677d34c6a97d66'));
    expect(paragraphs[0]).toContain('trong hai ngày 24-25/6 (giờ địa phương)');
    expect(paragraphs.some((text) => text.endsWith('của NATO.'))).toBe(true);
    expect(paragraphs.some((text) => text.startsWith('Hai bên đã nhất trí thành lập cơ chế'))).toBe(true);
  });

  it('starts a new paragraph at each line break and drops blank lines', () => {
    expect(paragraphTexts('  Đoạn một.\n\n\n   Đoạn hai.  \n')).toEqual(['Đoạn một.', 'Đoạn hai.']);
  });

  it('treats !, ? and … glued to a capital as a lost paragraph break', () => {
    expect(paragraphTexts('Thật bất ngờ!Hai bên đồng ý.Có thật không?Ấn Độ cũng vậy…Nhật Bản thì chưa.')).toEqual([
      'Thật bất ngờ!',
      'Hai bên đồng ý.',
      'Có thật không?',
      'Ấn Độ cũng vậy…',
      'Nhật Bản thì chưa.',
    ]);
  });

  it('keeps a closing quote with the paragraph it ends and an opening quote with the next', () => {
    expect(paragraphTexts('Ông nói: "Xin chào."Được biết, hai bên gặp nhau.“Chúng tôi sẵn sàng”, bà nói.')).toEqual([
      'Ông nói: "Xin chào."',
      'Được biết, hai bên gặp nhau.',
      '“Chúng tôi sẵn sàng”, bà nói.',
    ]);
    expect(paragraphTexts('Hai bên ký thỏa thuận."Đây là bước tiến", ông nói.')).toEqual([
      'Hai bên ký thỏa thuận.',
      '"Đây là bước tiến", ông nói.',
    ]);
  });

  it('does not break "TP.HCM" or "U.S." although a capital follows the dot', () => {
    expect(paragraphTexts('Tại TP.HCM, đại diện U.S.Army phát biểu.')).toEqual(['Tại TP.HCM, đại diện U.S.Army phát biểu.']);
  });
});

describe('segmentBody: sentences', () => {
  it('splits sentences at a sentence end, a space and a capital, digit or opening quote', () => {
    expect(sentenceTexts('Hai bên hội đàm. Ông Yoon phát biểu! 2024 là năm bản lề? “Đúng vậy”, bà nói… Hết.')).toEqual([
      'Hai bên hội đàm.',
      'Ông Yoon phát biểu!',
      '2024 là năm bản lề?',
      '“Đúng vậy”, bà nói…',
      'Hết.',
    ]);
  });

  it('does not split a sentence when the next word is lowercase', () => {
    expect(sentenceTexts('Ông nói... rồi im lặng. Sau đó ra về.')).toEqual(['Ông nói... rồi im lặng.', 'Sau đó ra về.']);
  });

  it.each([
    ['5.800', 'Xuất khẩu đạt 5.800 tỷ đồng trong quý I.'],
    ['3.5%', 'Giá tăng 3.5% so với cùng kỳ.'],
    ['11/7', 'Ngày 11/7 hai bên gặp nhau.'],
    ['24-25/6', 'Trong hai ngày 24-25/6 hội nghị diễn ra.'],
  ])('keeps the number %s inside one sentence', (_number, text) => {
    expect(sentenceTexts(text)).toEqual([text]);
  });

  it('still splits after a number that ends a sentence ("năm 2023. Hai bên")', () => {
    expect(sentenceTexts('Thỏa thuận ký năm 2023. Hai bên gia hạn.')).toEqual(['Thỏa thuận ký năm 2023.', 'Hai bên gia hạn.']);
  });

  it('does not split after initials like "J. K. Rowling" and "U.S."', () => {
    expect(sentenceTexts('Nhà văn J. K. Rowling đến thăm. Quan chức U.S. State Department cũng có mặt.')).toEqual([
      'Nhà văn J. K. Rowling đến thăm.',
      'Quan chức U.S. State Department cũng có mặt.',
    ]);
  });

  it.each(ABBREVIATIONS)('does not split after the abbreviation "%s" before a name', (abbreviation) => {
    const text = `Hôm qua ${abbreviation} Nguyễn Văn An phát biểu.`;
    expect(sentenceTexts(text)).toEqual([text]);
  });

  it('numbers sentences from 1 within each paragraph', () => {
    const [first, second] = segmentBody('test', 'Một. Hai. Ba.\nBốn. Năm.');
    expect(first!.sentences.map((sentence) => sentence.number)).toEqual([1, 2, 3]);
    expect(second!.sentences.map((sentence) => sentence.number)).toEqual([1, 2]);
  });
});

describe('segmentBody: offsets', () => {
  it('gives every paragraph and sentence of the seeds a text equal to body.slice(start, end)', () => {
    for (const id of ['000_4f467cfc7a82818c', '001_03677d34c6a97d66']) {
      const body = seedBody(id);
      for (const paragraph of segmentBody(id, body)) {
        expect(body.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
        for (const sentence of paragraph.sentences) expect(body.slice(sentence.start, sentence.end)).toBe(sentence.text);
      }
    }
  });

  it('keeps spans exact, trimmed, ordered and non-empty for any text', () => {
    const pieces = ['Đ', 'Ấ', 'a', 'ư', ' ', '\n', '.', '!', '?', '…', '"', '“', '”', ')', '5', 'TP.', 'J. ', 'v.v.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (chosen) => {
        const body = chosen.join('');
        let previousEnd = 0;
        for (const paragraph of segmentBody('prop', body)) {
          expect(paragraph.text).toBe(body.slice(paragraph.start, paragraph.end));
          expect(paragraph.text).toBe(paragraph.text.trim());
          expect(paragraph.text).not.toBe('');
          expect(paragraph.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = paragraph.end;
          let previousSentenceEnd = paragraph.start;
          for (const sentence of paragraph.sentences) {
            expect(sentence.text).toBe(body.slice(sentence.start, sentence.end));
            expect(sentence.text).toBe(sentence.text.trim());
            expect(sentence.start).toBeGreaterThanOrEqual(previousSentenceEnd);
            expect(sentence.end).toBeLessThanOrEqual(paragraph.end);
            previousSentenceEnd = sentence.end;
          }
        }
      }),
    );
  });
});
