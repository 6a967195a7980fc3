import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import type { Library } from '../../src/library/library.ts';
import { articleListIndex } from '../../src/library/lookups/articleList.ts';
import { makeArticle } from '../search/makeArticle.ts';

/** A library of `articles` only (all that /sources reads), each article counting how often its paragraphs are read. */
function libraryOf(articles: Article[]): { library: Library; paragraphReads: () => number } {
  let reads = 0;
  const counted = articles.map((article) => {
    const { paragraphs, ...rest } = article;
    return Object.defineProperty(rest, 'paragraphs', {
      enumerable: true,
      get: () => {
        reads++;
        return paragraphs;
      },
    }) as Article;
  });
  const library = { corpus: { articles: counted, glossary: [] } } as unknown as Library;
  return { library, paragraphReads: () => reads };
}

const ARTICLES = [
  makeArticle({ id: 'b_2024', date: '2024-11', paragraphs: ['Hai bên ký kết thỏa thuận. Câu thứ hai.', 'Đoạn hai.'] }),
  makeArticle({ id: 'a_2025', date: '2025-06', paragraphs: ['Ông Wi hội đàm với ông Rutte.'] }),
  makeArticle({ id: 'c_2024', date: '2024-11', paragraphs: ['Một bài khác cùng ngày.'] }),
];

describe('the /sources list', () => {
  it('lists the articles newest first, ids in order on one date, as Array.prototype.at reads', () => {
    const { library } = libraryOf(ARTICLES);
    const list = articleListIndex.get(library);
    expect(list.length).toBe(3);
    expect([...list].map((item) => item.citations[0]?.articleId)).toEqual(['a_2025', 'b_2024', 'c_2024']);
    expect(list.at(-1)).toBe(list.at(2));
    expect(list.at(1.7)).toBe(list.at(1));
    expect(list.at(3)).toBeUndefined();
    expect(list.at(-4)).toBeUndefined();
    expect(list.at(1)).toMatchObject({
      kind: 'article',
      date: '2024-11',
      paragraphs: 2,
      opening: 'Hai bên ký kết thỏa thuận. Câu thứ hai. Đoạn hai.',
      citations: [{ articleId: 'b_2024', paragraph: 1, quote: 'Hai bên ký kết thỏa thuận. Câu thứ hai.' }],
    });
  });

  it('makes an item only when it is read, and the same one at every read', () => {
    const { library, paragraphReads } = libraryOf(ARTICLES);
    const list = articleListIndex.get(library);
    expect(paragraphReads()).toBe(0);
    const first = list.at(0);
    const readsForOne = paragraphReads();
    expect(readsForOne).toBeGreaterThan(0);
    expect(list.at(0)).toBe(first);
    expect(paragraphReads()).toBe(readsForOne);
    expect(articleListIndex.get(library)).toBe(list);
  });
});
