// The compiled bot (`npm run build` into dist/, run by `npm start` with plain node, no tsx): the CLI gives
// the same answers as the TypeScript sources, and the bot's library builders start from the compiled
// modules: a worker thread at start-up and a child process for /reload. A build that emits broken JavaScript, or
// a launcher that still needs tsx, fails here (the e2e project builds dist/ first: support/buildOnce.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deployCommands.ts';
import { DiscordDriver } from '../../tools/discord-stand-in/discordDriver.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../../tools/discord-stand-in/standIn.ts';
import { MEMBER_PERMISSIONS } from '../../tools/discord-stand-in/world.ts';
import { copyCorpus } from './support/citebotOnStandIn.ts';
import { startScript, type RunningScript } from './support/childProcess.ts';
import { visibleText } from './support/whatMembersSee.ts';

const CHILD_TIMEOUT_MS = 60_000;
const COMMAND_LINES = [
  '/who-met year:2025',
  '/agreements',
  '/ask question:hợp tác công nghiệp quốc phòng',
  '/sources',
  '/who-met person:Nobody Atall',
];

function runNode(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, args, { timeout: CHILD_TIMEOUT_MS }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

/** The JSON answers, one per line, without the time each took (the one field that differs run to run). */
function answersOf(stdout: string): unknown[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => {
      const { tookMs: _tookMs, ...answer } = JSON.parse(line) as Record<string, unknown>;
      return answer;
    });
}

describe('the compiled CLI', () => {
  it(
    'node dist/src/cli/main.js answers as the sources do, and reads back the cache it wrote',
    async () => {
      expect(existsSync('dist/src/cli/main.js')).toBe(true);
      const compiledCorpus = await copyCorpus();
      const sourceCorpus = await copyCorpus();
      try {
        // No cache: each builds its library (the CLI builds in its own thread) and writes the cache.
        await Promise.all(
          [compiledCorpus, sourceCorpus].map((corpus) => rm(join(corpus.dir, '.index-cache'), { recursive: true, force: true })),
        );
        const input = `${COMMAND_LINES.join('\n')}\n`;
        const [compiled, source] = await Promise.all([
          runNode(['dist/src/cli/main.js', '--batch', '--json', '--corpus', compiledCorpus.dir], input),
          runNode(['--import', 'tsx', 'src/cli/main.ts', '--batch', '--json', '--corpus', sourceCorpus.dir], input),
        ]);
        expect(compiled.code).toBe(0);
        expect(compiled.stderr).toBe('');
        const answers = answersOf(compiled.stdout);
        expect(answers).toHaveLength(COMMAND_LINES.length);
        expect(JSON.stringify(answers[0])).toContain('Mark Rutte');
        expect(answers).toEqual(answersOf(source.stdout));
        // It left a cache behind, which a second run reads instead of building.
        expect(existsSync(join(compiledCorpus.dir, '.index-cache', 'library.bin'))).toBe(true);
        const again = await runNode(['dist/src/cli/main.js', '--batch', '--json', '--corpus', compiledCorpus.dir], input);
        expect(answersOf(again.stdout)).toEqual(answers);
      } finally {
        await Promise.all([compiledCorpus.remove(), sourceCorpus.remove()]);
      }
    },
    CHILD_TIMEOUT_MS,
  );
});

describe('the compiled code fingerprint', () => {
  /** codeFingerprint() of the compiled cacheKey.js under `root` (a folder holding dist/). */
  const fingerprintIn = async (root: string) => {
    const script = `import(${JSON.stringify(pathToFileURL(resolve(root, 'dist/src/library/cacheKey.js')).href)}).then(async (m) => process.stdout.write(await m.codeFingerprint()))`;
    const run = await runNode(['--input-type=module', '-e', script], '');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^[0-9a-f]{64}$/);
    return run.stdout;
  };

  it(
    'hashes the compiled JavaScript of the library folders: an edit there changes it, an edit to the Discord code does not',
    async () => {
      // A copy of the build, so its files can be edited (the packages resolved through a link).
      const root = await mkdtemp(join(tmpdir(), 'citebot-dist-'));
      try {
        await cp('dist', join(root, 'dist'), { recursive: true });
        await cp('package.json', join(root, 'package.json'));
        await symlink(resolve('node_modules'), join(root, 'node_modules'));
        const built = await fingerprintIn(root);
        expect(await fingerprintIn('.')).toBe(built);
        await appendFile(join(root, 'dist/src/discord/renderAnswer.js'), '\n// not library code\n');
        expect(await fingerprintIn(root)).toBe(built);
        await appendFile(join(root, 'dist/src/search/passageIndex.js'), '\n// library code\n');
        expect(await fingerprintIn(root)).not.toBe(built);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
    CHILD_TIMEOUT_MS,
  );
});

describe('npm start (compiled)', () => {
  let standIn: DiscordStandIn | undefined;
  let running: RunningScript | undefined;
  afterEach(async () => {
    await running?.killAll();
    running = undefined;
    await standIn?.close();
    standIn = undefined;
  });

  it(
    'answers a member, then reloads through a compiled builder process and answers from the new article',
    async () => {
      standIn = await startDiscordStandIn({ heartbeatIntervalMs: 1000 });
      const corpus = await copyCorpus();
      try {
        await rm(join(corpus.dir, '.index-cache'), { recursive: true, force: true });
        const env = {
          DISCORD_TOKEN: standIn.token,
          DISCORD_API_URL: standIn.restApi,
          DISCORD_APPLICATION_ID: standIn.world.application.id,
          CORPUS_DIR: corpus.dir,
          MODERATION_GUILD_IDS: standIn.world.guild().id,
        };
        const loaded = loadConfig(env);
        if (!loaded.ok) throw new Error(loaded.errors.join('; '));
        await deployCommands(loaded.config);

        running = startScript('start', env);
        await running.waitForLine((line) => line.includes('"msg":"started"'));
        const driver = new DiscordDriver(standIn);
        const before = await driver.invokeCommand({ name: 'who-met', options: { year: 2025 } });
        expect(visibleText(before.reply)).toContain('Mark Rutte');

        await writeFile(
          join(corpus.dir, '002_new.txt'),
          'date 2025-11-02\n\nNgày 1/11, tại Đà Nẵng, hai Bộ trưởng Ngoại giao đã hội đàm về hợp tác nuôi trồng thanh long xuất khẩu.\n',
        );
        const reloaded = await driver.invokeCommand({
          name: 'reload',
          permissions: BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild,
          timeoutMs: 30_000,
        });
        // The stand-in's server speaks Vietnamese: "Thêm (1)" is "Added (1)".
        expect(visibleText(reloaded.reply)).toContain('Thêm (1)\n`002_new`');
        // The reload was built by a child process (the compiled module itself, as no tsx is shipped in dist/),
        // started by the compiled builder launcher, not forked by the bot.
        const logs = running
          .stdout()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        const builders = logs.filter((line) => line.msg === 'library builder started');
        expect(builders.map((line) => line.kind)).toEqual(['process']);
        expect(builders[0]!.launcher).toEqual(expect.any(Number));
        expect(builders[0]!.launcher).not.toBe(running.child.pid);
        // Another member: the one who reloaded is inside the per-member cooldown.
        const after = await driver.invokeCommand({ name: 'ask', options: { question: 'thanh long' }, user: standIn.world.user() });
        expect(visibleText(after.reply)).toContain('002_new#1');

        // Built at start-up in a worker thread: a worker that could not start would be logged as a corpus warning.
        expect(logs.filter((line) => line.level !== 'info')).toEqual([]);
        expect(logs.find((line) => line.msg === 'corpus loaded')).toMatchObject({ fromCache: false, articles: 2 });
        // The engines ran on the library while the bot logged in, so no member's command warmed them.
        const order = (msg: string) => logs.findIndex((line) => line.msg === msg);
        expect(logs[order('engines warmed up')]).toMatchObject({ finished: true, calls: expect.any(Number) });
        expect(order('corpus loaded')).toBeLessThan(order('engines warmed up'));
        running.child.kill('SIGTERM');
        expect(await running.finished).toMatchObject({ code: 0 });
        standIn.expectNoViolations();
      } finally {
        await corpus.remove();
      }
    },
    CHILD_TIMEOUT_MS,
  );
});
