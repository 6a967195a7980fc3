// The faults found by probing the running bot (issue 14) and the moderators' safety net (issue 11),
// each reproduced through the real bot on the Discord stand-in and shown fixed: special files in the
// corpus folder, a cache folder that is a link, a hung builder, a reload outliving its interaction,
// posting buttons pressed ten times, /reload from another server, a plain member trying every way to
// change the library, a start with a bad file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { onBuilderStarted, runningBuilderPids } from '../../src/library/builderWatch.ts';
import { MEMBER_PERMISSIONS } from '../../tools/discord-stand-in/world.ts';
import {
  copyCorpus,
  EDITOR_ROLE,
  MODERATOR_ROLE,
  startCitebotOnStandIn,
  type CitebotOnStandIn,
  type CitebotOptions,
} from './support/citebotOnStandIn.ts';
import { buttonLabelled, quotesIn, visibleText } from './support/whatMembersSee.ts';

const MANAGE_SERVER = BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild;
const NEW_ARTICLE =
  'date 2025-11-02 Photo : TTXVN\n\nNgày 1/11, tại Đà Nẵng, hai bên đã hội đàm về hợp tác nuôi trồng thanh long xuất khẩu.\n';

let citebot: CitebotOnStandIn | undefined;
let corpus: { dir: string; remove(): Promise<void> } | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  try {
    citebot?.standIn.expectNoViolations();
    expect(citebot?.errorLogs() ?? []).toEqual([]);
  } finally {
    await citebot?.stop();
    await corpus?.remove();
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
    citebot = undefined;
    corpus = undefined;
  }
});

async function start(options: CitebotOptions & { prepare?: (dir: string) => Promise<void> } = {}): Promise<CitebotOnStandIn> {
  corpus = await copyCorpus();
  await options.prepare?.(corpus.dir);
  citebot = await startCitebotOnStandIn({ cooldown: new Cooldown(0), ...options, corpusDir: corpus.dir });
  return citebot;
}

const reloadAs = (
  bot: CitebotOnStandIn,
  who: { permissions?: bigint; roles?: string[]; guildId?: string; timeoutMs?: number } = { roles: [MODERATOR_ROLE] },
) => bot.driver.invokeCommand({ name: 'reload', user: bot.standIn.world.user(), locale: 'en-US', ...who });

/** Resolves with the pid of the next library builder process started. */
function nextBuilder(): Promise<number> {
  return new Promise((resolve) => {
    const stop = onBuilderStarted(({ kind, pid }) => {
      if (kind !== 'process') return;
      stop();
      resolve(pid);
    });
  });
}

/** Whether a process runs (a zombie waiting to be reaped does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('special files in the corpus folder never wedge or exhaust the bot', () => {
  it('answers /reload with a FIFO in the folder (instead of hanging forever), and the next /reload is not "already running"', async () => {
    const bot = await start();
    execFileSync('mkfifo', [join(corpus!.dir, 'pipe.txt')]);
    const refused = await reloadAs(bot);
    expect(visibleText(refused.reply)).toContain('Reload failed: the previous library is still in use');
    expect(visibleText(refused.reply)).toContain('pipe.txt:0: not a regular file');
    await rm(join(corpus!.dir, 'pipe.txt'));
    const again = await reloadAs(bot);
    expect(visibleText(again.reply)).toContain('Library reloaded');
  });

  it('refuses a link to /dev/zero and a 1.5 GB article without reading them, and names a 1.5 GB .docx as not loaded', async () => {
    const bot = await start();
    await symlink('/dev/zero', join(corpus!.dir, 'zero.txt'));
    await writeFile(join(corpus!.dir, 'huge.txt'), '');
    await truncate(join(corpus!.dir, 'huge.txt'), 1.5 * 1024 ** 3);
    await writeFile(join(corpus!.dir, 'huge.docx'), '');
    await truncate(join(corpus!.dir, 'huge.docx'), 1.5 * 1024 ** 3);
    const heapBefore = process.memoryUsage().rss;
    const refused = await reloadAs(bot);
    const text = visibleText(refused.reply);
    expect(text).toContain('huge.txt:0: file too large: 1610612736 bytes');
    expect(text).toContain('zero.txt:0: symlink leads outside the corpus folder');
    expect(text).toMatch(/Not loaded \(1\)\n- huge\.docx: unsupported file type "\.docx"/);
    // Nothing of the 1.5 GB reached the bot (it would need that much memory to hold it).
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(500 * 1024 ** 2);
  });

  it('never writes through a cache folder that is a symlink, and says so in the log', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'citebot-outside-'));
    cleanups.push(() => rm(outside, { recursive: true, force: true }));
    await writeFile(join(outside, 'keep-me.tmp'), 'someone else’s file');
    await utimes(join(outside, 'keep-me.tmp'), new Date(0), new Date(0));
    const bot = await start();
    await rm(join(corpus!.dir, '.index-cache'), { recursive: true, force: true });
    await symlink(outside, join(corpus!.dir, '.index-cache'));
    await writeFile(join(corpus!.dir, '002_thanh_long.txt'), NEW_ARTICLE);

    const reloaded = await reloadAs(bot);
    expect(visibleText(reloaded.reply)).toContain('Added (1)');
    expect(await readdir(outside)).toEqual(['keep-me.tmp']);
    const logged = bot.logs.find((line) => line.msg === 'reload');
    expect(JSON.stringify(logged?.warnings)).toContain('.index-cache is a symbolic link: refused');
  });
});

describe('/reload names every file it does not load, and never shows host paths', () => {
  it('lists a .docx, a sub-folder and a dotfile on a successful reload', async () => {
    const bot = await start();
    await writeFile(join(corpus!.dir, 'bai-moi.docx'), 'PK');
    await mkdir(join(corpus!.dir, '2025'));
    await writeFile(join(corpus!.dir, '2025', '003_in_a_folder.txt'), NEW_ARTICLE);
    await writeFile(join(corpus!.dir, '.nhap.txt'), NEW_ARTICLE);
    const reloaded = await reloadAs(bot);
    const text = visibleText(reloaded.reply);
    expect(text).toContain('Library reloaded');
    expect(text).toContain('Not loaded (3)');
    expect(text).toContain('- .nhap.txt: name starts with "."');
    expect(text).toContain('- 2025/: a sub-folder: only files directly in the corpus folder are loaded');
    expect(text).toContain('- bai-moi.docx: unsupported file type ".docx"');
  });

  it('reports a corpus folder that went missing without the host’s path', async () => {
    const bot = await start();
    await rm(corpus!.dir, { recursive: true });
    const refused = await reloadAs(bot);
    expect(visibleText(refused.reply)).toContain('(corpus folder):0: cannot open the corpus folder: not found');
    expect(visibleText(refused.reply)).not.toContain(tmpdir());
  });

  it('refuses an article whose first paragraph sits on the header line, at line 1', async () => {
    const bot = await start();
    await writeFile(
      join(corpus!.dir, '004_seoul.txt'),
      'date 2024-11-05 Photo : VNA Ngày 5/11, tại Seoul, hai bên đã hội đàm.\n\nĐoạn hai.\n',
    );
    const refused = await reloadAs(bot);
    expect(visibleText(refused.reply)).toContain('004_seoul.txt:1: the photo credit');
  });
});

describe('a bad file never stops the bot', () => {
  it('starts with one bad file and no cache: answers from the valid articles, logs file:line: reason, and /reload tells moderators', async () => {
    const bot = await start({
      prepare: async (dir) => {
        await rm(join(dir, '.index-cache'), { recursive: true, force: true });
        await writeFile(join(dir, '002_thanh_long.txt'), NEW_ARTICLE);
        await writeFile(join(dir, '003_broken.txt'), 'date 2025-13\n\nBài hỏng.\n');
      },
    });
    expect(bot.store.lastLoad?.served).toBe('valid-articles');
    const found = await bot.driver.invokeCommand({ name: 'ask', options: { question: 'thanh long' }, user: bot.standIn.world.user() });
    expect(quotesIn(found.reply)[0]?.text).toBe(NEW_ARTICLE.split('\n')[2]);
    const told = await reloadAs(bot);
    expect(visibleText(told.reply)).toMatch(/003_broken\.txt:1: .*2025-13/);
  });
});

describe('the library builder', () => {
  it('is stopped by its watchdog when it hangs; the moderator is told, and the next /reload works', async () => {
    const bot = await start({ env: { RELOAD_TIMEOUT_SECONDS: '6' } });
    const builder = nextBuilder();
    const hung = reloadAs(bot, { roles: [MODERATOR_ROLE], timeoutMs: 30_000 });
    const pid = await builder;
    process.kill(pid, 'SIGSTOP'); // hangs, as a builder stuck on a device would
    const told = await hung;
    expect(visibleText(told.reply)).toContain('the library builder took longer than 6 s and was stopped');
    expect(running(pid)).toBe(false);
    expect(bot.store.isReloading).toBe(false);
    const again = await reloadAs(bot, { roles: [MODERATOR_ROLE], timeoutMs: 30_000 });
    expect(visibleText(again.reply)).toContain('Library reloaded');
    expect(runningBuilderPids()).toEqual([]);
  });

  it('when a reload outlives the interaction (15 minutes), logs it and the next /reload says so', async () => {
    const bot = await start();
    const builder = nextBuilder();
    // The member's "thinking…" never turns into an answer: the driver gives up waiting, which is expected.
    void reloadAs(bot, { roles: [MODERATOR_ROLE], timeoutMs: 10_000 }).catch(() => undefined);
    const pid = await builder;
    process.kill(pid, 'SIGSTOP');
    bot.standIn.advanceClock(16 * 60_000);
    const notDelivered = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (bot.logs.some((line) => line.msg.startsWith('reload result not delivered'))) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    process.kill(pid, 'SIGCONT');
    await notDelivered;
    expect(bot.standIn.takeViolations().map((violation) => violation.status)).toEqual([404]);

    const next = await reloadAs(bot);
    expect(next.reply?.content).toMatch(/^The previous reload finished at <t:\d+:f>, too late for Discord to show its reply \(ok\)/);
    expect(visibleText(next.reply)).toContain('Library reloaded');
  });
});

describe('cooldowns on buttons and /reload', () => {
  it('ten presses of "Post in channel" post once; the other nine are told to wait, privately', async () => {
    let clock = 1_000_000;
    const bot = await start({ cooldown: new Cooldown(3000, () => clock) });
    const asker = bot.standIn.world.user();
    const hidden = await bot.driver.invokeCommand({ name: 'who-met', options: { year: 2025, hide: true }, user: asker, locale: 'en-US' });
    const share = buttonLabelled(hidden.reply, 'Post 1 in channel');
    const presses = [];
    for (let press = 0; press < 10; press++)
      presses.push(await bot.driver.pressButton({ message: hidden.reply!, customId: share.customId, user: asker, locale: 'en-US' }));
    expect(presses.filter((press) => !press.ephemeral)).toHaveLength(1);
    expect(presses.filter((press) => press.ephemeral).map((press) => press.reply?.content)).toEqual(
      Array(9).fill(expect.stringContaining('You are going a little fast')),
    );
    clock += 3000;
    const later = await bot.driver.pressButton({ message: hidden.reply!, customId: share.customId, user: asker, locale: 'en-US' });
    expect(later.ephemeral).toBe(false);
  });

  it('tells a member who did not ask that only the asker can post (not "turn pages")', async () => {
    const bot = await start();
    const hidden = await bot.driver.invokeCommand({
      name: 'who-met',
      options: { year: 2025, hide: true },
      user: bot.standIn.world.user(),
      locale: 'en-US',
    });
    const share = buttonLabelled(hidden.reply, 'Post 1 in channel');
    const refused = await bot.driver.pressButton({
      message: hidden.reply!,
      customId: share.customId,
      user: bot.standIn.world.user(),
      locale: 'en-US',
    });
    expect(refused.reply?.content).toBe(
      'Only the person who asked can post this answer in the channel. Run the command yourself to post from your own copy.',
    );
  });

  it('has its own cooldown for /reload (RELOAD_COOLDOWN_SECONDS)', async () => {
    const bot = await start({ env: { RELOAD_COOLDOWN_SECONDS: '600' } });
    expect(visibleText((await reloadAs(bot)).reply)).toContain('Library reloaded');
    const second = await reloadAs(bot);
    expect(second.ephemeral).toBe(true);
    expect(second.reply?.content).toMatch(/^You are going a little fast\. Try again in \d+ s\.$/);
  });
});

describe('only the operator’s moderators change the library', () => {
  const twoServers: CitebotOptions['standIn'] = {
    guilds: [
      {
        name: 'Phòng tin Citebot',
        preferredLocale: 'vi',
        channelName: 'hỏi-đáp',
        roles: [{ name: EDITOR_ROLE }, { name: MODERATOR_ROLE }],
      },
      { name: 'Máy chủ khác', preferredLocale: 'vi', channelName: 'chung', roles: [{ name: MODERATOR_ROLE }] },
    ],
  };

  it('refuses /reload from another server, even to a member with Manage Server there', async () => {
    const bot = await start({ standIn: twoServers });
    const other = bot.standIn.world.guilds[1]!.id;
    const before = bot.store.current;
    await writeFile(join(corpus!.dir, '002_thanh_long.txt'), NEW_ARTICLE);
    const refused = await reloadAs(bot, { permissions: MANAGE_SERVER, guildId: other });
    expect(refused.ephemeral).toBe(true);
    expect(refused.reply?.content).toBe('The library can only be changed from the operator’s own server. Ask the bot’s operator.');
    expect(bot.store.current).toBe(before);
    expect(bot.logs.find((line) => line.msg === 'reload refused')).toMatchObject({ reason: 'other-server', guild: other });
  });

  it('a plain member cannot change the library through any command, button or autocomplete', async () => {
    const bot = await start();
    const before = bot.store.current;
    const builders: number[] = [];
    const stop = onBuilderStarted(({ pid }) => builders.push(pid));
    cleanups.push(async () => stop());
    await writeFile(join(corpus!.dir, '002_thanh_long.txt'), NEW_ARTICLE);
    const plain = { roles: [EDITOR_ROLE], locale: 'en-US' };

    const refused = await bot.driver.invokeCommand({ name: 'reload', user: bot.standIn.world.user(), ...plain });
    expect(refused.reply?.content).toBe('Only members with Manage Server or a moderator role can reload the library.');
    for (const definition of commandDefinitions) {
      for (const option of (definition.options ?? []) as { name: string; autocomplete?: boolean }[]) {
        if (!option.autocomplete) continue;
        await bot.driver.invokeAutocomplete({
          name: definition.name,
          focused: option.name,
          options: { [option.name]: 'reload' },
          user: bot.standIn.world.user(),
          ...plain,
        });
      }
    }
    // Every button the bot shows, pressed by the plain member…
    const asker = bot.standIn.world.user();
    const answer = await bot.driver.invokeCommand({ name: 'ask', options: { question: 'NATO', hide: true }, user: asker, ...plain });
    const paged = await bot.driver.pressButton({
      message: answer.reply!,
      customId: buttonLabelled(answer.reply, 'Next').customId,
      user: asker,
      ...plain,
    });
    await bot.driver.pressButton({
      message: paged.reply!,
      customId: buttonLabelled(paged.reply, 'Post 6 in channel').customId,
      user: asker,
      ...plain,
    });
    // …and buttons this version never made (a message from an older or a tampered client), refused.
    const publicAnswer = await bot.driver.invokeCommand({
      name: 'ask',
      options: { question: 'NATO' },
      user: bot.standIn.world.user(),
      ...plain,
    });
    for (const [index, customId] of ['reload', 'library:add', 'r:{}', 'p:["reload"]'].entries()) {
      const id = String(BigInt(publicAnswer.reply!.id) + BigInt(index + 1));
      const forged = {
        ...publicAnswer.reply!,
        id,
        components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: customId }] }],
      };
      const pressed = await bot.driver.pressButton({ message: forged as never, customId, user: bot.standIn.world.user(), ...plain });
      expect(pressed.reply?.content).toContain('This button is out of date or damaged');
    }

    expect(bot.store.current).toBe(before);
    expect(builders).toEqual([]);
    expect(bot.store.current.articlesById.has('002_thanh_long')).toBe(false);
  });
});
