// One embed per result: verbatim quotes with the matched words in bold, the citation line, titles, and
// Discord's limits on every page.
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answers/answer.ts';
import { renderAnswer, renderQuote } from '../../src/discord/renderAnswer.ts';
import { ASKER, FRIEND, answer, citation, expectWithinLimits, item, shownQuote } from './answerFixtures.ts';
import { readMarkdown, unquote } from './markdownText.ts';

describe('renderAnswer: quotes', () => {
  it('keeps a quote full of markdown characters verbatim once Discord reads the escapes', () => {
    const quote = 'Ông *Rutte* nói: _"2 ~ 3"_ | `code` <@&123> @everyone [link](https://x.y) \\ # không phải tiêu đề -# nhỏ';
    const rendered = renderAnswer(answer([item({ citations: [citation({ quote })] })]), { locale: 'en', askerId: ASKER });
    const shown = shownQuote(rendered.payload.embeds[0]!.description!);
    expect(shown.text).toBe(quote);
    expect(shown.bold).toEqual([]);
  });

  it('bolds exactly the highlighted words and nothing else', () => {
    const quote = citation().quote;
    const start = quote.indexOf('Mark Rutte');
    const rendered = renderAnswer(
      answer([item({ citations: [citation({ highlights: [{ start, end: start + 'Mark Rutte'.length }] })] })]),
      { locale: 'en', askerId: ASKER },
    );
    const description = rendered.payload.embeds[0]!.description!;
    expect(description).toContain('**Mark Rutte**');
    const shown = shownQuote(description);
    expect(shown.text).toBe(quote);
    expect(shown.bold).toEqual(['Mark Rutte']);
  });

  it('bolds a highlight even when the word itself contains markdown characters', () => {
    const quote = 'Hiệp định *CPTPP* được ký.';
    const start = quote.indexOf('*CPTPP*');
    const block = renderQuote(citation({ quote, highlights: [{ start, end: start + 7 }] }), 500);
    const shown = readMarkdown(unquote(block));
    expect(shown.text).toBe(quote);
    expect(shown.bold).toEqual(['*CPTPP*']);
  });

  it('merges overlapping highlights and keeps a multi-line quote inside the block quote', () => {
    const quote = 'Dòng một có Rutte.\nDòng hai có NATO.';
    const block = renderQuote(
      citation({
        quote,
        highlights: [
          { start: 12, end: 17 },
          { start: 14, end: 17 },
          { start: 31, end: 35 },
        ],
      }),
      500,
    );
    expect(block.split('\n').every((line) => line.startsWith('> '))).toBe(true);
    const shown = readMarkdown(unquote(block));
    expect(shown.text).toBe(quote);
    expect(shown.bold).toEqual(['Rutte', 'NATO']);
  });

  it('cuts a long quote at a sentence end with … and what is kept is the start of the quote, verbatim', () => {
    const sentence = 'Hai bên nhất trí tăng cường hợp tác trong lĩnh vực công nghiệp quốc phòng. ';
    const quote = sentence.repeat(60).trim();
    const rendered = renderAnswer(answer([item({ citations: [citation({ quote }), citation({ quote })] })]), {
      locale: 'en',
      askerId: ASKER,
    });
    const quoteBlock = rendered.payload.embeds[0]!.description!.split('\n\n').find((block) => block.startsWith('>'))!;
    const shown = shownQuote(quoteBlock);
    expect(shown.text.endsWith('phòng.…')).toBe(true);
    const kept = shown.text.slice(0, -1);
    expect(quote.startsWith(kept)).toBe(true);
    expect(kept.length).toBeLessThan(quote.length);
  });

  it('shows who took part, with titles, and when and where, above the quotes of a meeting', () => {
    const meeting = item({
      kind: 'meeting',
      date: '2025-06-24',
      place: 'Hà Lan',
      participants: [{ name: 'Mark Rutte', role: 'Tổng thư ký NATO' }, { name: 'Wi Sung-lac' }],
    });
    const description = renderAnswer(answer([meeting]), { locale: 'en', askerId: ASKER }).payload.embeds[0]!.description!;
    expect(description.split('\n\n')[0]).toBe('Who: **Mark Rutte** (Tổng thư ký NATO), **Wi Sung-lac**\nWhen: 2025-06-24 · Where: Hà Lan');
    const vi = renderAnswer(answer([meeting]), { locale: 'vi', askerId: ASKER }).payload.embeds[0]!.description!;
    expect(vi.startsWith('Ai: **Mark Rutte**')).toBe(true);
  });

  it('cuts at a word boundary when there is no sentence end', () => {
    const quote = 'từ '.repeat(2000).trim();
    const block = renderQuote(citation({ quote }), 300);
    expect(block.length).toBeLessThanOrEqual(300);
    const text = readMarkdown(unquote(block)).text;
    expect(text.endsWith('từ…')).toBe(true);
    expect(quote.startsWith(text.slice(0, -1))).toBe(true);
  });

  it('shows a citation line naming outlet, headline, date, paragraph, the link and the /cite id', () => {
    const sourced = citation({ source: 'Báo Quân đội nhân dân', title: 'Hàn Quốc và NATO *hợp tác*' });
    const rendered = renderAnswer(answer([item({ citations: [sourced] })]), { locale: 'en', askerId: ASKER });
    const description = rendered.payload.embeds[0]!.description!;
    expect(description).toContain(
      'Báo Quân đội nhân dân · “Hàn Quốc và NATO \\*hợp tác\\*” · 2025-06 · ¶ 6 · [link](https://example.org/bai-viet) · `001_03677d34c6a97d66#6`',
    );
    expect(rendered.payload.embeds[0]!.url).toBe('https://example.org/bai-viet');
  });

  it('says a citation is untitled when its article has no headline, in the member’s language', () => {
    const bare = item({ citations: [citation({ url: undefined })] });
    expect(renderAnswer(answer([bare]), { locale: 'en', askerId: ASKER }).payload.embeds[0]!.description).toContain(
      '*untitled* · 2025-06 · ¶ 6 · `001_03677d34c6a97d66#6`',
    );
    expect(renderAnswer(answer([bare]), { locale: 'vi', askerId: ASKER }).payload.embeds[0]!.description).toContain(
      '*không có tiêu đề* · 2025-06',
    );
  });

  it('titles a passage of an untitled article as untitled, its first words labelled as the opening', () => {
    const passage = item({ kind: 'passage', summary: 'x', opening: 'Thay mặt Tổng thống Lee…', citations: [citation({ paragraph: 5 })] });
    const titled = item({
      kind: 'passage',
      summary: 'x',
      title: 'Hàn Quốc và NATO',
      citations: [citation({ paragraph: 5, title: 'Hàn Quốc và NATO' })],
    });
    const [untitledEmbed, titledEmbed] = renderAnswer(answer([passage, titled], { command: 'ask', options: { question: 'NATO' } }), {
      locale: 'en',
      askerId: ASKER,
    }).payload.embeds;
    expect(untitledEmbed!.title).toBe('1. Untitled article · opens “Thay mặt Tổng thống Lee…” — ¶5');
    expect(titledEmbed!.title).toBe('2. Hàn Quốc và NATO — ¶5');
  });

  it('leaves out a link that is not http(s)', () => {
    const rendered = renderAnswer(answer([item({ citations: [citation({ url: 'javascript:alert(1)' })] })]), {
      locale: 'en',
      askerId: ASKER,
    });
    expect(rendered.payload.embeds[0]!.description).not.toContain('javascript');
    expect(rendered.payload.embeds[0]!.description).toContain('001_03677d34c6a97d66#6');
    expect(rendered.payload.embeds[0]!.url).toBeUndefined();
    // The same citation with an https link does carry it.
    const linked = renderAnswer(answer([item()]), { locale: 'en', askerId: ASKER });
    expect(JSON.stringify(linked.payload.embeds[0])).toContain('https://example.org/bai-viet');
  });
});

describe('renderAnswer: Discord limits', () => {
  it('stays within every limit with a 6,000-character question and a huge answer, on every page', () => {
    const question = 'Ai đã gặp ai <@&123> @everyone *và* '.repeat(200).slice(0, 6000);
    const longQuote = 'Câu rất dài về quan hệ đối tác song phương giữa hai nước. '.repeat(120);
    const items = Array.from({ length: 120 }, (_, index) =>
      item({
        summary: `Cuộc gặp số ${index} `.repeat(100),
        citations: Array.from({ length: 5 }, (__, cited) =>
          citation({
            quote: longQuote,
            paragraph: cited + 1,
            highlights: [
              { start: 0, end: 3 },
              { start: 100, end: 200 },
            ],
          }),
        ),
      }),
    );
    const huge = answer(items, { command: 'ask', options: { question } });
    const first = renderAnswer(huge, { locale: 'vi', askerId: ASKER, mentionId: FRIEND, hidden: true });
    expect(first.pageCount).toBeGreaterThan(1);
    for (let page = 0; page < first.pageCount; page += 1) {
      const rendered = renderAnswer(huge, { locale: 'vi', askerId: ASKER, mentionId: FRIEND, hidden: true, page });
      expect(rendered.page).toBe(page);
      expectWithinLimits(rendered.payload);
    }
  });

  it('puts every item on exactly one page, in order', () => {
    const items = Array.from({ length: 23 }, (_, index) => item({ summary: `Cuộc gặp ${index}` }));
    const first = renderAnswer(answer(items), { locale: 'en', askerId: ASKER });
    const titles: string[] = [];
    for (let page = 0; page < first.pageCount; page += 1) {
      const rendered = renderAnswer(answer(items), { locale: 'en', askerId: ASKER, page });
      expectWithinLimits(rendered.payload);
      titles.push(...rendered.payload.embeds.map((embed) => embed.title!));
    }
    expect(titles).toEqual(items.map((entry, index) => `${index + 1}. ${entry.summary}`));
  });

  it('clamps a page number past the end to the last page', () => {
    const items = Array.from({ length: 7 }, () => item());
    const rendered = renderAnswer(answer(items), { locale: 'en', askerId: ASKER, page: 99 });
    expect(rendered.page).toBe(rendered.pageCount - 1);
  });

  it('shows a whole long paragraph for /cite, where it is the only quote', () => {
    const paragraph = 'Một câu dài trong đoạn văn. '.repeat(60).trim();
    const rendered = renderAnswer(
      answer([item({ kind: 'passage', citations: [citation({ quote: paragraph })] })], { command: 'cite', options: { id: 'x#6' } }),
      { locale: 'en', askerId: ASKER },
    );
    expect(shownQuote(rendered.payload.embeds[0]!.description!).text).toBe(paragraph);
  });
});

describe('renderAnswer: /cite', () => {
  const cite = (quote: string, overrides: Partial<Citation> = {}) =>
    answer([item({ kind: 'passage', summary: 'x', citations: [citation({ quote, paragraph: 5, ...overrides })] })], {
      command: 'cite',
      options: { id: '001_03677d34c6a97d66#5' },
    });
  const pasteBlockOf = (content: string | undefined) => /```\n([\s\S]*)\n```$/.exec(content ?? '')?.[1];

  it('gives the citation in the standard plain form, in a code block that copies exactly', () => {
    const rendered = renderAnswer(
      cite('Hai bên đã *nhất trí* thành lập cơ chế tham vấn.', { source: 'Yonhap', title: 'Hàn Quốc và NATO' }),
      { locale: 'en', askerId: ASKER },
    );
    expect(pasteBlockOf(rendered.payload.content)).toBe(
      '“Hai bên đã *nhất trí* thành lập cơ chế tham vấn.” — Yonhap, “Hàn Quốc và NATO”, 2025-06, ¶5, https://example.org/bai-viet',
    );
    expect(rendered.payload.content).toContain('Ready to paste:');
  });

  it('leaves out what the article lacks, with the paragraph id standing in for a missing link', () => {
    const rendered = renderAnswer(cite('Hai bên hội đàm.', { url: undefined }), { locale: 'en', askerId: ASKER });
    expect(pasteBlockOf(rendered.payload.content)).toBe('“Hai bên hội đàm.” — 2025-06, ¶5, 001_03677d34c6a97d66#5');
  });

  it('has no "1 result · page 1 of 1" footer', () => {
    const rendered = renderAnswer(cite('Hai bên hội đàm.'), { locale: 'en', askerId: ASKER });
    expect(rendered.payload.embeds.map((embed) => embed.footer)).toEqual([undefined]);
  });

  it('cuts a paragraph too long for the message at a sentence, marked with …, within the limit', () => {
    const paragraph = 'Một câu dài trong đoạn văn. '.repeat(150).trim();
    const rendered = renderAnswer(cite(paragraph), { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    expectWithinLimits(rendered.payload);
    const block = pasteBlockOf(rendered.payload.content)!;
    expect(block).toMatch(
      /^“Một câu dài trong đoạn văn\.( Một câu dài trong đoạn văn\.)*…” — 2025-06, ¶5, https:\/\/example.org\/bai-viet$/,
    );
  });
});
