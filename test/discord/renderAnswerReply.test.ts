// The reply around the results: who is pinged, the member's language, the page and "Post in channel"
// buttons, and planned meetings and phone calls marked as such.
import { ButtonStyle, ComponentType, MessageFlags, type APIButtonComponentWithCustomId } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeButtonState, itemFingerprint } from '../../src/discord/customIds.ts';
import { renderAnswer, renderSharedEmbed, renderSharedItem } from '../../src/discord/renderAnswer.ts';
import { isEphemeral } from '../../src/discord/replyPayload.ts';
import { ASKER, FRIEND, answer, buttons, citation, expectWithinLimits, item, shownQuote } from './answerFixtures.ts';

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
    expect(buttons(rendered.payload).map((button) => button.label)).toEqual([
      'Previous',
      'Next',
      ...[1, 2, 3, 4, 5].map((n) => `Post ${n} in channel`),
    ]);
    expect(rendered.payload.content).toContain('/who-met · year: 2025 · person: “Rutte”');
  });

  it('uses Vietnamese labels for `vi`, and leaves the quotes as they are', () => {
    const rendered = renderAnswer(answer(items), { locale: 'vi', askerId: ASKER, hidden: true });
    expect(rendered.payload.embeds.at(-1)!.footer!.text).toBe('7 kết quả · trang 1/2');
    expect(
      buttons(rendered.payload)
        .map((button) => button.label)
        .slice(0, 3),
    ).toEqual(['Trước', 'Tiếp', 'Đăng mục 1 lên kênh']);
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
    const states = (shares!.components as APIButtonComponentWithCustomId[]).map((button) => ({
      label: button.label,
      decoded: decodeButtonState(button.custom_id),
    }));
    expect(states.map((entry) => entry.label)).toEqual([
      'Post 6 in channel',
      'Post 7 in channel',
      'Post 8 in channel',
      'Post 9 in channel',
      'Post 10 in channel',
    ]);
    states.forEach((entry, position) => {
      expect(entry.decoded).toMatchObject({
        ok: true,
        state: { action: 'share', page: 5 + position, mentionId: FRIEND, check: itemFingerprint(items[5 + position]!) },
      });
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
    const sourced = items.map((entry, index) => ({
      ...entry,
      citations: [citation({ paragraph: index + 1, source: 'Yonhap', title: 'Tin NATO' })],
    }));
    const posted = renderSharedItem(answer(sourced), 7, { locale: 'en', askerId: ASKER, mentionId: FRIEND });
    expect(posted.content?.startsWith(`<@${FRIEND}> Shared by <@${ASKER}> · **Who met whom**`)).toBe(true);
    expect(posted.allowed_mentions).toEqual({ parse: [], users: [FRIEND] });
    expect(posted.components).toEqual([]);
    expect(isEphemeral(posted)).toBe(false);
    expect(posted.embeds).toHaveLength(1);
    expect(posted.embeds[0]!.title).toBe('Cuộc gặp 7');
    expect(posted.embeds[0]!.footer).toBeUndefined();
    expect(posted.embeds[0]!.description).toContain(
      'Yonhap · “Tin NATO” · 2025-06 · ¶ 8 · [link](https://example.org/bai-viet) · `001_03677d34c6a97d66#8`',
    );
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
