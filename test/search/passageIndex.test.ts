import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { GlossaryEntry } from '../../src/corpus/types.ts';
import { buildPassageIndex, loadPassageIndexColumns, paragraphDocumentId } from '../../src/search/passageIndex.ts';
import { indexTerms } from '../../src/search/vietnameseAnalyzer.ts';
import { FrequencyOverflow, OVERFLOW } from '../../src/search/frequencyColumn.ts';
import { PackedColumn } from '../../src/search/packedColumn.ts';
import type { PassageHit } from '../../src/search/types.ts';
import { makeArticle } from './makeArticle.ts';

const articles = [
  makeArticle({
    id: 'summit2023',
    date: '2023-07',
    paragraphs: [
      'Hai bên thảo luận về hợp tác công nghiệp quốc phòng và chia sẻ thông tin quân sự.',
      'Tổng thư ký Jens Stoltenberg gặp Tổng thống Yoon Suk-yeol bên lề hội nghị thượng đỉnh.',
      'Công nghệ mới giúp ngành công nghiệp ô tô hợp tác với quốc gia láng giềng về phòng chống thiên tai.',
      'Ban tổ chức công bố chương trình hợp tác ITPP với NATO.',
    ],
  }),
  makeArticle({
    id: 'talks2025',
    date: '2025-06',
    paragraphs: [
      'Phó Tổng thư ký Radmila Sekerinska hội đàm với Chánh Văn phòng Wi về công nghiệp quốc phòng.',
      'Tổng thư ký Mark Rutte và các đối tác ra tuyên bố chung về chống khủng bố.',
      'Các nhà đầu tư nước ngoài quan tâm đến thị trường quốc phòng.',
      'Hai bên bàn kỹ về chương trình hợp tác ITPP với NATO trong nhiều lĩnh vực quan trọng.',
    ],
  }),
];

const glossary: GlossaryEntry[] = [
  { en: ['defense industry', 'defence industry'], vi: ['công nghiệp quốc phòng'] },
  { en: ['counter-terrorism', 'counterterrorism'], vi: ['chống khủng bố', 'ứng phó với khủng bố'] },
];

const index = buildPassageIndex(articles, glossary);
const where = (hit: PassageHit) => `${hit.articleId}#${hit.paragraph}`;
const found = (query: string, ...rest: Parameters<typeof index.search> extends [string, ...infer R] ? R : never) =>
  index.search(query, ...rest).hits.map(where);

describe('buildPassageIndex: finding passages', () => {
  it('finds accented passages from a query typed without marks', () => {
    expect(found('hop tac cong nghiep quoc phong')[0]).toBe('summit2023#1');
  });

  it('ranks the whole phrase above a paragraph that only has its syllables scattered', () => {
    const hits = found('hợp tác công nghiệp quốc phòng');
    expect(hits[0]).toBe('summit2023#1');
    expect(hits.indexOf('summit2023#3')).toBeGreaterThan(0);
  });

  it('finds a name despite a typo in a long word', () => {
    expect(found('Stoltenbreg')).toEqual(['summit2023#2']);
    expect(found('Sekerinsca')).toEqual(['talks2025#1']);
  });

  it('completes only the last word, the one still being typed', () => {
    expect(found('Mark Rut')).toEqual(['talks2025#2']);
    expect(found('Stolt')).toEqual(['summit2023#2']);
    expect(found('Rut Mark')).toEqual([]);
    expect(found('Mark Rut ')).toEqual([]);
  });

  it('finds single distinctive words', () => {
    expect(found('Rutte')).toEqual(['talks2025#2']);
    expect(found('ITPP').sort()).toEqual(['summit2023#4', 'talks2025#4']);
  });

  it('finds hyphenated names whole, joined, or by part', () => {
    for (const query of ['Suk-yeol', 'sukyeol', 'yeol', 'Yoon Suk-yeol']) expect(found(query)).toEqual(['summit2023#2']);
  });

  it('finds "đầu tư" from "dau tu" although "dau" is also how "đâu" (where) is typed', () => {
    expect(found('dau tu nuoc ngoai')).toEqual(['talks2025#3']);
  });

  it('ranks the passage with the marks as typed first ("bàn" before "Ban")', () => {
    // Unmarked, the shorter paragraph wins; typed with its marks, "bàn" (discuss) wins.
    expect(found('ban ITPP')).toEqual(['summit2023#4', 'talks2025#4']);
    expect(found('bàn ITPP')).toEqual(['talks2025#4', 'summit2023#4']);
  });

  it('answers an English query through the glossary', () => {
    const outcome = index.search('defense industry');
    expect(outcome.hits.map(where).sort()).toEqual(['summit2023#1', 'talks2025#1']);
    expect(outcome.expansions).toEqual(['công nghiệp quốc phòng']);
    expect(found('counter-terrorism')).toEqual(['talks2025#2']);
  });

  it('returns nothing rather than a weak guess when only stray syllables match', () => {
    expect(found('giá vàng hôm nay')).toEqual([]);
    expect(found('World Cup bóng đá')).toEqual([]);
    expect(found('thị trường chứng khoán Mỹ')).toEqual([]);
  });

  it('returns nothing for a query of stopwords only', () => {
    expect(index.search('ở đâu')).toEqual({ hits: [], queryTerms: [] });
  });

  it('keeps to the year, month or article asked for', () => {
    expect(found('Tổng thư ký', { year: 2025 }).sort()).toEqual(['talks2025#1', 'talks2025#2']);
    expect(found('Tổng thư ký', { year: 2025, month: 7 })).toEqual([]);
    expect(found('ITPP', { articleId: 'summit2023' })).toEqual(['summit2023#4']);
    expect(found('ITPP', { articleId: 'missing' })).toEqual([]);
  });

  it('respects the limit and sorts by score', () => {
    const { hits } = index.search('quốc phòng', {}, 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it('reports coverage, the matched terms and the query terms', () => {
    const outcome = index.search('Jens Stoltenberg Hàn Quốc');
    expect(outcome.queryTerms).toEqual(['jens', 'stoltenberg', 'han', 'quoc']);
    const outcomeOfName = index.search('Jens Stoltenberg');
    expect(outcomeOfName.hits[0]).toMatchObject({ articleId: 'summit2023', paragraph: 2, coverage: 1 });
    expect(outcomeOfName.hits[0]!.matchedTerms).toEqual(['jens', 'stoltenberg', 'jens_stoltenberg']);
  });
});

describe('buildPassageIndex: suggestions', () => {
  it('suggests the correctly spelt name for a typo', () => {
    expect(index.suggest('Stoltenbreg')).toEqual(['Stoltenberg']);
  });

  it('completes a name being typed', () => {
    expect(index.suggest('Sekerin')).toContain('Sekerinska');
  });

  it('shows an unaccented phrase the way the corpus writes it', () => {
    expect(index.suggest('cong nghiep quoc phong')[0]).toBe('công nghiệp quốc phòng');
  });

  it('offers the Vietnamese phrase for an English glossary phrase', () => {
    expect(index.suggest('defence industry')).toContain('công nghiệp quốc phòng');
  });

  it('suggests nothing when nothing is close', () => {
    expect(index.suggest('giá vàng hôm nay')).toEqual([]);
  });
});

describe('saving and reloading an index', () => {
  it('holds each paragraph’s terms with their counts, and its number of distinct terms', () => {
    // The columns against terms counted paragraph by paragraph, the plain way.
    const columns = index.toColumns();
    const termsOf = articles.flatMap((article) => [...article.paragraphs].map((paragraph) => indexTerms(paragraph.text)));
    expect(columns.documentIds.ids()).toEqual(
      articles.flatMap((article) => [...article.paragraphs].map((paragraph) => paragraphDocumentId(article.id, paragraph.number))),
    );
    expect([...columns.fieldLengths]).toEqual(termsOf.map((terms) => new Set(terms).size));
    expect(columns.averageLength).toBeCloseTo(termsOf.reduce((sum, terms) => sum + new Set(terms).size, 0) / termsOf.length, 9);
    const counted = new Map<string, Array<[document: number, frequency: number]>>();
    termsOf.forEach((terms, document) => {
      const frequencies = new Map<string, number>();
      for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      for (const [term, frequency] of frequencies) counted.set(term, [...(counted.get(term) ?? []), [document, frequency]]);
    });
    const overflow = new FrequencyOverflow(columns.overflowPositions, columns.overflowFrequencies);
    const frequencyBytes = columns.frequencies.slice();
    const stored = new Map(
      columns.terms.terms().map((term, i) => {
        const start = i === 0 ? 0 : columns.termEnds[i - 1]!;
        const postings = [...columns.documents.slice(start, columns.termEnds[i])].map((document, at) => [
          document,
          frequencyBytes[start + at] === OVERFLOW ? overflow.frequencyAt(start + at) : frequencyBytes[start + at]!,
        ]);
        return [term, postings];
      }),
    );
    expect(stored).toEqual(counted);
  });

  it('answers the same after a round trip through its columns, glossary included', async () => {
    const reloaded = await loadPassageIndexColumns(index.toColumns(), articles, glossary);
    for (const query of ['hop tac cong nghiep quoc phong', 'Stoltenbreg', 'defense industry', 'Mark Rut']) {
      expect(reloaded.search(query)).toEqual(index.search(query));
    }
    expect(reloaded.suggest('Stoltenbreg')).toEqual(['Stoltenberg']);
    expect(reloaded.translate('defense industry')).toEqual(index.translate('defense industry'));
  });

  it('answers the same from packed posting lists as from unpacked ones (a large library keeps them packed)', async () => {
    const columns = index.toColumns();
    const packed = {
      ...columns,
      documents: PackedColumn.pack(columns.documents.slice()),
      frequencies: PackedColumn.pack(columns.frequencies.slice(), 'u8'),
    };
    const fromPacked = await loadPassageIndexColumns(packed, articles, glossary, undefined, 0);
    expect(packed.documents.isUnpacked).toBe(false);
    expect(packed.frequencies.isUnpacked).toBe(false);
    const queries = ['hop tac cong nghiep quoc phong', 'Stoltenbreg', 'defense industry', 'Mark Rut', 'ITPP', 'quốc phòng', 'hợp tác NATO'];
    // Asked twice, in turn: a query's lists are decoded into a buffer the next query reuses.
    for (const query of [...queries, ...queries]) {
      const { hits } = fromPacked.search(query);
      expect(hits).toEqual(index.search(query).hits);
      expect(hits.length).toBeGreaterThan(0);
    }
    expect(fromPacked.search('ITPP', { year: 2025 }).hits.map(where)).toEqual(['talks2025#4']);
  });

  it('saves every paragraph id again after a reload, those of paragraphs it no longer shows too', async () => {
    // A reloaded index does not keep the ids (a million strings at 1M paragraphs): it makes them again
    // from each paragraph's article, and keeps as they are only those of paragraphs not given to it.
    const saved = index.toColumns();
    const reloaded = await loadPassageIndexColumns(saved, articles, glossary);
    expect(reloaded.toColumns().documentIds.ids()).toEqual(saved.documentIds.ids());
    const withoutFirst = await loadPassageIndexColumns(saved, articles.slice(1), glossary);
    const { hits } = withoutFirst.search('hop tac');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.articleId !== articles[0]!.id)).toBe(true);
    expect(withoutFirst.toColumns().documentIds.ids()).toEqual(saved.documentIds.ids());
  });
});

describe('the bundled corpus', async () => {
  const loaded = await loadCorpus(new URL('../../corpus/', import.meta.url).pathname);
  if (!loaded.ok) throw new Error(loaded.errors.map((error) => error.reason).join('\n'));
  const bundled = buildPassageIndex(loaded.corpus.articles, loaded.corpus.glossary);

  it('finds "công nghiệp quốc phòng" first in the 2025 NATO talks', () => {
    expect(bundled.search('công nghiệp quốc phòng').hits[0]!.articleId).toBe('001_03677d34c6a97d66');
  });

  it('finds ITPP in the 2023 article only', () => {
    const { hits } = bundled.search('ITPP');
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.articleId))).toEqual(new Set(['000_4f467cfc7a82818c']));
  });

  it('answers an unaccented, an English and a misspelt query', () => {
    expect(bundled.search('hop tac cong nghiep quoc phong').hits[0]!.articleId).toBe('001_03677d34c6a97d66');
    expect(bundled.search('counter-terrorism').hits[0]!.articleId).toBe('000_4f467cfc7a82818c');
    expect(bundled.search('Stoltenbreg').hits[0]!.articleId).toBe('000_4f467cfc7a82818c');
    expect(bundled.search('Sekerinsca').hits[0]!.articleId).toBe('001_03677d34c6a97d66');
  });

  it('finds nothing for news it does not hold', () => {
    expect(bundled.search('giá vàng hôm nay').hits).toEqual([]);
    expect(bundled.search('World Cup bóng đá').hits).toEqual([]);
  });
});
