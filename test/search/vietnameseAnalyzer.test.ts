import { describe, expect, it } from 'vitest';
import {
  ENGLISH_STOPWORDS,
  ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE,
  NOT_STOPWORDS_ON_PURPOSE,
  VIETNAMESE_STOPWORDS,
} from '../../src/language/stopwords.ts';
import { analyzeQuery, compileGlossary, indexTerms, searchTokens as tokenize } from '../../src/search/vietnameseAnalyzer.ts';

const roles = (query: string) => Object.fromEntries(analyzeQuery(query).words.map((word) => [word.text, word.role]));

describe('tokenize', () => {
  it('keeps every token verbatim, with offsets that cut it back out of the text', () => {
    const text = 'Tổng thư ký NATO Mark Rutte (giờ địa phương) đã hội đàm.';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual([
      'Tổng',
      'thư',
      'ký',
      'NATO',
      'Mark',
      'Rutte',
      'giờ',
      'địa',
      'phương',
      'đã',
      'hội',
      'đàm',
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens[0]!.folded).toBe('tong');
  });

  it('splits sentences the scraper glued together, so "phòng.Chánh" is two words', () => {
    expect(tokenize('quốc phòng.Chánh Văn phòng').map((token) => token.text)).toEqual(['quốc', 'phòng', 'Chánh', 'Văn', 'phòng']);
  });

  it('reads decomposed input as the same syllables', () => {
    expect(tokenize('Hợp tác'.normalize('NFD')).map((token) => token.text)).toEqual(['Hợp', 'tác']);
  });

  it('treats "đâu" (where) as a stopword but not "đầu" (as in "đầu tư")', () => {
    const [where, head] = tokenize('đâu đầu');
    expect(where!.isStopword).toBe(true);
    expect(head!.isStopword).toBe(false);
  });

  it('never treats part of a hyphenated name as a stopword ("Lee Do-woon")', () => {
    expect(tokenize('do Do-woon').map((token) => token.isStopword)).toEqual([true, false, false]);
  });

  it('never treats an acronym as a stopword ("AI" is not "ai", who)', () => {
    expect(tokenize('AI ai').map((token) => token.isStopword)).toEqual([false, true]);
  });
});

describe('indexTerms', () => {
  it('makes hyphenated names findable whole and by part', () => {
    const terms = indexTerms('Tổng thống Yoon Suk-yeol');
    expect(terms).toEqual(expect.arrayContaining(['suk', 'yeol', 'sukyeol', 'suk_yeol', 'yoon_suk']));
  });

  it('does not join a range of days into a made-up number', () => {
    expect(indexTerms('ngày 24-25/6')).not.toContain('2425');
  });

  it('adds bigrams of adjacent content syllables only', () => {
    const terms = indexTerms('hợp tác với NATO, quốc phòng.Chánh');
    expect(terms).toEqual(expect.arrayContaining(['hop_tac', 'quoc_phong']));
    expect(terms).not.toContain('tac_voi');
    expect(terms).not.toContain('nato_quoc');
    expect(terms).not.toContain('phong_chanh');
  });

  it('leaves stopwords out of the index', () => {
    expect(indexTerms('Hàn Quốc ở đâu')).toEqual(['han', 'han_quoc', 'quoc']);
  });

  it('keeps "đầu" so "lần đầu" is findable', () => {
    expect(indexTerms('lần đầu')).toEqual(['lan', 'lan_dau', 'dau']);
  });
});

describe('analyzeQuery', () => {
  it('drops accented stopwords from a query typed with marks', () => {
    expect(roles('Rutte ở đâu')).toEqual({ Rutte: 'required', ở: 'stopword', đâu: 'stopword' });
  });

  it('keeps unmarked words that may be stopwords as optional, so "dau tu" still forms a bigram', () => {
    const analysis = analyzeQuery('dau tu nuoc ngoai');
    expect(Object.fromEntries(analysis.words.map((word) => [word.text, word.role]))).toEqual({
      dau: 'optional',
      tu: 'optional',
      nuoc: 'required',
      ngoai: 'required',
    });
    expect(analysis.bigrams.map((bigram) => bigram.term)).toEqual(['dau_tu', 'tu_nuoc', 'nuoc_ngoai']);
  });

  it('requires the words of a query made only of ambiguous words', () => {
    expect(roles('dau tu')).toEqual({ dau: 'required', tu: 'required' });
  });

  it('reads "an" as the first half of "an ninh", not the English article, when typed with marks', () => {
    expect(roles('an ninh quốc gia').an).toBe('required');
    expect(roles('an ninh').an).toBe('optional');
  });

  it('drops English question words', () => {
    expect(roles('what is ITPP')).toEqual({ what: 'stopword', is: 'stopword', ITPP: 'required' });
  });

  it('knows when the last word may still be being typed', () => {
    expect(analyzeQuery('Mark Rut').words.map((word) => word.stillTyping)).toEqual([false, true]);
    expect(analyzeQuery('Mark Rut ').words.map((word) => word.stillTyping)).toEqual([false, false]);
  });

  it('finds glossary phrases in a query, longest first', () => {
    const glossary = compileGlossary([
      { en: ['defense industry'], vi: ['công nghiệp quốc phòng'] },
      { en: ['defense'], vi: ['quốc phòng'] },
    ]);
    const analysis = analyzeQuery('defense industry cooperation', glossary);
    expect(analysis.glossaryMatches).toEqual([
      { first: 0, last: 1, synonyms: ['công nghiệp quốc phòng'], translation: ['công nghiệp quốc phòng'] },
    ]);
  });

  it('never reads a word typed with Vietnamese marks as English ("bản" is not "ban")', () => {
    const glossary = compileGlossary([{ en: ['ban'], vi: ['lệnh cấm'] }]);
    expect(analyzeQuery('bản tin mới', glossary).glossaryMatches).toEqual([]);
    expect(analyzeQuery('export ban', glossary).glossaryMatches).toEqual([
      { first: 1, last: 1, synonyms: ['lệnh cấm'], translation: ['lệnh cấm'] },
    ]);
  });

  it('says what a Vietnamese phrase stands for only when it was English', () => {
    const glossary = compileGlossary([{ en: ['summit'], vi: ['hội nghị thượng đỉnh', 'thượng đỉnh'] }]);
    expect(analyzeQuery('thượng đỉnh', glossary).glossaryMatches[0]?.translation).toBeUndefined();
  });

  it('does not read a question word as a glossary acronym ("ai" is who, not AI)', () => {
    const glossary = compileGlossary([{ en: ['AI'], vi: ['trí tuệ nhân tạo'] }]);
    expect(analyzeQuery('ai đã gặp Rutte', glossary).glossaryMatches).toEqual([]);
  });
});

describe('stopword tables', () => {
  it('are NFC lowercase and free of duplicates', () => {
    for (const list of [VIETNAMESE_STOPWORDS, ENGLISH_STOPWORDS, ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE]) {
      for (const word of list) expect(word).toBe(word.normalize('NFC').toLowerCase());
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('never list a word kept on purpose, such as "hai" in "hai bên"', () => {
    for (const word of Object.keys(NOT_STOPWORDS_ON_PURPOSE)) expect(VIETNAMESE_STOPWORDS).not.toContain(word);
    expect(NOT_STOPWORDS_ON_PURPOSE).toHaveProperty('hai');
  });

  it('keep English words that spell Vietnamese syllables apart from the ones always dropped', () => {
    for (const word of ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE) expect(ENGLISH_STOPWORDS).not.toContain(word);
  });
});
