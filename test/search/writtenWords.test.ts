// A word typed with its marks ranks first the paragraphs that write it so (`quốc phòng` before `quoc
// phong`). Reading a paragraph's written words is kept per index for the next queries: a reloaded
// index, whose paragraph of the same number says something else, must never use another's.
import { describe, expect, it } from 'vitest';
import { buildPassageIndex } from '../../src/search/passageIndex.ts';
import { makeArticle } from './makeArticle.ts';

const index = (paragraphs: string[]) => buildPassageIndex([makeArticle({ id: 'a', date: '2025-06', paragraphs })], []);

describe('paragraphs ranked by the marks a member typed', () => {
  it('puts the paragraph that writes the word as typed first, the same on every later query', () => {
    const library = index(['Hai bên bàn về quoc phong và kinh tế.', 'Hai bên bàn về quốc phòng và kinh tế.']);
    const first = library.search('quốc phòng').hits;
    expect(first.map((hit) => hit.paragraph)).toEqual([2, 1]);
    expect(first[0]!.score).toBeGreaterThan(first[1]!.score);
    expect(library.search('quốc phòng').hits).toEqual(first);
  });

  it('reads the words of a reloaded index from its own paragraphs, never from the index before it', () => {
    const before = index(['Hai bên bàn về quốc phòng và kinh tế.', 'Hai bên bàn về quoc phong và kinh tế.']);
    expect(before.search('quốc phòng').hits.map((hit) => hit.paragraph)).toEqual([1, 2]);
    // Same documents, the texts swapped: the marks are now in paragraph 2.
    const after = index(['Hai bên bàn về quoc phong và kinh tế.', 'Hai bên bàn về quốc phòng và kinh tế.']);
    expect(after.search('quốc phòng').hits.map((hit) => hit.paragraph)).toEqual([2, 1]);
  });
});
