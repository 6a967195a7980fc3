// Start-up as an operator runs it: commands registered by the real deploy code (as a function and as
// `npm run deploy-commands`) and accepted by Discord's schema; `startBot` logging in through
// DISCORD_API_URL; `npm start` refusing a wrong token clearly without printing it, answering members,
// and stopping cleanly on SIGTERM.
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deployCommands.ts';
import { DiscordDriver } from '../../tools/discord-stand-in/discordDriver.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../../tools/discord-stand-in/standIn.ts';
import { MEMBER_PERMISSIONS } from '../../tools/discord-stand-in/world.ts';
import { copyCorpus, startCitebotOnStandIn, type CitebotOnStandIn } from './support/citebotOnStandIn.ts';
import { ownLines, runScript, startScript, type RunningScript } from './support/childProcess.ts';
import { visibleText } from './support/whatMembersSee.ts';

const COMMAND_NAMES = ['who-met', 'agreements', 'ask', 'sources', 'cite', 'reload', 'library', 'help'];
// Shaped like a real token, so the logger's token pattern would catch it too if it leaked.
const WRONG_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GwRong.c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1zaG93';

/** Whether a process runs (a zombie waiting to be reaped does not): read from /proc, Linux only. */
function processRuns(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Child processes load TypeScript through tsx: give them room on a busy 2-core machine. */
const CHILD_TIMEOUT_MS = 30_000;

describe('registering commands', () => {
  let standIn: DiscordStandIn | undefined;
  afterEach(async () => {
    standIn?.expectNoViolations();
    await standIn?.close();
    standIn = undefined;
  });

  it('deployCommands puts all eight commands in place, and Discord’s schema accepts each one', async () => {
    standIn = await startDiscordStandIn();
    const loaded = loadConfig({ DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.restApi });
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));

    // Without DISCORD_APPLICATION_ID it asks Discord which application the token belongs to.
    const result = await deployCommands(loaded.config);
    expect(result).toEqual({ scope: 'global', applicationId: standIn.world.application.id, count: 8 });
    const registered = standIn.commands.list();
    expect(registered.map((command) => command.name)).toEqual(COMMAND_NAMES);
    expect(registered.find((command) => command.name === 'who-met')).toMatchObject({
      name_localizations: { vi: 'ai-gặp-ai' },
      description_localizations: { vi: expect.any(String) },
    });
    expect(registered.find((command) => command.name === 'reload')?.default_member_permissions).toBe('32');
    expect(standIn.rest.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      'GET /applications/@me 200',
      `PUT /applications/${standIn.world.application.id}/commands 200`,
    ]);
  });

  it('registering again keeps each command’s id, as Discord does', async () => {
    standIn = await startDiscordStandIn();
    const loaded = loadConfig({
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_URL: standIn.restApi,
      DISCORD_APPLICATION_ID: standIn.world.application.id,
    });
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    await deployCommands(loaded.config);
    const before = standIn.commands.list().map((command) => command.id);
    await deployCommands(loaded.config, commandDefinitions);
    expect(standIn.commands.list().map((command) => command.id)).toEqual(before);
  });

  it(
    '`npm run deploy-commands` registers them in the server named by DISCORD_GUILD_ID',
    async () => {
      standIn = await startDiscordStandIn();
      const guildId = standIn.world.guild().id;
      const run = await runScript('deploy-commands', {
        DISCORD_TOKEN: standIn.token,
        DISCORD_API_URL: standIn.restApi,
        DISCORD_APPLICATION_ID: standIn.world.application.id,
        DISCORD_GUILD_ID: guildId,
      });
      expect(run.code).toBe(0);
      expect(ownLines(run.stdout)).toEqual([`Registered 8 commands in server ${guildId}.`]);
      expect(standIn.commands.list(guildId).map((command) => command.name)).toEqual(COMMAND_NAMES);
      expect(standIn.commands.list()).toEqual([]);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    '`npm run deploy-commands -- --dryrun` (a typo) stops with exit code 2 and names the flag, registering nothing',
    async () => {
      standIn = await startDiscordStandIn();
      const run = await runScript(
        'deploy-commands',
        { DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.restApi, DISCORD_APPLICATION_ID: standIn.world.application.id },
        { args: ['--dryrun'] },
      );
      expect(run.code).toBe(2);
      expect(ownLines(run.stderr)[0]).toBe('error: unknown flag --dryrun (did you mean --dry-run?)');
      expect(ownLines(run.stdout)).toEqual([]);
      // Not a single request reached Discord, and no command is registered.
      expect(standIn.rest.requests).toEqual([]);
      expect(standIn.commands.list()).toEqual([]);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    '`npm run deploy-commands` with a wrong token says so and exits 1, without printing the token',
    async () => {
      standIn = await startDiscordStandIn();
      const run = await runScript('deploy-commands', { DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_URL: standIn.restApi });
      expect(run.code).toBe(1);
      expect(ownLines(run.stderr)).toEqual(['Could not register the commands: Discord rejected DISCORD_TOKEN (401)']);
      expect(run.stdout + run.stderr).not.toContain(WRONG_TOKEN);
      expect(standIn.takeViolations()).toMatchObject([{ status: 401 }]);
    },
    CHILD_TIMEOUT_MS,
  );
});

describe('startBot', () => {
  let citebot: CitebotOnStandIn | undefined;
  afterEach(async () => {
    citebot?.standIn.expectNoViolations();
    await citebot?.stop();
  });

  it('logs in through config.apiUrl and the gateway it is told about, and reports ready', async () => {
    citebot = await startCitebotOnStandIn();
    const { standIn, bot } = citebot;
    expect(bot.client.user?.id).toBe(standIn.world.bot.id);
    expect(bot.client.rest.options.api).toBe(standIn.restApi);
    expect(standIn.gateway.identifies).toHaveLength(1);
    expect(standIn.gateway.identifies[0]).toMatchObject({ token: standIn.token, intents: 1 });
    expect(standIn.rest.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /gateway/bot');
    expect(citebot.logs.find((line) => line.msg === 'ready')).toMatchObject({ applicationId: standIn.world.application.id, guilds: 1 });
    expect(JSON.stringify(citebot.logs)).not.toContain(standIn.token);
  });

  it('stops cleanly, and stopping twice is harmless', async () => {
    citebot = await startCitebotOnStandIn();
    await citebot.bot.stop();
    await citebot.bot.stop();
    expect(citebot.standIn.gateway.log.at(-1)).toMatchObject({ event: 'closed-by-client' });
  });
});

describe('npm start', () => {
  let standIn: DiscordStandIn | undefined;
  let running: RunningScript | undefined;
  afterEach(async () => {
    await running?.killAll();
    running = undefined;
    standIn?.expectNoViolations();
    await standIn?.close();
    standIn = undefined;
  });

  const envFor = (target: DiscordStandIn, token: string) => ({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: target.restApi,
    DISCORD_APPLICATION_ID: target.world.application.id,
    CORPUS_DIR: 'corpus',
  });

  it.each([
    ['over REST (401)', true],
    ['at the gateway (close 4004)', false],
  ])(
    'with a wrong token refused %s: one clear error, exit code 1, the token never printed',
    async (_where, checkTokenOnRest) => {
      standIn = await startDiscordStandIn({ checkTokenOnRest });
      const run = await runScript('start', envFor(standIn, WRONG_TOKEN));
      expect(run.code).toBe(1);
      const errors = ownLines(run.stderr);
      expect(errors).toEqual([
        'citebot cannot start: Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (Bot → Reset Token) and update .env.',
      ]);
      expect(run.stdout + run.stderr).not.toContain(WRONG_TOKEN);
      expect(run.stdout + run.stderr).not.toMatch(/MTIzNDU2Nzg5MDEyMzQ1Njc4OTA|c2VjcmV0/);
      // Refused over REST, the one 401 is the refusal itself; at the gateway it is a close, not a REST error.
      expect(standIn.takeViolations().map((violation) => `${violation.request} ${violation.status}`)).toEqual(
        checkTokenOnRest ? ['GET /gateway/bot 401'] : [],
      );
      if (!checkTokenOnRest) expect(standIn.gateway.identifies.map((identify) => identify.token)).toEqual([WRONG_TOKEN]);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'with Discord unreachable at boot: keeps trying with growing pauses instead of exiting, and stops cleanly on SIGTERM',
    async () => {
      standIn = await startDiscordStandIn();
      const unreachable = standIn.restApi;
      await standIn.close();
      standIn = undefined;
      running = startScript('start', { DISCORD_TOKEN: 'stand-in-bot-token.citebot', DISCORD_API_URL: unreachable, CORPUS_DIR: 'corpus' });
      const first = JSON.parse(
        await running.waitForLine((line) => line.includes('cannot reach Discord yet') && line.includes('"attempt":1')),
      ) as Record<string, unknown>;
      const second = JSON.parse(
        await running.waitForLine((line) => line.includes('cannot reach Discord yet') && line.includes('"attempt":2')),
      ) as Record<string, unknown>;
      expect(first).toMatchObject({ level: 'warn', retryInMs: 1000, detail: expect.stringMatching(/ECONNREFUSED/) });
      expect(second).toMatchObject({ retryInMs: 2000 });
      running.child.kill('SIGTERM');
      expect(await running.finished).toMatchObject({ code: 0 });
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'SIGTERM during a reload leaves no library builder behind',
    async () => {
      standIn = await startDiscordStandIn({ heartbeatIntervalMs: 1000 });
      const corpus = await copyCorpus();
      try {
        const env = { ...envFor(standIn, standIn.token), CORPUS_DIR: corpus.dir, MODERATION_GUILD_IDS: standIn.world.guild().id };
        const loaded = loadConfig(env);
        if (!loaded.ok) throw new Error(loaded.errors.join('; '));
        await deployCommands(loaded.config);
        running = startScript('start', env);
        await running.waitForLine((line) => line.includes('"msg":"started"'));
        await writeFile(join(corpus.dir, '002_new.txt'), 'date 2025-01\n\nHai bên đã hội đàm tại Hà Nội.\n');

        void new DiscordDriver(standIn)
          .invokeCommand({ name: 'reload', permissions: BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild, timeoutMs: 20_000 })
          .catch(() => undefined);
        const started = JSON.parse(
          await running.waitForLine((line) => line.includes('"msg":"library builder started"') && line.includes('"kind":"process"')),
        ) as { pid: number };
        // Holds the builder mid-build, so the signal surely comes during the reload.
        process.kill(started.pid, 'SIGSTOP');
        running.child.kill('SIGTERM');
        expect(await running.finished).toMatchObject({ code: 0 });
        expect(processRuns(started.pid)).toBe(false);
        // The cache written at start-up (and the corpus key's manifest), and no temporary file of the stopped build beside it.
        expect(await readdir(join(corpus.dir, '.index-cache'))).toEqual(['corpus-manifest.json', 'library.bin']);
        standIn.takeViolations();
      } finally {
        await corpus.remove();
      }
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'answers a member, then exits 0 within 5 seconds of SIGTERM',
    async () => {
      standIn = await startDiscordStandIn({ heartbeatIntervalMs: 1000 });
      const guildId = standIn.world.guild().id;
      const loaded = loadConfig({ ...envFor(standIn, standIn.token), DISCORD_GUILD_ID: guildId });
      if (!loaded.ok) throw new Error(loaded.errors.join('; '));
      await deployCommands(loaded.config);

      running = startScript('start', envFor(standIn, standIn.token));
      await running.waitForLine((line) => line.includes('"msg":"started"'));
      const seen = await new DiscordDriver(standIn).invokeCommand({ name: 'who-met', options: { year: 2025 } });
      expect(visibleText(seen.reply)).toContain('Mark Rutte');

      const signalled = Date.now();
      running.child.kill('SIGTERM');
      const deadline = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5_000).unref());
      const outcome = await Promise.race([running.finished, deadline]);
      expect(outcome).not.toBe('still running');
      expect(outcome).toMatchObject({ code: 0 });
      expect(Date.now() - signalled).toBeLessThan(5_000);
      expect(running.stdout()).toContain('"msg":"shutting down"');
      expect(running.stdout() + running.stderr()).not.toContain(standIn.token);
      standIn.expectNoViolations();
    },
    CHILD_TIMEOUT_MS,
  );
});
