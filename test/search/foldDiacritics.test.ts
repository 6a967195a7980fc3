import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../src/text/foldDiacritics.ts';

describe('foldDiacritics', () => {
  it('folds đ to d so "dong y" finds "đồng ý"', () => {
    expect(foldDiacritics('đồng ý')).toBe('dong y');
    expect(foldDiacritics('Đại Tây Dương')).toBe('dai tay duong');
  });

  it('strips every Vietnamese tone and vowel mark', () => {
    expect(foldDiacritics('Hợp tác công nghiệp quốc phòng')).toBe('hop tac cong nghiep quoc phong');
    expect(foldDiacritics('ứng phó với khủng bố')).toBe('ung pho voi khung bo');
    expect(foldDiacritics('Ấn Độ-Thái Bình Dương')).toBe('an do-thai binh duong');
  });

  it('folds the same whether the text arrived composed (NFC) or decomposed (NFD)', () => {
    const word = 'Nguyễn Thị Ánh';
    expect(foldDiacritics(word.normalize('NFD'))).toBe(foldDiacritics(word.normalize('NFC')));
  });

  it('folds Latin letters that carry their mark inside the letter', () => {
    expect(foldDiacritics('Łódź')).toBe('lodz');
    expect(foldDiacritics('Støre')).toBe('store');
    expect(foldDiacritics('Straße')).toBe('strasse');
    expect(foldDiacritics('Ærø')).toBe('aero');
    expect(foldDiacritics('Œuvre')).toBe('oeuvre');
    expect(foldDiacritics('Kılıçdaroğlu')).toBe('kilicdaroglu');
  });

  it('lowercases names and acronyms and leaves digits and punctuation alone', () => {
    expect(foldDiacritics('NATO 24-25/6, ITPP.')).toBe('nato 24-25/6, itpp.');
  });
});
