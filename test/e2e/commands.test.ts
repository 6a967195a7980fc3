// Every slash command of the real bot, started through `startBot` against the Discord stand-in, as a
// member sees it: cited quotes that are word for word in the corpus, nobody pinged unless asked,
// private answers that can be posted later, pages, suggestions while typing, and both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { useCitebotOnStandIn } from './support/useCitebotOnStandIn.ts';
import { buttonLabelled, buttonsOf, corpusFile, expectVerbatimQuotes, footerOf, quotesIn, visibleText } from './support/whatMembersSee.ts';

const NATO_2025 = corpusFile('001_03677d34c6a97d66.txt');
const NATO_2023 = corpusFile('000_4f467cfc7a82818c.txt');
const CORPUS = [NATO_2025, NATO_2023];
const NOBODY = { users: [], roles: [], everyone: false };

describe('citebot answering members on the stand-in', () => {
  // The real cooldown, on a clock the tests move; each test asks as its own member.
  let clockMs = 1_000_000;
  const citebot = useCitebotOnStandIn({ cooldown: new Cooldown(3000, () => clockMs) });
  const member = () => citebot.standIn.world.user();

  afterEach(() => {
    clockMs += 10_000;
  });

  describe('/who-met', () => {
    it('names who met in 2025 and quotes the article word for word, pinging nobody', async () => {
      const seen = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 2025 }, user: member() });
      const text = visibleText(seen.reply);
      expect(text).toContain('Mark Rutte');
      expect(text).toContain('Wi Sung-lac');
      expect(text).toContain('001_03677d34c6a97d66#1');
      const quotes = expectVerbatimQuotes(seen.reply, [NATO_2025]);
      expect(quotes.length).toBeGreaterThanOrEqual(2);
      expect(quotes.map((quote) => quote.text).join(' ')).toContain('Tổng thư ký NATO Mark Rutte');
      expect(seen.ephemeral).toBe(false);
      expect(seen.pinged).toEqual(NOBODY);
    });

    it('finds the 2023 meeting of Yoon Suk-yeol and Jens Stoltenberg', async () => {
      const seen = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 2023 }, user: member() });
      const text = visibleText(seen.reply);
      expect(text).toContain('Jens Stoltenberg');
      expect(text).toContain('Yoon Suk-yeol');
      expect(text).not.toContain('Mark Rutte');
      expectVerbatimQuotes(seen.reply, [NATO_2023]);
    });

    it('answers a year with no meetings privately, with the years there are', async () => {
      const seen = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 1999 }, user: member(), locale: 'en-US' });
      expect(seen.ephemeral).toBe(true);
      expect(visibleText(seen.reply)).toContain('Nothing found');
      expect(visibleText(seen.reply)).toContain('No meeting in the library matches this.');
      expect(visibleText(seen.reply)).toMatch(/2023, 2025|2025, 2023/);
    });

    it('says, in the member’s language, that a /cite id names no article', async () => {
      const seen = await citebot.driver.invokeCommand({ name: 'cite', options: { id: 'nope#1' }, user: member(), locale: 'vi' });
      expect(seen.ephemeral).toBe(true);
      expect(visibleText(seen.reply)).toContain('Thư viện không có bài `nope`. Lệnh /nguồn liệt kê các bài.');
    });
  });

  it('/agreements year:2025 quotes what was agreed, verbatim', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'agreements', options: { year: 2025 }, user: member() });
    const quotes = expectVerbatimQuotes(seen.reply, [NATO_2025]);
    expect(quotes.map((quote) => quote.text)).toContain(
      'Hai bên đã nhất trí thành lập cơ chế tham vấn công nghiệp quốc phòng cấp Vụ trưởng và tăng cường hợp tác thông qua việc Hàn Quốc tham gia các dự án có tầm nhìn cao của NATO trong tương lai.',
    );
    expect(seen.pinged).toEqual(NOBODY);
  });

  it('/ask answers with the passages that match, the matched words in bold, verbatim', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'ask', options: { question: 'Jens Stoltenberg' }, user: member() });
    const quotes = expectVerbatimQuotes(seen.reply, CORPUS);
    expect(quotes.flatMap((quote) => quote.bold).join(' ')).toMatch(/Stoltenberg/);
    expect(visibleText(seen.reply)).toContain('000_4f467cfc7a82818c#');
    expect(seen.pinged).toEqual(NOBODY);
  });

  it('/ask finds Vietnamese typed without accents', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'ask', options: { question: 'cong nghiep quoc phong' }, user: member() });
    expect(seen.ephemeral).toBe(false);
    expect(
      quotesIn(seen.reply)
        .map((quote) => quote.text)
        .join(' '),
    ).toContain('công nghiệp quốc phòng');
  });

  it('/cite shows the whole paragraph, word for word', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'cite', options: { id: '001_03677d34c6a97d66#6' }, user: member() });
    const [quote, ...others] = quotesIn(seen.reply);
    expect(others).toEqual([]);
    expect(quote?.cut).toBe(false);
    expect(quote?.text).toMatch(/^Mặt khác, vào chiều 25\/6 \(giờ địa phương\), ông Wi.*Iwaya Takeshi\.$/);
    expect(NATO_2025).toContain(quote!.text);
  });

  it('/sources lists both articles with their dates', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'sources', user: member() });
    const text = visibleText(seen.reply);
    expect(text).toContain('001_03677d34c6a97d66');
    expect(text).toContain('000_4f467cfc7a82818c');
    expect(text).toContain('2025-06');
    expect(text).toContain('2023-07');
    expectVerbatimQuotes(seen.reply, CORPUS);
  });

  it('/help answers privately, in the member’s language', async () => {
    const inVietnamese = await citebot.driver.invokeCommand({ name: 'help', locale: 'vi' });
    const inEnglish = await citebot.driver.invokeCommand({ name: 'help', locale: 'en-US' });
    expect(inVietnamese.ephemeral).toBe(true);
    expect(visibleText(inVietnamese.reply)).toContain('/ai-gặp-ai');
    expect(visibleText(inVietnamese.reply)).toContain('Các lệnh');
    expect(visibleText(inEnglish.reply)).toContain('/who-met');
    expect(visibleText(inEnglish.reply)).toContain('Commands');
  });

  it('labels answers in Vietnamese for vi and in English otherwise, quotes unchanged', async () => {
    const vi = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 2025, hide: true }, user: member(), locale: 'vi' });
    const en = await citebot.driver.invokeCommand({
      name: 'who-met',
      options: { year: 2025, hide: true },
      user: member(),
      locale: 'en-GB',
    });
    expect(footerOf(vi.reply)).toBe('3 kết quả · trang 1/1');
    expect(footerOf(en.reply)).toBe('3 results · page 1 of 1');
    expect(buttonsOf(vi.reply).map((button) => button.label)).toEqual([
      'Đăng mục 1 lên kênh',
      'Đăng mục 2 lên kênh',
      'Đăng mục 3 lên kênh',
    ]);
    expect(buttonsOf(en.reply).map((button) => button.label)).toEqual(['Post 1 in channel', 'Post 2 in channel', 'Post 3 in channel']);
    expect(quotesIn(vi.reply)).toHaveLength(3);
    expect(quotesIn(vi.reply)).toEqual(quotesIn(en.reply));
  });

  describe('mention', () => {
    it('pings the member named in `mention`, and nobody else', async () => {
      const colleague = citebot.standIn.world.user({ username: 'minh.le' });
      const asker = member();
      const seen = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 2025, mention: colleague }, user: asker });
      expect(seen.reply?.content.startsWith(`<@${colleague.id}>`)).toBe(true);
      expect(seen.pinged).toEqual({ users: [colleague.id], roles: [], everyone: false });
    });

    it('pings nobody when the question itself holds @everyone, a role and a user mention', async () => {
      const seen = await citebot.driver.invokeCommand({
        name: 'ask',
        options: { question: '@everyone <@&123456789012345678> <@456789012345678901> Mark Rutte' },
        user: member(),
      });
      expect(seen.reply).toBeDefined();
      expect(seen.pinged).toEqual(NOBODY);
    });
  });

  describe('hide and “Post in channel”', () => {
    it('answers privately, then posts one result in the channel, pinging only the mentioned member', async () => {
      const asker = member();
      const colleague = citebot.standIn.world.user();
      const hidden = await citebot.driver.invokeCommand({
        name: 'who-met',
        options: { year: 2025, hide: true, mention: colleague },
        user: asker,
        locale: 'en-US',
      });
      expect(hidden.ephemeral).toBe(true);
      expect(hidden.pinged).toEqual(NOBODY);

      const share = buttonLabelled(hidden.reply, 'Post 3 in channel');
      const posted = await citebot.driver.pressButton({ message: hidden.reply!, customId: share.customId, user: asker, locale: 'en-US' });
      expect(posted.ephemeral).toBe(false);
      expect(posted.reply?.id).not.toBe(hidden.reply?.id);
      expect(posted.reply?.content).toContain(`<@${colleague.id}> Shared by <@${asker.id}>`);
      expect(quotesIn(posted.reply)).toEqual([quotesIn(hidden.reply)[2]]);
      expect(visibleText(posted.reply)).toContain('*untitled* · 2025-06 · ¶ 6 · `001_03677d34c6a97d66#6`');
      expect(posted.pinged).toEqual({ users: [colleague.id], roles: [], everyone: false });
      expect(buttonsOf(posted.reply)).toEqual([]);
    });

    it('refuses to post another member’s private answer', async () => {
      const asker = member();
      const hidden = await citebot.driver.invokeCommand({
        name: 'who-met',
        options: { year: 2023, hide: true },
        user: asker,
        locale: 'en-US',
      });
      const share = buttonLabelled(hidden.reply, 'Post in channel');
      const refused = await citebot.driver.pressButton({
        message: hidden.reply!,
        customId: share.customId,
        user: member(),
        locale: 'en-US',
      });
      expect(refused.ephemeral).toBe(true);
      expect(refused.reply?.content).toContain('Only the person who asked');
    });
  });

  describe('pages', () => {
    const nato = { question: 'NATO' };

    it('turns pages with Next and Previous for the asker, editing the same message', async () => {
      const asker = member();
      const first = await citebot.driver.invokeCommand({ name: 'ask', options: nato, user: asker, locale: 'en-US' });
      expect(footerOf(first.reply)).toMatch(/page 1 of 2$/);
      expect(buttonLabelled(first.reply, 'Previous').disabled).toBe(true);
      // The stand-in edits the stored message in place, so keep what page 1 showed.
      const pageOne = quotesIn(first.reply);

      // Page presses have a short pause of their own (a second): a reader takes longer than that.
      clockMs += 1_000;
      const second = await citebot.driver.pressButton({
        message: first.reply!,
        customId: buttonLabelled(first.reply, 'Next').customId,
        user: asker,
        locale: 'en-US',
      });
      expect(second.acknowledgedWith).toBe(7);
      expect(second.reply?.id).toBe(first.reply?.id);
      expect(footerOf(second.reply)).toMatch(/page 2 of 2$/);
      expect(buttonLabelled(second.reply, 'Next').disabled).toBe(true);
      expect(pageOne.length).toBeGreaterThan(0);
      expect(expectVerbatimQuotes(second.reply, CORPUS)).not.toEqual(pageOne);

      clockMs += 1_000;
      const back = await citebot.driver.pressButton({
        message: second.reply!,
        customId: buttonLabelled(second.reply, 'Previous').customId,
        user: asker,
        locale: 'en-US',
      });
      expect(footerOf(back.reply)).toMatch(/page 1 of 2$/);
      expect(quotesIn(back.reply)).toEqual(pageOne);
      expect(second.pinged).toEqual(NOBODY);
    });

    it('gives another member pressing Next on a public answer a private copy of page 2, leaving the answer as it was', async () => {
      const first = await citebot.driver.invokeCommand({ name: 'ask', options: nato, user: member() });
      const pageOne = quotesIn(first.reply);
      expect(pageOne.length).toBeGreaterThan(0);
      const next = buttonLabelled(first.reply, 'Tiếp');
      const byOther = await citebot.driver.pressButton({ message: first.reply!, customId: next.customId, user: member() });
      expect(byOther.ephemeral).toBe(true);
      expect(byOther.reply?.id).not.toBe(first.reply?.id);
      expect(footerOf(byOther.reply)).toMatch(/trang 2\/2$/);
      expect(byOther.reply?.content).toContain('Bản riêng của bạn: câu trả lời trên kênh vẫn giữ nguyên.');
      const posted = citebot.standIn.interactions.messages.get(first.reply!.id);
      expect(footerOf(posted)).toMatch(/trang 1\/2$/);
      expect(quotesIn(posted)).toEqual(pageOne);
    });

    it('refuses another member on a hidden answer, privately, leaving the answer as it was', async () => {
      const asker = member();
      const hidden = await citebot.driver.invokeCommand({ name: 'ask', options: { ...nato, hide: true }, user: asker, locale: 'en-US' });
      const next = buttonLabelled(hidden.reply, 'Next');
      const refused = await citebot.driver.pressButton({
        message: hidden.reply!,
        customId: next.customId,
        user: member(),
        locale: 'en-US',
      });
      expect(refused.ephemeral).toBe(true);
      expect(refused.reply?.id).not.toBe(hidden.reply?.id);
      expect(refused.reply?.content).toContain('Only the person who asked');
      expect(footerOf(citebot.standIn.interactions.messages.get(hidden.reply!.id))).toMatch(/page 1 of 2$/);

      const byAsker = await citebot.driver.pressButton({ message: hidden.reply!, customId: next.customId, user: asker, locale: 'en-US' });
      expect(footerOf(byAsker.reply)).toMatch(/page 2 of 2$/);
      expect(byAsker.ephemeral).toBe(true);
    });
  });

  describe('a question too long to travel in a button', () => {
    // Up to 300 characters are allowed; the buttons' custom_id holds at most 100.
    const long = { question: `NATO ${'hợp tác quốc phòng '.repeat(14)}`.trim() };

    it('still answers, and says to ask a shorter question to see every page', async () => {
      const seen = await citebot.driver.invokeCommand({ name: 'ask', options: long, user: member(), locale: 'en-US' });
      expect(quotesIn(seen.reply).length).toBeGreaterThan(0);
      expect(footerOf(seen.reply)).toMatch(/page 1 of [2-9]/);
      expect(seen.reply?.content).toContain('Ask a shorter question to page through every result.');
      expect(buttonsOf(seen.reply)).toEqual([]);
    });

    it('posts one result of a private answer to the channel as the asker saw it', async () => {
      const asker = member();
      const hidden = await citebot.driver.invokeCommand({ name: 'ask', options: { ...long, hide: true }, user: asker, locale: 'en-US' });
      const share = buttonLabelled(hidden.reply, 'Post 2 in channel');
      const posted = await citebot.driver.pressButton({ message: hidden.reply!, customId: share.customId, user: asker, locale: 'en-US' });
      expect(posted.ephemeral).toBe(false);
      expect(quotesIn(posted.reply)).toEqual([quotesIn(hidden.reply)[1]]);
      const titleOf = (embed: unknown) => (embed as { title?: string } | undefined)?.title;
      expect(titleOf(posted.reply?.embeds[0])).toBe(titleOf(hidden.reply?.embeds[1])?.replace(/^2\. /, ''));
      expect(buttonsOf(posted.reply)).toEqual([]);
      expect(posted.pinged).toEqual(NOBODY);
    });
  });

  describe('autocomplete', () => {
    it('suggests Jens Stoltenberg for “stolt”', async () => {
      const seen = await citebot.driver.invokeAutocomplete({ name: 'who-met', options: { person: 'stolt' }, focused: 'person' });
      expect(seen.acknowledgedWith).toBe(8);
      expect(seen.choices?.map((choice) => choice.value)).toContain('Jens Stoltenberg');
      expect(seen.choices?.length).toBeLessThanOrEqual(25);
    });

    it('suggests the years of the library as integers', async () => {
      const seen = await citebot.driver.invokeAutocomplete({ name: 'who-met', options: { year: '20' }, focused: 'year' });
      expect(seen.choices).toEqual([
        { name: '2025', value: 2025 },
        { name: '2023', value: 2023 },
      ]);
    });

    it('suggests citation ids for /cite, at most 25', async () => {
      const seen = await citebot.driver.invokeAutocomplete({ name: 'cite', options: { id: '001_' }, focused: 'id' });
      const values = seen.choices?.map((choice) => String(choice.value)) ?? [];
      expect(values).toContain('001_03677d34c6a97d66#6');
      expect(values.every((value) => value.startsWith('001_03677d34c6a97d66#'))).toBe(true);
      const all = await citebot.driver.invokeAutocomplete({ name: 'cite', options: { id: '' }, focused: 'id' });
      expect(all.choices?.length).toBeGreaterThan(0);
      expect(all.choices?.length).toBeLessThanOrEqual(25);
    });

    it('keeps the question typed as the first suggestion for /ask', async () => {
      const seen = await citebot.driver.invokeAutocomplete({
        name: 'ask',
        options: { question: 'hội nghị thượng đỉnh' },
        focused: 'question',
      });
      expect(seen.choices?.[0]).toEqual({ name: 'hội nghị thượng đỉnh', value: 'hội nghị thượng đỉnh' });
    });
  });

  it('pauses a member who asks twice within the cooldown, privately, and answers after it', async () => {
    const asker = member();
    await citebot.driver.invokeCommand({ name: 'sources', user: asker });
    const tooFast = await citebot.driver.invokeCommand({ name: 'sources', user: asker, locale: 'en-US' });
    expect(tooFast.ephemeral).toBe(true);
    expect(tooFast.reply?.content).toMatch(/Try again in 3 s/);
    clockMs += 3000;
    const later = await citebot.driver.invokeCommand({ name: 'sources', user: asker });
    expect(later.ephemeral).toBe(false);
    expect(visibleText(later.reply)).toContain('001_03677d34c6a97d66');
  });

  it('answers in a direct message with the bot', async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 2023 }, user: member(), dm: true });
    expect(visibleText(seen.reply)).toContain('Jens Stoltenberg');
  });
});
