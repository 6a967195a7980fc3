// /reload on a scratch copy of the corpus, through the real bot: who may run it, that members'
// commands in flight meanwhile are all answered once and on time, that a broken folder is refused
// line by line while the old library keeps answering, and that a fixed folder with a new article
// is reported and searched.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import type { MemberView } from '../../tools/discord-stand-in/discordDriver.ts';
import { MEMBER_PERMISSIONS } from '../../tools/discord-stand-in/world.ts';
import { BUNDLED_CORPUS, EDITOR_ROLE, MODERATOR_ROLE } from './support/citebotOnStandIn.ts';
import { useCitebotOnStandIn } from './support/useCitebotOnStandIn.ts';
import { quotesIn, visibleText } from './support/whatMembersSee.ts';

const NEW_ARTICLE_ID = '002_apec_da_nang';
const NEW_ARTICLE = `date 2025-11-02 Photo : TTXVN

Ngày 1/11, tại Đà Nẵng, Bộ trưởng Ngoại giao Việt Nam đã hội đàm với Bộ trưởng Ngoại giao Peru về hợp tác nuôi trồng thanh long xuất khẩu.
Hai bên đã ký biên bản ghi nhớ về hợp tác nông nghiệp công nghệ cao.
`;

describe('/reload', () => {
  // The twenty members in flight are different people; the cooldown is not what is tested here.
  const citebot = useCitebotOnStandIn({ corpusCopiedFrom: BUNDLED_CORPUS, cooldown: new Cooldown(0) });
  let outside: string;

  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'citebot-outside-'));
  });

  afterAll(async () => {
    if (outside) await rm(outside, { recursive: true, force: true });
  });

  const reloadAs = (who: { roles?: string[]; permissions?: bigint }) =>
    citebot.driver.invokeCommand({ name: 'reload', user: citebot.standIn.world.user(), locale: 'en-US', ...who });

  describe('who may reload', () => {
    it('refuses a member with neither Manage Server nor a moderator role, privately', async () => {
      const refused = await reloadAs({ roles: [EDITOR_ROLE] });
      expect(refused.ephemeral).toBe(true);
      expect(refused.reply?.content).toBe('Only members with Manage Server or a moderator role can reload the library.');
      expect(citebot.logs.filter((line) => line.msg === 'reload refused')).toHaveLength(1);
    });

    it('lets a member with Manage Server reload', async () => {
      const seen = await reloadAs({ permissions: BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild });
      expect(seen.ephemeral).toBe(true);
      expect(visibleText(seen.reply)).toContain('Library reloaded');
      expect(visibleText(seen.reply)).toContain('No articles were added, removed or changed.');
    });
  });

  it('answers 20 members’ commands in flight during a moderator’s reload: each once, none late', async () => {
    const { driver, world } = { driver: citebot.driver, world: citebot.standIn.world };
    const ask = (index: number): Promise<MemberView> =>
      index % 2 === 0
        ? driver.invokeCommand({ name: 'ask', options: { question: 'Mark Rutte' }, user: world.user() })
        : driver.invokeCommand({ name: 'who-met', options: { year: 2025 }, user: world.user() });
    const before = Array.from({ length: 10 }, (_, index) => ask(index));
    const reload = reloadAs({ roles: [MODERATOR_ROLE] });
    const after = Array.from({ length: 10 }, (_, index) => ask(index + 10));

    const [reloaded, ...answers] = await Promise.all([reload, ...before, ...after]);
    expect(visibleText(reloaded.reply)).toContain('Library reloaded');
    expect(answers).toHaveLength(20);
    for (const answer of answers) {
      expect(answer.ephemeral).toBe(false);
      expect(visibleText(answer.reply)).toContain('Mark Rutte');
      const callbacks = citebot.standIn.rest.requests.filter(
        (request) => request.method === 'POST' && request.path.startsWith(`/interactions/${answer.interaction.id}/`),
      );
      expect(callbacks.map((request) => request.status)).toEqual([204]);
    }
    // The reload ran while members were being answered: their replies came between its "thinking…" and its report.
    const { requests } = citebot.standIn.rest;
    const deferred = requests.findIndex((request) => request.path.startsWith(`/interactions/${reloaded.interaction.id}/`));
    const reported = requests.findIndex((request) => request.method === 'PATCH' && request.path.includes(reloaded.interaction.token));
    const answeredMeanwhile = answers.filter((answer) => {
      const at = requests.findIndex((request) => request.path.startsWith(`/interactions/${answer.interaction.id}/`));
      return at > deferred && at < reported;
    });
    expect(answeredMeanwhile.length).toBeGreaterThan(0);
    // A second acknowledgement (40060) or a late one (10062) would be a violation: afterEach checks none.
  });

  it('refuses a broken, an oversized and an outside-linked file with file:line: reason, and keeps answering from the old library', async () => {
    const broken = join(citebot.corpusDir, 'broken.txt');
    const huge = join(citebot.corpusDir, 'huge.txt');
    const linked = join(citebot.corpusDir, 'outside.txt');
    await writeFile(broken, 'date 2025-13 Photo : TTXVN\n\nBài viết có từ khóa zeppelin chỉ có ở đây.\n');
    await writeFile(huge, `date 2025-01\n\n${'Một đoạn rất dài. '.repeat(70_000)}\n`);
    await writeFile(join(outside, 'secret.txt'), 'date 2025-01\n\nBí mật zeppelin ngoài thư mục.\n');
    await symlink(join(outside, 'secret.txt'), linked);
    try {
      const refused = await reloadAs({ roles: [MODERATOR_ROLE] });
      expect(refused.ephemeral).toBe(true);
      const lines = visibleText(refused.reply).split('\n');
      expect(lines[0]).toBe('Reload failed: the previous library is still in use');
      expect(lines.filter((line) => line.startsWith('- '))).toEqual([
        expect.stringMatching(/^- broken\.txt:1: .*date.*2025-13/),
        expect.stringMatching(/^- huge\.txt:0: file too large: \d+ bytes/),
        expect.stringMatching(/^- outside\.txt:0: symlink leads outside the corpus folder/),
      ]);

      const stillOld = await citebot.driver.invokeCommand({
        name: 'ask',
        options: { question: 'Mark Rutte' },
        user: citebot.standIn.world.user(),
      });
      expect(quotesIn(stillOld.reply).length).toBeGreaterThan(0);
      const notLoaded = await citebot.driver.invokeCommand({
        name: 'ask',
        options: { question: 'zeppelin' },
        user: citebot.standIn.world.user(),
        locale: 'en-US',
      });
      expect(notLoaded.ephemeral).toBe(true);
      expect(visibleText(notLoaded.reply)).toContain('Nothing found');
      expect(visibleText(notLoaded.reply)).not.toContain('Bí mật');
    } finally {
      await Promise.all([rm(broken), rm(huge), rm(linked)]);
    }
  });

  it('reports an added article once the folder is fixed, and /ask then finds it', async () => {
    await writeFile(join(citebot.corpusDir, `${NEW_ARTICLE_ID}.txt`), NEW_ARTICLE);
    const reloaded = await reloadAs({ roles: [MODERATOR_ROLE] });
    const text = visibleText(reloaded.reply);
    expect(text).toContain('Library reloaded');
    expect(text).toMatch(/3 articles, \d+ paragraphs \(\+2\)/);
    expect(text).toContain(`Added (1)\n\`${NEW_ARTICLE_ID}\``);
    expect(text).toContain('Removed (0)');

    const found = await citebot.driver.invokeCommand({
      name: 'ask',
      options: { question: 'thanh long' },
      user: citebot.standIn.world.user(),
    });
    expect(found.ephemeral).toBe(false);
    expect(visibleText(found.reply)).toContain(`${NEW_ARTICLE_ID}#1`);
    expect(quotesIn(found.reply)[0]?.text).toBe(NEW_ARTICLE.split('\n')[2]);
    const sources = await citebot.driver.invokeCommand({ name: 'sources', user: citebot.standIn.world.user() });
    expect(visibleText(sources.reply)).toContain(NEW_ARTICLE_ID);
  });
});
