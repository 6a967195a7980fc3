// `npm run start:sharded` as an operator runs it: a ShardingManager process and one child process per
// shard (the count asked from the stand-in's GET /gateway/bot), members answered in guilds of both shards,
// /reload in one shard reloading every shard, and SIGTERM stopping every process.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deployCommands.ts';
import { DiscordDriver } from '../../tools/discord-stand-in/discordDriver.ts';
import { shardOfGuild, snowflakeAt } from '../../tools/discord-stand-in/snowflake.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../../tools/discord-stand-in/standIn.ts';
import { copyCorpus, MODERATOR_ROLE } from './support/citebotOnStandIn.ts';
import { isRunning, startScript, type RunningScript } from './support/childProcess.ts';
import { buttonLabelled, visibleText } from './support/whatMembersSee.ts';

// Consecutive milliseconds put the two guilds on different shards of two: (id >> 22) % 2.
const JAN_2024 = Date.UTC(2024, 0, 1);
const GUILD_ON_SHARD_0 = { id: snowflakeAt(JAN_2024), name: 'Phòng tin Chẵn', preferredLocale: 'vi', roles: [{ name: MODERATOR_ROLE }] };
const GUILD_ON_SHARD_1 = { id: snowflakeAt(JAN_2024 + 1), name: 'Phòng tin Lẻ', preferredLocale: 'vi', roles: [{ name: MODERATOR_ROLE }] };

const NEW_ARTICLE_ID = '002_sau_rieng';
const NEW_ARTICLE = [
  'date 2025-07-02 Photo : TTXVN',
  '',
  'Ngày 1/7, tại Hà Nội, Bộ Nông nghiệp và Môi trường cho biết xuất khẩu sầu riêng sang Trung Quốc tăng mạnh trong sáu tháng đầu năm.',
  'Nhiều hợp tác xã ở Tiền Giang đã ký hợp đồng bao tiêu sầu riêng với các doanh nghiệp xuất khẩu.',
  '',
].join('\n');

/** Two shards start one after another, 5.5 s apart as Discord's identify limit demands, each loading TypeScript through tsx. */
const START_TIMEOUT_MS = 30_000;

interface LogLine {
  msg?: string;
  process?: string;
  shardId?: number;
  pid?: number;
  fromCache?: boolean;
}

function logLines(stdout: string): LogLine[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('npm run start:sharded', () => {
  let standIn: DiscordStandIn;
  let corpus: Awaited<ReturnType<typeof copyCorpus>>;
  let running: RunningScript;
  let driver: DiscordDriver;
  const moderatorIn = (guildId: string) => ({ guildId, roles: [MODERATOR_ROLE], locale: 'en-US' });
  const shardPids = () =>
    logLines(running.stdout())
      .filter((line) => line.msg === 'shard started')
      .map((line) => line.pid!);

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ shardCount: 2, heartbeatIntervalMs: 1_000, guilds: [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1] });
    corpus = await copyCorpus();
    // Start without an index cache (the bundled folder may have one from another run): shard 0 builds it.
    await rm(join(corpus.dir, '.index-cache'), { recursive: true, force: true });
    const env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_URL: standIn.restApi,
      DISCORD_APPLICATION_ID: standIn.world.application.id,
      CORPUS_DIR: corpus.dir,
      MODERATOR_ROLE_IDS: [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1].map((guild) => standIn.world.role(MODERATOR_ROLE, guild.id).id).join(','),
      MODERATION_GUILD_IDS: [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1].map((guild) => guild.id).join(','),
      LOG_LEVEL: 'info',
    };
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    await deployCommands(loaded.config);
    driver = new DiscordDriver(standIn);

    running = startScript('start:sharded', env);
    await running.waitForLine((line) => line.includes('"msg":"started"') && line.includes('"process":"shard-manager"'));
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    // Normally the SIGTERM test has stopped everything. If not, kill what is left by pid: killing npm
    // alone would leave the manager (and its shards) holding the output pipes open.
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      const pids = [
        ...logLines(running.stdout())
          .filter((line) => line.msg === 'starting shards')
          .map((line) => line.pid!),
        ...shardPids(),
      ];
      for (const pid of pids) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
      running.child.kill('SIGKILL');
      await running.finished;
    }
    await standIn?.close();
    await corpus?.remove();
  });

  it('asks Discord for the shard count and runs each shard in its own process', () => {
    expect(shardOfGuild(GUILD_ON_SHARD_0.id, 2)).toBe(0);
    expect(shardOfGuild(GUILD_ON_SHARD_1.id, 2)).toBe(1);
    expect(standIn.rest.requests.some((request) => request.method === 'GET' && request.path === '/gateway/bot')).toBe(true);
    expect(standIn.gateway.identifies.map((identify) => identify.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = shardPids();
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(running.child.pid);
  });

  it('starts shard 0 first, which builds the index cache that shard 1 then loads', () => {
    const loads = logLines(running.stdout()).filter((line) => line.msg === 'corpus loaded');
    expect(loads.map(({ shardId, fromCache }) => ({ shardId, fromCache }))).toEqual([
      { shardId: 0, fromCache: false },
      { shardId: 1, fromCache: true },
    ]);
  });

  it('answers a member in a guild of shard 0 and in a guild of shard 1', async () => {
    for (const guild of [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1]) {
      const seen = await driver.invokeCommand({ name: 'who-met', options: { year: 2025 }, guildId: guild.id });
      expect(visibleText(seen.reply)).toContain('Mark Rutte');
    }
    standIn.expectNoViolations();
  });

  it('/reload by a moderator in shard 1 reloads both shards, and shard 0 then quotes the new article', async () => {
    const before = await driver.invokeCommand({ name: 'ask', options: { question: 'sầu riêng' }, guildId: GUILD_ON_SHARD_0.id });
    expect(visibleText(before.reply)).not.toContain(NEW_ARTICLE_ID);

    await writeFile(join(corpus.dir, `${NEW_ARTICLE_ID}.txt`), NEW_ARTICLE);
    const reloaded = await driver.invokeCommand({ name: 'reload', ...moderatorIn(GUILD_ON_SHARD_1.id), timeoutMs: 15_000 });
    expect(reloaded.ephemeral).toBe(true);
    const report = visibleText(reloaded.reply);
    expect(report).toContain('Library reloaded on all 2 shards');
    expect(report).toContain('Shard 0: reloaded');
    expect(report).toContain('Shard 1: reloaded');
    expect(report.split('\n').filter((line) => line === `Added (1): \`${NEW_ARTICLE_ID}\``)).toHaveLength(2);

    // Another member: the first one is still in their cooldown.
    const colleague = standIn.world.user({ username: 'minh.le' });
    const after = await driver.invokeCommand({
      name: 'ask',
      options: { question: 'sầu riêng' },
      guildId: GUILD_ON_SHARD_0.id,
      user: colleague,
    });
    expect(visibleText(after.reply)).toContain('xuất khẩu sầu riêng sang Trung Quốc');
    expect(visibleText(after.reply)).toContain(NEW_ARTICLE_ID);
    standIn.expectNoViolations();
  });

  it('/library add and remove by a moderator in shard 0 leave both shards with the same library', async () => {
    const articleId = '003_thanh_long';
    const article = NEW_ARTICLE.replace(/sầu riêng/g, 'thanh long ruột đỏ');
    const preview = await driver.invokeCommand({
      name: 'library',
      subcommand: 'add',
      options: { file: { filename: `${articleId}.txt`, content: article } },
      ...moderatorIn(GUILD_ON_SHARD_0.id),
    });
    const added = await driver.pressButton({
      message: preview.reply!,
      customId: buttonLabelled(preview.reply, 'Add').customId,
      ...moderatorIn(GUILD_ON_SHARD_0.id),
      timeoutMs: 15_000,
    });
    const report = visibleText(added.reply);
    expect(report).toContain(`Article ${articleId} added`);
    expect(report).toContain('Library reloaded on all 2 shards');
    expect(report.split('\n').filter((line) => line === `Added (1): \`${articleId}\``)).toHaveLength(2);
    const inShard1 = await driver.invokeCommand({
      name: 'ask',
      options: { question: 'thanh long ruột đỏ' },
      guildId: GUILD_ON_SHARD_1.id,
      user: standIn.world.user(),
    });
    expect(visibleText(inShard1.reply)).toContain(articleId);

    const confirm = await driver.invokeCommand({
      name: 'library',
      subcommand: 'remove',
      options: { id: articleId },
      ...moderatorIn(GUILD_ON_SHARD_0.id),
    });
    const removed = await driver.pressButton({
      message: confirm.reply!,
      customId: buttonLabelled(confirm.reply, 'Remove').customId,
      ...moderatorIn(GUILD_ON_SHARD_0.id),
      timeoutMs: 15_000,
    });
    expect(
      visibleText(removed.reply)
        .split('\n')
        .filter((line) => line === `Removed (1): \`${articleId}\``),
    ).toHaveLength(2);
    const goneFromShard1 = await driver.invokeCommand({ name: 'sources', guildId: GUILD_ON_SHARD_1.id, user: standIn.world.user() });
    expect(visibleText(goneFromShard1.reply)).not.toContain(articleId);
    standIn.expectNoViolations();
  });

  it('stops every shard and exits 0 on SIGTERM, without printing the token', async () => {
    const pids = shardPids();
    running.child.kill('SIGTERM');
    const finished = await running.finished;
    expect(finished.code).toBe(0);
    expect(running.stdout()).toContain('"msg":"stopped"');
    for (const pid of pids) expect(isRunning(pid), `shard process ${pid} still running`).toBe(false);
    expect(running.stdout() + running.stderr()).not.toContain(standIn.token);
  });
});

describe('npm run start:sharded with a broken corpus', () => {
  let standIn: DiscordStandIn | undefined;
  let corpus: Awaited<ReturnType<typeof copyCorpus>> | undefined;
  afterAll(async () => {
    await standIn?.close();
    await corpus?.remove();
  });

  it(
    'starts anyway with a bad file: every shard serves the valid articles and logs the file:line of the problem',
    async () => {
      standIn = await startDiscordStandIn({ shardCount: 2, heartbeatIntervalMs: 1_000, guilds: [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1] });
      corpus = await copyCorpus();
      await rm(join(corpus.dir, '.index-cache'), { recursive: true, force: true });
      await writeFile(join(corpus.dir, '003_broken.txt'), 'date 2025-13-01\n\nMột đoạn văn.\n');
      const env = {
        DISCORD_TOKEN: standIn.token,
        DISCORD_API_URL: standIn.restApi,
        DISCORD_APPLICATION_ID: standIn.world.application.id,
        CORPUS_DIR: corpus.dir,
      };
      const loaded = loadConfig(env);
      if (!loaded.ok) throw new Error(loaded.errors.join('; '));
      await deployCommands(loaded.config);
      const running = startScript('start:sharded', env);
      try {
        await running.waitForLine((line) => line.includes('"msg":"started"') && line.includes('"process":"shard-manager"'));
        const notLoaded = logLines(running.stdout()).filter((line) => line.msg === 'article not loaded') as (LogLine & {
          problem?: string;
        })[];
        expect(notLoaded.map((line) => line.shardId).sort()).toEqual([0, 1]);
        expect(notLoaded[0]?.problem).toMatch(/^003_broken\.txt:1: /);
        const seen = await new DiscordDriver(standIn).invokeCommand({
          name: 'who-met',
          options: { year: 2025 },
          guildId: GUILD_ON_SHARD_1.id,
        });
        expect(visibleText(seen.reply)).toContain('Mark Rutte');
        running.child.kill('SIGTERM');
        expect((await running.finished).code).toBe(0);
      } finally {
        await running.killAll();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'exits 1 when nothing can be served (the corpus folder is missing), without leaving a shard running',
    async () => {
      standIn = await startDiscordStandIn({ shardCount: 2, guilds: [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1] });
      const finished = await startScript('start:sharded', {
        DISCORD_TOKEN: standIn.token,
        DISCORD_API_URL: standIn.restApi,
        CORPUS_DIR: join(corpus!.dir, 'missing'),
      }).finished;
      expect(finished.code).toBe(1);
      expect(finished.stderr).toContain('(corpus folder):0: cannot open the corpus folder');
      expect(finished.stderr).toContain('citebot cannot start: a shard did not get ready');
      const started = logLines(finished.stdout).filter((line) => line.msg === 'shard started');
      expect(started.map((line) => line.shardId)).toEqual([0]);
      for (const line of started) expect(isRunning(line.pid!)).toBe(false);
      expect(standIn.gateway.identifies).toEqual([]);
      expect(finished.stdout + finished.stderr).not.toContain(standIn.token);
    },
    START_TIMEOUT_MS,
  );
});
