// Citations people can paste into a discussion, through the real bot on the Discord stand-in, on a
// corpus with none of the bundled articles whose .txt headers name outlet, headline and link: one result
// of a private answer posted on its own with its citation and mention, posted messages nobody can change,
// /cite's ready-to-paste citation, and /help's examples taken from the library loaded.
import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import type { StoredMessage } from '../../tools/discord-stand-in/messageStore.ts';
import { useCitebotOnStandIn } from './support/useCitebotOnStandIn.ts';
import { buttonLabelled, buttonsOf, corpusFile, expectVerbatimQuotes, footerOf, quotesIn, visibleText } from './support/whatMembersSee.ts';

const FIXTURE = 'test/fixtures/sourced-corpus';
const ENERGY = corpusFile('vn_viet_nhat_nang_luong.txt', FIXTURE);
const EDUCATION = corpusFile('vn_han_quoc_giao_duc.txt', FIXTURE);
const OUTLET = 'Báo Thế giới và Việt Nam';
const HEADLINE = 'Việt Nam và Nhật Bản nhất trí mở rộng hợp tác năng lượng sạch';
const LINK = 'https://example.vn/the-gioi/viet-nam-nhat-ban-nang-luong-sach';
const NOBODY = { users: [], roles: [], everyone: false };

describe('citations on a corpus of sourced articles', () => {
  const citebot = useCitebotOnStandIn({ corpusCopiedFrom: FIXTURE, cooldown: new Cooldown(0) });
  const member = () => citebot.standIn.world.user();

  /** The message as it is stored now, after any edits. */
  const current = (message: StoredMessage | undefined) => citebot.standIn.interactions.messages.get(message!.id);

  describe('“Post in channel” on one result of a private answer', () => {
    it.each<{ name: string; options: Record<string, string | number> }>([
      { name: 'ask', options: { question: 'năng lượng' } },
      { name: 'who-met', options: { year: 2024 } },
      { name: 'agreements', options: {} },
    ])(
      '/$name: posts exactly that result with its citation, pinging only the mentioned member, with no buttons',
      async ({ name, options }) => {
        const asker = member();
        const colleague = citebot.standIn.world.user({ username: 'thu.tran' });
        const hidden = await citebot.driver.invokeCommand({
          name,
          options: { ...options, hide: true, mention: colleague },
          user: asker,
          locale: 'en-US',
        });
        expect(hidden.ephemeral).toBe(true);
        const privateQuotes = quotesIn(hidden.reply);
        expect(privateQuotes.length).toBeGreaterThanOrEqual(3);
        const shareLabels = buttonsOf(hidden.reply).map((button) => button.label);
        expect(shareLabels).toEqual(privateQuotes.map((_quote, index) => `Post ${index + 1} in channel`));

        // The second result: an energy one on every list (the energy article holds two of three results).
        const posted = await citebot.driver.pressButton({
          message: hidden.reply!,
          customId: buttonLabelled(hidden.reply, 'Post 2 in channel').customId,
          user: asker,
          locale: 'en-US',
        });
        expect(posted.ephemeral).toBe(false);
        expect(posted.reply?.id).not.toBe(hidden.reply?.id);
        expect(posted.reply?.embeds).toHaveLength(1);
        expect(quotesIn(posted.reply)).toEqual([privateQuotes[1]]);
        expectVerbatimQuotes(posted.reply, [ENERGY, EDUCATION]);
        expect(posted.reply?.content.startsWith(`<@${colleague.id}> Shared by <@${asker.id}>`)).toBe(true);
        const citationLine = `${OUTLET} · “${HEADLINE}” · 2024-11-12 · ¶ (\\d) · \\[link\\]\\(${LINK}\\) · .vn_viet_nhat_nang_luong#\\1.`;
        expect(visibleText(posted.reply)).toMatch(new RegExp(citationLine));
        expect(footerOf(posted.reply)).toBeUndefined();
        expect(posted.pinged).toEqual({ users: [colleague.id], roles: [], everyone: false });
        expect(posted.reply?.components).toEqual([]);
        // The private answer is untouched and still pages for the asker.
        expect(quotesIn(current(hidden.reply))).toEqual(privateQuotes);
      },
    );

    it('pings nobody when no member was mentioned', async () => {
      const asker = member();
      const hidden = await citebot.driver.invokeCommand({ name: 'who-met', options: { hide: true }, user: asker, locale: 'en-US' });
      const posted = await citebot.driver.pressButton({
        message: hidden.reply!,
        customId: buttonLabelled(hidden.reply, 'Post 1 in channel').customId,
        user: asker,
        locale: 'en-US',
      });
      expect(posted.pinged).toEqual(NOBODY);
      expect(posted.reply?.content.startsWith(`Shared by <@${asker.id}>`)).toBe(true);
    });

    it('tells another member pressing a share button that only the asker can post it, and posts nothing', async () => {
      const asker = member();
      const hidden = await citebot.driver.invokeCommand({ name: 'agreements', options: { hide: true }, user: asker, locale: 'en-US' });
      const refused = await citebot.driver.pressButton({
        message: hidden.reply!,
        customId: buttonLabelled(hidden.reply, 'Post 1 in channel').customId,
        user: member(),
        locale: 'en-US',
      });
      expect(refused.ephemeral).toBe(true);
      expect(refused.reply?.content).toBe(
        'Only the person who asked can post this answer in the channel. Run the command yourself to post from your own copy.',
      );
      expect(refused.followUps).toEqual([]);
    });
  });

  describe('nobody else can change a posted message', () => {
    it('a posted result has no button at all, so no member can change it', async () => {
      const asker = member();
      const hidden = await citebot.driver.invokeCommand({
        name: 'cite',
        options: { id: 'vn_viet_nhat_nang_luong#1', hide: true },
        user: asker,
        locale: 'en-US',
      });
      const posted = await citebot.driver.pressButton({
        message: hidden.reply!,
        customId: buttonLabelled(hidden.reply, 'Post in channel').customId,
        user: asker,
        locale: 'en-US',
      });
      expect(buttonsOf(posted.reply)).toEqual([]);
      // The stand-in, like Discord, only lets a member press a button the message has.
      expect(() => citebot.driver.pressButton({ message: posted.reply!, customId: 'p:["c",0,0,"1",""]', user: member() })).toThrow(
        /it has: none/,
      );
    });
  });

  describe('/cite', () => {
    it('returns the paragraph and the plain-text citation in the standard form, in a code block, with no footer', async () => {
      const seen = await citebot.driver.invokeCommand({
        name: 'cite',
        options: { id: 'vn_viet_nhat_nang_luong#2' },
        user: member(),
        locale: 'en-US',
      });
      const paragraph =
        'Hai bên đã nhất trí xây dựng lộ trình chung về chuyển đổi năng lượng sạch giai đoạn 2025-2030. Lộ trình sẽ được trình lên lãnh đạo hai nước vào đầu năm sau.';
      expect(quotesIn(seen.reply).map((quote) => quote.text)).toEqual([paragraph]);
      expect(ENERGY).toContain(paragraph);
      expect(seen.reply?.content.endsWith(`\n\`\`\`\n“${paragraph}” — ${OUTLET}, “${HEADLINE}”, 2024-11-12, ¶2, ${LINK}\n\`\`\``)).toBe(
        true,
      );
      expect(footerOf(seen.reply)).toBeUndefined();
      expect(visibleText(seen.reply)).not.toMatch(/result|page/);
    });

    it('cites one sentence with `sentence`, leaving out what the article lacks', async () => {
      const seen = await citebot.driver.invokeCommand({
        name: 'cite',
        options: { id: 'vn_han_quoc_giao_duc#2', sentence: 1 },
        user: member(),
        locale: 'en-US',
      });
      const sentence =
        'Sau hội đàm, hai bộ trưởng đã ký biên bản ghi nhớ về hợp tác giáo dục đại học, trong đó có chương trình học bổng chung cho sinh viên hai nước.';
      expect(quotesIn(seen.reply).map((quote) => quote.text)).toEqual([sentence]);
      expect(seen.reply?.content).toContain(
        `\`\`\`\n“${sentence}” — “Hàn Quốc và Việt Nam ký kết hợp tác giáo dục đại học”, 2024-03, ¶2, vn_han_quoc_giao_duc#2\n\`\`\``,
      );
    });
  });

  it('/sources labels the photo credit as a photo credit, apart from the outlet', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'sources', user: member(), locale: 'en-US' });
    const text = visibleText(seen.reply);
    expect(text).toContain(`Outlet: ${OUTLET} · 4 paragraphs · Photo credit: Thông tấn xã Việt Nam`);
    expect(text).toContain(HEADLINE);
    expect(text).not.toMatch(/(^|[^o] )Credit:/m);
  });

  it('/help names a person, a year, a topic and a paragraph id of this library, none of the bundled articles', async () => {
    const english = visibleText((await citebot.driver.invokeCommand({ name: 'help', user: member(), locale: 'en-US' })).reply);
    expect(english).toContain('/who-met person:Ito Naoki');
    expect(english).toContain('/who-met year:2024');
    expect(english).toContain('/agreements topic:năng lượng');
    expect(english).toContain('/cite id:vn_viet_nhat_nang_luong#2');
    const vietnamese = visibleText((await citebot.driver.invokeCommand({ name: 'help', user: member(), locale: 'vi' })).reply);
    expect(vietnamese).toContain('/trích-dẫn mã:vn_viet_nhat_nang_luong#2');
    for (const bundled of ['001_03677d34c6a97d66', '000_4f467cfc7a82818c', 'Rutte', 'Stoltenberg', 'NATO']) {
      expect(english).not.toContain(bundled);
      expect(vietnamese).not.toContain(bundled);
    }
  });
});
