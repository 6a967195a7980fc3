import { ButtonStyle, ComponentType, MessageFlags, type APIButtonComponentWithCustomId } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerItem, Citation } from '../../src/answers/answer.ts';
import { decodeButtonState, itemFingerprint } from '../../src/discord/customIds.ts';
import { renderAnswer, renderQuote, renderSharedEmbed, renderSharedItem } from '../../src/discord/renderAnswer.ts';
import { LIMITS, embedLength, isEphemeral, type ReplyPayload } from '../../src/discord/replyPayload.ts';
import { readMarkdown, unquote } from './markdownText.ts';

const ASKER = '111111111111111111';
const FRIEND = '222222222222222222';

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    articleId: '001_03677d34c6a97d66',
    date: '2025-06',
    paragraph: 6,
    quote: 'Tổng thư ký NATO Mark Rutte đã hội đàm với Chánh Văn phòng Wi Sung-lac.',
    url: 'https://example.org/bai-viet',
    ...overrides,
  };
}

function item(overrides: Partial<AnswerItem> = {}): AnswerItem {
  return {
    kind: 'meeting',
    date: '2025-06-24',
    summary: 'Wi Sung-lac gặp Mark Rutte — 2025-06-24, Hà Lan',
    citations: [citation()],
    ...overrides,
  };
}

function answer(items: AnswerItem[], overrides: Partial<Answer> = {}): Answer {
  return { command: 'who-met', options: { year: 2025, person: 'Rutte' }, items, ...overrides };
}

function buttons(payload: ReplyPayload): APIButtonComponentWithCustomId[] {
  return payload.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
}

/** Every Discord limit a reply can break. */
function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
  expect(payload.components.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const component of row.components as APIButtonComponentWithCustomId[]) {
      expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(component.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
  const ids = buttons(payload).map((button) => button.custom_id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** The quote block of an item's embed (the lines starting with `> `), read back as Discord shows it. */
function shownQuote(description: string): { text: string; bold: string[] } {
  const block = description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .join('\n');
  return readMarkdown(unquote(block));
}

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
      citation({ quote, highlights: [{ start: 12, end: 17 }, { start: 14, end: 17 }, { start: 31, end: 35 }] }),
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
    expect(renderAnswer(answer([bare]), { locale: 'vi', askerId: ASKER }).payload.embeds[0]!.description).toContain('*không có tiêu đề* · 2025-06');
  });

  it('titles a passage of an untitled article as untitled, its first words labelled as the opening', () => {
    const passage = item({ kind: 'passage', summary: 'x', opening: 'Thay mặt Tổng thống Lee…', citations: [citation({ paragraph: 5 })] });
    const titled = item({ kind: 'passage', summary: 'x', title: 'Hàn Quốc và NATO', citations: [citation({ paragraph: 5, title: 'Hàn Quốc và NATO' })] });
    const [untitledEmbed, titledEmbed] = renderAnswer(answer([passage, titled], { command: 'ask', options: { question: 'NATO' } }), { locale: 'en', askerId: ASKER }).payload.embeds;
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
          citation({ quote: longQuote, paragraph: cited + 1, highlights: [{ start: 0, end: 3 }, { start: 100, end: 200 }] }),
        ),
      }),
    );
    const huge = answer(items, { command: 'ask', options: { question }, message: 'Ghi chú '.repeat(500) });
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
    answer([item({ kind: 'passage', summary: 'x', citations: [citation({ quote, paragraph: 5, ...overrides })] })], { command: 'cite', options: { id: '001_03677d34c6a97d66#5' } });
  const pasteBlockOf = (content: string | undefined) => /```\n([\s\S]*)\n```$/.exec(content ?? '')?.[1];

  it('gives the citation in the standard plain form, in a code block that copies exactly', () => {
    const rendered = renderAnswer(cite('Hai bên đã *nhất trí* thành lập cơ chế tham vấn.', { source: 'Yonhap', title: 'Hàn Quốc và NATO' }), { locale: 'en', askerId: ASKER });
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
    expect(block).toMatch(/^“Một câu dài trong đoạn văn\.( Một câu dài trong đoạn văn\.)*…” — 2025-06, ¶5, https:\/\/example.org\/bai-viet$/);
  });
});

describe('renderAnswer: mentions', () => {
  it('pings nobody by default', () => {
    const rendered = renderAnswer(answer([item()]), { locale: 'en', askerId: ASKER });
    expect(rendered.payload.allowed_mentions).toEqual({ parse: [] });
  });

  it('pings only the member given in `mention`, named first in the content', () => {
    const rendered = renderAnswer(answer([item()]), { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    expect(rendered.payload.allowed_mentions).toEqual({ parse: [], users: [FRIEND] });
    expect(rendered.payload.content?.startsWith(`<@${FRIEND}>`)).toBe(true);
  });

  it('pings nobody when the question or a quote holds @everyone or a role mention, and shows them as text', () => {
    const rendered = renderAnswer(
      answer([item({ citations: [citation({ quote: 'Gửi @everyone và <@&123> cùng <@456>.' })] })], {
        command: 'ask',
        options: { question: '@everyone <@&123> ai đã gặp Rutte?' },
      }),
      { locale: 'en', askerId: ASKER },
    );
    expect(rendered.payload.allowed_mentions).toEqual({ parse: [] });
    expect(rendered.payload.content).toContain('\\<@&123\\>');
    expect(rendered.payload.content).not.toMatch(/(^|[^\\])<@&123>/);
    expect(rendered.payload.embeds[0]!.description).toContain('\\<@&123\\>');
  });

  it('escapes the echoed question so it cannot format the reply', () => {
    const rendered = renderAnswer(answer([item()], { command: 'ask', options: { question: '**to** _đậm_ ||ẩn||' } }), {
      locale: 'en',
      askerId: ASKER,
    });
    expect(rendered.payload.content).toContain('“\\*\\*to\\*\\* \\_đậm\\_ \\|\\|ẩn\\|\\|”');
  });
});

describe('renderAnswer: languages', () => {
  const items = Array.from({ length: 7 }, () => item());

  it('uses English labels for English locales', () => {
    const rendered = renderAnswer(answer(items), { locale: 'en-US', askerId: ASKER, hidden: true });
    expect(rendered.payload.embeds.at(-1)!.footer!.text).toBe('7 results · page 1 of 2');
    expect(buttons(rendered.payload).map((button) => button.label)).toEqual(['Previous', 'Next', ...[1, 2, 3, 4, 5].map((n) => `Post ${n} in channel`)]);
    expect(rendered.payload.content).toContain('/who-met · year: 2025 · person: “Rutte”');
  });

  it('uses Vietnamese labels for `vi`, and leaves the quotes as they are', () => {
    const rendered = renderAnswer(answer(items), { locale: 'vi', askerId: ASKER, hidden: true });
    expect(rendered.payload.embeds.at(-1)!.footer!.text).toBe('7 kết quả · trang 1/2');
    expect(buttons(rendered.payload).map((button) => button.label).slice(0, 3)).toEqual(['Trước', 'Tiếp', 'Đăng mục 1 lên kênh']);
    expect(rendered.payload.content).toContain('/ai-gặp-ai · năm: 2025 · người: “Rutte”');
    expect(shownQuote(rendered.payload.embeds[0]!.description!).text).toBe(citation().quote);
  });

  it('falls back to English for other locales', () => {
    const rendered = renderAnswer(answer([item()]), { locale: 'fr', askerId: ASKER });
    expect(rendered.payload.embeds[0]!.footer!.text).toBe('1 result · page 1 of 1');
  });
});

describe('renderAnswer: buttons', () => {
  const items = Array.from({ length: 12 }, (_, index) => item({ summary: `Cuộc gặp ${index}` }));

  it('offers Previous (disabled) and Next on the first page, carrying the question and the next page', () => {
    const rendered = renderAnswer(answer(items), { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    const [previous, next, ...rest] = buttons(rendered.payload);
    expect(rest).toEqual([]);
    expect(previous!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    expect(next!.style).toBe(ButtonStyle.Secondary);
    const decoded = decodeButtonState(next!.custom_id);
    expect(decoded).toEqual({
      ok: true,
      state: {
        action: 'page',
        command: 'who-met',
        page: 1,
        ownerId: ASKER,
        hidden: false,
        shared: false,
        mentionId: FRIEND,
        options: { year: 2025, person: 'Rutte' },
      },
    });
  });

  it('disables Next on the last page', () => {
    const rendered = renderAnswer(answer(items), { locale: 'en', askerId: ASKER, page: 2 });
    const [previous, next] = buttons(rendered.payload);
    expect(previous!.disabled).toBe(false);
    expect(next!.disabled).toBe(true);
    expect(decodeButtonState(previous!.custom_id)).toMatchObject({ ok: true, state: { page: 1 } });
  });

  it('has no buttons for a public answer on one page', () => {
    const rendered = renderAnswer(answer([item()]), { locale: 'en', askerId: ASKER });
    expect(rendered.payload.components).toEqual([]);
  });

  it('makes a hidden reply private, with a "Post in channel" button only the asker can use', () => {
    const rendered = renderAnswer(answer([item()]), { locale: 'en', askerId: ASKER, hidden: true });
    expect(isEphemeral(rendered.payload)).toBe(true);
    expect(rendered.payload.flags).toBe(MessageFlags.Ephemeral);
    const [share] = buttons(rendered.payload);
    expect(share!.label).toBe('Post in channel');
    expect(share!.type).toBe(ComponentType.Button);
    expect(decodeButtonState(share!.custom_id)).toMatchObject({
      ok: true,
      state: { action: 'share', ownerId: ASKER, hidden: true, page: 0, check: itemFingerprint(item()) },
    });
  });

  it('gives each result of a private page its own "Post in channel" button, on a row below the paging', () => {
    const rendered = renderAnswer(answer(items), { locale: 'en', askerId: ASKER, mentionId: FRIEND, hidden: true, page: 1 });
    const [paging, shares, ...more] = rendered.payload.components;
    expect(more).toEqual([]);
    expect(paging!.components.map((button) => (button as APIButtonComponentWithCustomId).label)).toEqual(['Previous', 'Next']);
    const titles = rendered.payload.embeds.map((embed) => embed.title);
    expect(titles).toEqual(['6. Cuộc gặp 5', '7. Cuộc gặp 6', '8. Cuộc gặp 7', '9. Cuộc gặp 8', '10. Cuộc gặp 9']);
    const states = (shares!.components as APIButtonComponentWithCustomId[]).map((button) => ({ label: button.label, decoded: decodeButtonState(button.custom_id) }));
    expect(states.map((entry) => entry.label)).toEqual(['Post 6 in channel', 'Post 7 in channel', 'Post 8 in channel', 'Post 9 in channel', 'Post 10 in channel']);
    states.forEach((entry, position) => {
      expect(entry.decoded).toMatchObject({ ok: true, state: { action: 'share', page: 5 + position, mentionId: FRIEND, check: itemFingerprint(items[5 + position]!) } });
    });
    expectWithinLimits(rendered.payload);
  });

  it('has no "Post in channel" on a public answer', () => {
    const rendered = renderAnswer(answer(items), { locale: 'en', askerId: ASKER });
    expect(isEphemeral(rendered.payload)).toBe(false);
    // Only the paging: a share button on a public answer would read `Post 1 in channel`.
    expect(buttons(rendered.payload).map((button) => button.label)).toEqual(['Previous', 'Next']);
  });

  it('drops Previous/Next and says so when the question is too long to fit in a button', () => {
    const question = 'Những cuộc hội đàm nào đã diễn ra giữa Hàn Quốc và NATO về công nghiệp quốc phòng năm 2025?';
    const rendered = renderAnswer(answer(items, { command: 'ask', options: { question } }), { locale: 'en', askerId: ASKER, hidden: true });
    const labels = buttons(rendered.payload).map((button) => button.label);
    expect(labels).toEqual([1, 2, 3, 4, 5].map((n) => `Post ${n} in channel`));
    expect(rendered.payload.content).toContain('Ask a shorter question');
    expectWithinLimits(rendered.payload);
  });

  it('posts one shared result alone, with its citation, attributed to the asker, pinging only the mentioned member', () => {
    const sourced = items.map((entry, index) => ({ ...entry, citations: [citation({ paragraph: index + 1, source: 'Yonhap', title: 'Tin NATO' })] }));
    const posted = renderSharedItem(answer(sourced), 7, { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    expect(posted.content?.startsWith(`<@${FRIEND}> Shared by <@${ASKER}> · **Who met whom**`)).toBe(true);
    expect(posted.allowed_mentions).toEqual({ parse: [], users: [FRIEND] });
    expect(posted.components).toEqual([]);
    expect(isEphemeral(posted)).toBe(false);
    expect(posted.embeds).toHaveLength(1);
    expect(posted.embeds[0]!.title).toBe('Cuộc gặp 7');
    expect(posted.embeds[0]!.footer).toBeUndefined();
    expect(posted.embeds[0]!.description).toContain('Yonhap · “Tin NATO” · 2025-06 · ¶ 8 · [link](https://example.org/bai-viet) · `001_03677d34c6a97d66#8`');
    expect(renderSharedItem(answer(sourced), 0, { locale: 'en', askerId: ASKER }).allowed_mentions).toEqual({ parse: [] });
  });

  it('posts the embed a member sees, without its list number, when the question did not fit in the button', () => {
    const shown = renderAnswer(answer(items), { locale: 'en', askerId: ASKER, hidden: true }).payload.embeds[2]!;
    const copy = renderSharedEmbed(shown, { locale: 'vi', askerId: ASKER, mentionId: FRIEND, number: 3 });
    expect(copy.content).toBe(`<@${FRIEND}> <@${ASKER}> đã chia sẻ`);
    expect(copy.embeds).toEqual([{ ...shown, title: 'Cuộc gặp 2' }]);
    expect(copy.allowed_mentions).toEqual({ parse: [], users: [FRIEND] });
    expect(copy.components).toEqual([]);
    expect(copy.flags).toBeUndefined();
  });

  it('shows another member a private copy of a public answer’s page, saying the posted one stays', () => {
    const copy = renderAnswer(answer(items), { locale: 'en', askerId: FRIEND, hidden: true, ownCopy: true, page: 1 });
    expect(isEphemeral(copy.payload)).toBe(true);
    expect(copy.payload.content).toContain('Your own copy of this page: the answer in the channel stays as it was.');
  });
});

describe('renderAnswer: nothing found', () => {
  const empty = answer([], {
    command: 'who-met',
    options: { year: 2031, person: 'Nguyễn *Văn* A' },
    message: 'No meeting found for year "2031".',
    suggestions: ['Mark Rutte', 'Wi Sung-lac'],
    yearsAvailable: [2024, 2025],
  });

  it('answers privately, pinging no one even with `mention`, with what was searched, suggestions and years', () => {
    const rendered = renderAnswer(empty, { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    const { payload } = rendered;
    expect(isEphemeral(payload)).toBe(true);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.components).toEqual([]);
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe('Nothing found');
    expect(embed.description).toContain('/who-met · year: 2031 · person: “Nguyễn \\*Văn\\* A”');
    expect(embed.description).toContain('Mark Rutte · Wi Sung-lac');
    expect(embed.description).toContain('2024, 2025');
    expectWithinLimits(payload);
  });

  it('says it in Vietnamese for `vi`', () => {
    const embed = renderAnswer(empty, { locale: 'vi', askerId: ASKER }).payload.embeds[0]!;
    expect(embed.title).toBe('Không tìm thấy kết quả');
    expect(embed.description).toContain('Các năm có bài viết');
  });
});

describe('renderAnswer: planned meetings and phone calls', () => {
  it('marks each planned meeting "Planned — not yet held" above its title, and a held one not at all', () => {
    const held = item({ status: 'held' });
    const planned = item({ status: 'planned', date: '2025-07', summary: 'Wi Sung-lac — Mark Rutte · 2025-07' });
    const en = renderAnswer(answer([held, planned]), { locale: 'en', askerId: ASKER }).payload.embeds;
    expect(en.map((embed) => embed.author?.name)).toEqual([undefined, 'Planned — not yet held']);
    const vi = renderAnswer(answer([held, planned]), { locale: 'vi', askerId: ASKER }).payload.embeds;
    expect(vi[1]!.author?.name).toBe('Dự kiến — chưa diễn ra');
  });

  it('says a phone call is one, next to its date', () => {
    const call = item({ status: 'held', meetingKind: 'call', participants: [{ name: 'Wi Sung-lac' }, { name: 'Mark Rutte' }] });
    const description = renderAnswer(answer([call]), { locale: 'en', askerId: ASKER }).payload.embeds[0]!.description!;
    expect(description).toContain('When: 2025-06-24 · Phone call');
  });
});
