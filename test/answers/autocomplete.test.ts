import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import type { Library } from '../../src/library/library.ts';
import { foldDiacritics } from '../../src/text/foldDiacritics.ts';
import { makeArticle } from '../search/makeArticle.ts';
import {
  completeCiteId,
  flatPrefixEnd,
  completePerson,
  completeQuestion,
  completeTopic,
  completeYear,
  fitChoiceName,
  type Choice,
} from '../../src/answers/autocomplete.ts';

let library: Library;
beforeAll(async () => {
  const loaded = await loadLibrary('corpus');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  library = loaded.library;
});

/** Some choices (a check over none proves nothing), each within what Discord accepts. */
function expectWithinDiscordLimits(choices: Choice[]) {
  expect(choices.length).toBeGreaterThan(0);
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    if (typeof choice.value === 'string') expect(choice.value.length).toBeLessThanOrEqual(100);
  }
}

describe('autocomplete', () => {
  it('offers Jens Stoltenberg with his title for "stolt"', () => {
    const choices = completePerson(library, 'stolt');
    expect(choices[0]?.value).toBe('Jens Stoltenberg');
    expect(choices[0]?.name).toMatch(/^Jens Stoltenberg — Tổng thư ký/);
    expectWithinDiscordLimits(choices);
  });

  it('offers the years of the corpus, newest first, as numbers', () => {
    expect(completeYear(library, '')).toEqual([
      { name: '2025', value: 2025 },
      { name: '2023', value: 2023 },
    ]);
    expect(completeYear(library, '2023')).toEqual([{ name: '2023', value: 2023 }]);
  });

  it('lists paragraphs for /cite as "2025-06 ¶6 — …"', () => {
    const choices = completeCiteId(library, '');
    expect(choices[0]?.name).toMatch(/^2025-06 ¶1 — /);
    expect(choices[0]?.value).toBe('001_03677d34c6a97d66#1');
    expectWithinDiscordLimits(choices);
    const byText = completeCiteId(library, 'nhất trí thành lập cơ chế');
    expect(byText[0]?.name).toMatch(/^2025-06 ¶\d+ — .*nhất trí/);
  });

  it("lists an article's paragraphs while its id is typed, and narrows to the paragraph number", () => {
    const byId = completeCiteId(library, '001_036');
    expect(byId.map((choice) => choice.value)).toContain('001_03677d34c6a97d66#1');
    expect(byId.every((choice) => String(choice.value).startsWith('001_03677d34c6a97d66#'))).toBe(true);
    expect(completeCiteId(library, '001_03677d34c6a97d66#5').map((choice) => choice.value)).toEqual(['001_03677d34c6a97d66#5']);
    expect(completeCiteId(library, '000_4F467 ¶2')[0]?.value).toBe('000_4f467cfc7a82818c#2');
  });

  it('labels each paragraph from its start as the whole paragraph would be labelled', () => {
    for (const article of library.corpus.articles)
      for (const paragraph of article.paragraphs) {
        const id = `${article.id}#${paragraph.number}`;
        const listed = completeCiteId(library, id).find((choice) => choice.value === id);
        expect(listed?.name).toBe(fitChoiceName(`${article.date.text} ¶${paragraph.number} — ${paragraph.text}`));
      }
  });

  it('keeps topic and question suggestions within Discord limits, even for long input', () => {
    expectWithinDiscordLimits(completeTopic(library, ''));
    expectWithinDiscordLimits(completeTopic(library, 'cong nghiep'));
    expectWithinDiscordLimits(completeQuestion(library, 'x'.repeat(6000)));
    expect(completeQuestion(library, 'hội nghị')[0]?.value).toBe('hội nghị');
  });
});

describe('completeCiteId: typed words in a large library', () => {
  // 150 articles whose paragraph holds `hợp tác quốc phòng`: more than the choices ranked. The
  // strongest (short, the phrase twice) is in the first article; a strong one in the last but three.
  const ordinary = (i: number) =>
    `Bài ${i}: hai bên bàn về hợp tác quốc phòng trong bối cảnh khu vực có nhiều biến động về an ninh và kinh tế.`;
  const texts = Array.from({ length: 150 }, (_, i) =>
    i === 0 ? 'Hợp tác quốc phòng, hợp tác quốc phòng.' : i === 146 ? 'Hợp tác quốc phòng được đẩy mạnh.' : ordinary(i),
  );
  const articles = texts.map((text, i) => makeArticle({ id: `a${String(i).padStart(3, '0')}`, date: '2025-01', paragraphs: [text] }));
  const large = buildLibrary({ articles, glossary: [] });
  const articleOf = (choice: Choice) => String(choice.value).split('#')[0]!;

  it('lists 25 paragraphs that hold every word typed, the best of those found from the last articles first', () => {
    for (const typed of ['hợp tác quốc phòng', 'hop tac quoc phong', 'quoc phong']) {
      const choices = completeCiteId(large, typed);
      expectWithinDiscordLimits(choices);
      expect(choices, typed).toHaveLength(25);
      for (const choice of choices) {
        const article = large.articlesById.get(articleOf(choice))!;
        const folded = foldDiacritics(article.paragraphs.numbered(1)!.text.toLowerCase());
        for (const word of foldDiacritics(typed).split(' ')) expect(folded, typed).toContain(word);
      }
      // Only the last 100 articles are ranked (four lists' worth), so the first article's strongest
      // paragraph is not listed, and the strongest of those found comes first.
      expect(
        choices.every((choice) => articleOf(choice) >= 'a050'),
        typed,
      ).toBe(true);
      expect(articleOf(choices[0]!), typed).toBe('a146');
    }
  });
});

describe('fitChoiceName', () => {
  /** The label by its definition: the whole text's whitespace collapsed, cut at a word boundary. */
  function byDefinition(text: string, max = 100): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max - 1);
    const lastSpace = cut.lastIndexOf(' ');
    return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
  }

  it('flattens exactly the whitespace that \\s does, every UTF-16 code unit tried', () => {
    for (let code = 0; code < 0x10000; code++) {
      // A run of it past the label's length: taken for a word, it would end the text read too soon.
      const text = `${'x'.repeat(60)}${String.fromCharCode(code).repeat(80)}${'y'.repeat(60)}`;
      if (fitChoiceName(text) !== byDefinition(text)) expect(fitChoiceName(text), code.toString(16)).toBe(byDefinition(text));
    }
  });

  it('labels every text as flattening the whole text would, though it reads only its start', () => {
    // Words, single spaces, long runs of whitespace (longer than the prefix it reads) and text that
    // ends in whitespace right after the cut: the cases where reading a prefix could go wrong.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const pieces = [
      'Hàn Quốc',
      'NATO',
      ' ',
      '\n\n',
      '\t ',
      ' '.repeat(250),
      'hợp tác quốc phòng',
      'x'.repeat(99),
      '\u00a0',
      '\u3000 \u2028',
    ];
    for (let trial = 0; trial < 2000; trial++) {
      let text = '';
      const count = random(40);
      for (let i = 0; i < count; i++) text += pieces[random(pieces.length)];
      for (const max of [100, 20]) {
        expect(fitChoiceName(text, max), JSON.stringify(text)).toBe(byDefinition(text, max));
        // A /cite label joins a lead and only the start of its paragraph that can show.
        const start = text.slice(0, flatPrefixEnd(text, max + 1));
        expect(fitChoiceName(`2025-06 ¶3 — ${start}`, max), JSON.stringify(text)).toBe(byDefinition(`2025-06 ¶3 — ${text}`, max));
      }
    }
    // Text of about the label's length, then whitespace past the prefix read, then maybe more words.
    for (const max of [100, 20])
      for (let length = max - 3; length <= max + 3; length++)
        for (const tail of ['', 'NATO', ' và Hàn Quốc'])
          for (const run of [1, 2 * max - length, 5 * max]) {
            const text = `${'ư'.repeat(length)}${' '.repeat(run)}${tail}`;
            expect(fitChoiceName(text, max), JSON.stringify(text)).toBe(byDefinition(text, max));
          }
  });
});
