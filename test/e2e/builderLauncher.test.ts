// A reload's builder is started by a small launcher process that the bot starts while it is still
// small (src/library/builderLauncher.ts): a fork from the bot, as large as its library, blocks its
// event loop. Builders started that way keep every guarantee of a builder the bot forks itself.
import { spawn } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { builderLauncherPid, startBuilderLauncher, stopBuilderLauncher } from '../../src/library/builderLauncher.ts';
import { buildInChildProcess, builderEnvironment } from '../../src/library/buildLibraryProcess.ts';
import { BuilderFailed, onBuilderStarted, runningBuilderPids, stopAllBuilders } from '../../src/library/builderWatch.ts';
import { LibraryStore } from '../../src/library/libraryStore.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from '../library/corpusCopy.ts';
import { isRunning } from './support/childProcess.ts';

const hanging = new URL('./fixtures/hangingBuilder.mjs', import.meta.url).href;

afterEach(async () => {
  stopAllBuilders();
  stopBuilderLauncher();
  await removeCorpusCopies();
});

/** The parent of a running process, from Linux's /proc. */
async function parentOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
}

async function gone(pid: number, withinMs = 5000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < withinMs; await new Promise((resolve) => setTimeout(resolve, 50)))
    if (!isRunning(pid)) return true;
  return false;
}

/** Starts a builder that never ends and resolves with its pid and its parent's once it runs. */
async function startHangingBuilder(corpusDir: string, timeoutMs = 60_000) {
  const started = new Promise<number>((resolve) => {
    const stop = onBuilderStarted(({ pid }) => {
      stop();
      resolve(pid);
    });
  });
  const building = buildInChildProcess({ corpusDir }, { timeoutMs, entry: hanging }).catch((caught: unknown) => caught);
  const pid = await started;
  return { pid, parent: await parentOf(pid), building };
}

// Each test starts Node processes under tsx: seconds each on a busy 2-core machine.
describe.runIf(process.platform === 'linux')('the builder launcher', { timeout: 60_000 }, () => {
  it('starts a reload’s builder from the launcher, not from the bot, and the bot still stops it on shutdown', async () => {
    startBuilderLauncher(builderEnvironment());
    const launcher = builderLauncherPid()!;
    expect(launcher).toBeGreaterThan(0);
    const { pid, parent, building } = await startHangingBuilder(await copyOfBundledCorpus());
    expect(parent).toBe(launcher);
    expect(runningBuilderPids()).toEqual([pid]);
    stopAllBuilders();
    expect(await building).toBeInstanceOf(BuilderFailed);
    expect(await gone(pid)).toBe(true);
    expect(runningBuilderPids()).toEqual([]);
    // The launcher itself stays, for the next reload.
    expect(isRunning(launcher)).toBe(true);
  });

  it('reloads through the launcher: the new article is served', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    startBuilderLauncher(builderEnvironment());
    const parents: number[] = [];
    const stop = onBuilderStarted(
      ({ pid }) =>
        void parentOf(pid).then(
          (parent) => parents.push(parent),
          () => undefined,
        ),
    );
    await appendFile(`${dir}/zz-new.txt`, articleText('2025-07-01', 'Thủ tướng Ba Lan đã hội đàm với Tổng thư ký NATO tại Warsaw.'));
    const result = await store.reload();
    stop();
    expect(result).toMatchObject({ status: 'ok', added: ['zz-new'] });
    expect(parents).toEqual([builderLauncherPid()]);
    const answer = answerQuestion(store.current, { command: 'cite', id: 'zz-new#1' });
    expect(answer.items.at(0)?.citations[0]?.quote).toBe('Thủ tướng Ba Lan đã hội đàm với Tổng thư ký NATO tại Warsaw.');
  });

  it('starts a builder asked for the instant the launcher starts, before it has loaded', async () => {
    const dir = await copyOfBundledCorpus();
    startBuilderLauncher(builderEnvironment());
    const { pid, parent } = await startHangingBuilder(dir);
    expect(parent).toBe(builderLauncherPid());
    stopAllBuilders();
    expect(await gone(pid)).toBe(true);
  });

  it('serves the builders of a launcher started again after a stop, whenever the old one’s end is noticed', async () => {
    const dir = await copyOfBundledCorpus();
    startBuilderLauncher(builderEnvironment());
    const first = builderLauncherPid()!;
    stopBuilderLauncher();
    startBuilderLauncher(builderEnvironment());
    expect(builderLauncherPid()).not.toBe(first);
    const { pid, parent } = await startHangingBuilder(dir);
    expect(parent).toBe(builderLauncherPid());
    // The old launcher's end, noticed only now, ends none of the new one's builders.
    expect(await gone(first)).toBe(true);
    expect(isRunning(pid)).toBe(true);
    expect(runningBuilderPids()).toEqual([pid]);
  });

  it('never sees the bot’s token, nor do the builders it starts', async () => {
    process.env.DISCORD_TOKEN = 'launcher-must-not-see-this';
    try {
      startBuilderLauncher(builderEnvironment());
      const { pid } = await startHangingBuilder(await copyOfBundledCorpus());
      for (const process_ of [builderLauncherPid()!, pid]) {
        const environment = await readFile(`/proc/${process_}/environ`, 'utf8');
        expect(environment).toContain('PATH=');
        expect(environment).not.toContain('launcher-must-not-see-this');
      }
    } finally {
      delete process.env.DISCORD_TOKEN;
    }
  });

  it('kills a builder that never finishes once its time is up', async () => {
    startBuilderLauncher(builderEnvironment());
    const { pid, parent, building } = await startHangingBuilder(await copyOfBundledCorpus(), 1000);
    expect(parent).toBe(builderLauncherPid());
    const error = await building;
    expect(error).toBeInstanceOf(BuilderFailed);
    expect((error as Error).message).toContain('took longer than 1 s and was stopped');
    expect(await gone(pid)).toBe(true);
  });

  it('forks builders from the bot again once the launcher is gone', async () => {
    startBuilderLauncher(builderEnvironment());
    const launcher = builderLauncherPid()!;
    process.kill(launcher, 'SIGKILL');
    expect(await gone(launcher)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100)); // its 'exit' reaches us
    const { pid, parent } = await startHangingBuilder(await copyOfBundledCorpus());
    expect(parent).toBe(process.pid);
    stopAllBuilders();
    expect(await gone(pid)).toBe(true);
  });

  it('goes, with the builder it started, when the bot is killed', async () => {
    const bot = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./fixtures/botWithLauncher.ts', import.meta.url)), await copyOfBundledCorpus(), hanging],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve) => createInterface({ input: bot.stdout }).once('line', resolve));
    const { launcher, builder } = JSON.parse(line) as { launcher: number; builder: number };
    expect(await parentOf(builder)).toBe(launcher);
    expect(await parentOf(launcher)).toBe(bot.pid);
    bot.kill('SIGKILL');
    expect(await gone(launcher)).toBe(true);
    expect(await gone(builder)).toBe(true);
  });
});
