import type { BigIntStats } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashCorpus } from '../../src/library/cacheKey.ts';
import { CACHE_DIR } from '../../src/library/cacheFormat.ts';
import { MANIFEST_FILE, isRacilyClean } from '../../src/library/corpusManifest.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

const elsewhere: string[] = [];
afterEach(async () => {
  await removeCorpusCopies();
  for (const dir of elsewhere.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The bundled corpus's files: two articles and the glossary. */
const FILE_COUNT = 3;
const ARTICLE = '000_4f467cfc7a82818c.txt';
const manifestPath = (dir: string) => join(dir, CACHE_DIR, MANIFEST_FILE);

/**
 * Returns once the filesystem's clock has passed the last change of every file in `dir`, so that none
 * is "racily clean" and the manifest vouches for every one (no sleep: the clock is polled).
 */
async function untilClockPasses(dir: string): Promise<void> {
  const changes = await Promise.all((await readdir(dir)).map(async (name) => (await lstat(join(dir, name), { bigint: true })).ctimeNs));
  const latest = changes.reduce((a, b) => (a > b ? a : b));
  const probe = join(dir, '.clock-probe');
  for (;;) {
    await writeFile(probe, '');
    const now = (await stat(probe, { bigint: true })).mtimeNs;
    await rm(probe);
    if (now > latest) return;
  }
}

async function settledCorpus(): Promise<string> {
  const dir = await copyOfBundledCorpus();
  await untilClockPasses(dir);
  return dir;
}

async function folderElsewhere(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'citebot-elsewhere-'));
  elsewhere.push(dir);
  return dir;
}

/** The manifest with every hash replaced: if it were trusted, the key would change. */
function poisoned(manifest: string, change: (json: Record<string, unknown>) => void = () => undefined): string {
  const json = JSON.parse(manifest) as { hashes: string[] } & Record<string, unknown>;
  json.hashes = json.hashes.map(() => 'f'.repeat(64));
  change(json);
  return JSON.stringify(json);
}

describe('the corpus key', () => {
  it('is the same with the manifest as without it, and reads no file while nothing changed', async () => {
    const dir = await settledCorpus();
    const first = await hashCorpus(dir);
    expect(first.filesRead).toBe(FILE_COUNT);
    const second = await hashCorpus(dir);
    expect(second).toEqual({ key: first.key, filesRead: 0 });
    await rm(manifestPath(dir));
    expect(await hashCorpus(dir)).toEqual({ key: first.key, filesRead: FILE_COUNT });
  });

  it('notices an article edited in place with the same size and its mtime put back (the ctime still moves)', async () => {
    const dir = await settledCorpus();
    const path = join(dir, ARTICLE);
    // A whole second, so that utimes can put the very same nanoseconds back.
    await utimes(path, 1_700_000_000, 1_700_000_000);
    await untilClockPasses(dir);
    const before = await hashCorpus(dir);
    const statBefore = await lstat(path, { bigint: true });

    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('Stoltenberg', 'Stoltenbreg'));
    await utimes(path, 1_700_000_000, 1_700_000_000);
    const statAfter = await lstat(path, { bigint: true });
    expect([statAfter.size, statAfter.mtimeNs, statAfter.ino]).toEqual([statBefore.size, statBefore.mtimeNs, statBefore.ino]);

    const after = await hashCorpus(dir);
    expect(after.filesRead).toBe(1);
    expect(after.key).not.toBe(before.key);
    await rm(manifestPath(dir));
    expect((await hashCorpus(dir)).key).toBe(after.key);
  });

  it('reads again a file last changed at or after the clock it was stat’ed under ("racily clean")', async () => {
    const dir = await settledCorpus();
    // An mtime in the future stands for a change in the same clock tick as the hashing.
    const future = Date.now() / 1000 + 3600;
    await utimes(join(dir, ARTICLE), future, future);
    const first = await hashCorpus(dir);
    expect(first.filesRead).toBe(FILE_COUNT);
    expect(await hashCorpus(dir)).toEqual({ key: first.key, filesRead: 1 });
  });

  it('treats a stamp from the same tick as the clock as unproven, and an older one as proof', () => {
    const clock = 1_800_000_000_123_456_789n;
    const statAt = (mtimeNs: bigint, ctimeNs: bigint) => ({ mtimeNs, ctimeNs }) as BigIntStats;
    expect(isRacilyClean(statAt(clock - 1n, clock - 1n), clock)).toBe(false);
    expect(isRacilyClean(statAt(clock - 1n, clock), clock)).toBe(true);
    expect(isRacilyClean(statAt(clock, clock - 1n), clock)).toBe(true);
    expect(isRacilyClean(statAt(clock + 5n, clock + 5n), clock)).toBe(true);
  });

  it('changes when a file is added and back when it is removed; files the loader skips stay out', async () => {
    const dir = await settledCorpus();
    const first = await hashCorpus(dir);
    await writeFile(join(dir, '002_added.txt'), articleText('2024-01', 'Hai bên đã hội đàm tại Hà Nội.'));
    await untilClockPasses(dir);
    const added = await hashCorpus(dir);
    expect(added.key).not.toBe(first.key);
    expect(added.filesRead).toBe(1);
    await rm(join(dir, '002_added.txt'));
    expect(await hashCorpus(dir)).toEqual({ key: first.key, filesRead: 0 });
    // The manifest keeps no name that is gone.
    expect((JSON.parse(await readFile(manifestPath(dir), 'utf8')) as { names: string[] }).names).not.toContain('002_added.txt');

    await writeFile(join(dir, 'notes.docx'), 'PK');
    await mkdir(join(dir, 'archive'));
    await writeFile(join(dir, 'archive', '003_old.txt'), articleText('2020-01', 'Cũ.'));
    expect((await hashCorpus(dir)).key).toBe(first.key);
  });

  describe('ignores a manifest it cannot trust, reads every file and writes a good one', () => {
    const damages: Record<string, (dir: string, good: string) => Promise<void>> = {
      'cut short': (dir, good) => writeFile(manifestPath(dir), good.slice(0, good.length / 2)),
      'with a malformed hash': (dir, good) =>
        writeFile(
          manifestPath(dir),
          poisoned(good, (json) => {
            json.hashes = (json.hashes as string[]).map(() => 'z'.repeat(64));
          }),
        ),
      'with lists of different lengths': (dir, good) =>
        writeFile(
          manifestPath(dir),
          poisoned(good, (json) => {
            json.names = [...(json.names as string[]), 'extra.txt'];
          }),
        ),
      'made by other code (another fingerprint)': (dir, good) =>
        writeFile(
          manifestPath(dir),
          poisoned(good, (json) => {
            json.keyPrefix = 'citebot corpus v1\nanother fingerprint\n';
          }),
        ),
      'a symlink to a manifest elsewhere': async (dir, good) => {
        const outside = join(await folderElsewhere(), MANIFEST_FILE);
        await writeFile(outside, poisoned(good));
        await rm(manifestPath(dir));
        await symlink(outside, manifestPath(dir));
      },
      'a folder': async (dir) => {
        await rm(manifestPath(dir));
        await mkdir(manifestPath(dir));
      },
    };
    for (const [damage, apply] of Object.entries(damages)) {
      it(`such as one ${damage}`, async () => {
        const dir = await settledCorpus();
        const first = await hashCorpus(dir);
        await apply(dir, await readFile(manifestPath(dir), 'utf8'));
        expect(await hashCorpus(dir)).toEqual({ key: first.key, filesRead: FILE_COUNT });
        if ((await lstat(manifestPath(dir))).isFile()) expect(await hashCorpus(dir)).toEqual({ key: first.key, filesRead: 0 });
      });
    }
  });

  it('never reads or writes a manifest through a cache folder that is a symlink', async () => {
    const dir = await settledCorpus();
    const outside = await folderElsewhere();
    await symlink(outside, join(dir, CACHE_DIR));
    const first = await hashCorpus(dir);
    expect(await readdir(outside)).toEqual([]);
    // A manifest placed there by someone else is not trusted either.
    await rm(join(dir, CACHE_DIR));
    await hashCorpus(dir);
    const good = await readFile(manifestPath(dir), 'utf8');
    await rm(join(dir, CACHE_DIR), { recursive: true });
    await writeFile(join(outside, MANIFEST_FILE), poisoned(good));
    await symlink(outside, join(dir, CACHE_DIR));
    expect(await hashCorpus(dir)).toEqual({ key: first.key, filesRead: FILE_COUNT });
  });
});
