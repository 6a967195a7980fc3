// A record, beside the index cache, of each corpus file's content hash and of what `lstat` said of the
// file just before it was read (git's index idea): the next corpus key re-reads only the files whose
// stat differs. It only saves work: a missing, damaged, linked or foreign manifest means every file is
// read again, never an error; a manifest that cannot be written is simply not written.

import { randomBytes } from 'node:crypto';
import { type BigIntStats, constants } from 'node:fs';
import { lstat, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { cacheFolder } from './cacheFile.ts';

export const MANIFEST_FILE = 'corpus-manifest.json';
const MANIFEST_FORMAT = 1;
/** Far above a decade of news (~15 MB at 87,000 files); anything larger is not ours to parse. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** One file as hashed: the sha256 of its bytes, and its {@link fileStamp} taken before they were read. */
export interface ManifestEntry {
  stamp: string;
  sha256: string;
}
/** Entries by file name. */
export type Manifest = Map<string, ManifestEntry>;

/**
 * Size, modification and change times in nanoseconds, and inode: what changes when a file is written
 * in place, replaced by a rename, or has its mtime put back with `utimes` (the ctime then still moves,
 * and no one can set it back).
 */
export function fileStamp(stats: BigIntStats): string {
  return `${stats.size} ${stats.mtimeNs} ${stats.ctimeNs} ${stats.ino}`;
}

/**
 * A file's stamp proves nothing when it was last changed at or after `clockNs`, the filesystem's clock
 * read before the file was stat'ed and read (git's "racily clean" entries). Timestamps move in ticks
 * (a few milliseconds on Linux, a second or two on some filesystems): a second edit in the same tick
 * as the one before the read leaves size, times and inode as they were, so the entry would match
 * while the bytes differ. A file last changed strictly before the clock was read can only change
 * afterwards in a later tick, which its ctime then shows. Such files are not recorded, and read again.
 */
export function isRacilyClean(stats: BigIntStats, clockNs: bigint): boolean {
  return stats.mtimeNs >= clockNs || stats.ctimeNs >= clockNs;
}

const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    /** The key's prefix (cache version and code fingerprint): a manifest made under another is not used. */
    keyPrefix: z.string(),
    names: z.array(z.string().min(1)),
    stamps: z.array(z.string().regex(/^\d+ \d+ \d+ \d+$/)),
    hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  })
  .refine((manifest) => manifest.stamps.length === manifest.names.length && manifest.hashes.length === manifest.names.length);

/** The manifest written under `keyPrefix`, or an empty one when there is none that can be trusted to be ours. */
export async function readManifest(corpusDir: string, keyPrefix: string): Promise<Manifest> {
  const none: Manifest = new Map();
  let text: string;
  try {
    const folder = await cacheFolder(corpusDir, false);
    if (!folder.ok) return none;
    const path = join(folder.dir, MANIFEST_FILE);
    // Only a regular file, opened without following a link swapped in since, and without blocking.
    if (!(await lstat(path)).isFile()) return none;
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_MANIFEST_BYTES) return none;
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return none;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return none;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success || parsed.data.keyPrefix !== keyPrefix) return none;
  const { names, stamps, hashes } = parsed.data;
  return new Map(names.map((name, i) => [name, { stamp: stamps[i]!, sha256: hashes[i]! }]));
}

/**
 * The filesystem's own clock, read as the mtime of a file just made in the cache folder (the folder is
 * made if nothing is there): the clock the corpus files' times come from, which the process's clock
 * may not match (a network filesystem, coarse ticks). Undefined when the folder cannot be written.
 */
export async function readFilesystemClock(corpusDir: string): Promise<bigint | undefined> {
  let probe: string | undefined;
  try {
    const folder = await cacheFolder(corpusDir, 'if-absent');
    if (!folder.ok) return undefined;
    probe = tempPath(folder.dir);
    // `wx`: never opens through a link or an existing file.
    const handle = await open(probe, 'wx');
    try {
      return (await handle.stat({ bigint: true })).mtimeNs;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  } finally {
    if (probe) await rm(probe, { force: true }).catch(() => undefined);
  }
}

/** Replaces the manifest atomically (temp file + rename); a failure leaves the old one or none, silently. */
export async function writeManifest(corpusDir: string, keyPrefix: string, manifest: Manifest): Promise<void> {
  let temp: string | undefined;
  try {
    const folder = await cacheFolder(corpusDir, false);
    if (!folder.ok) return;
    const entries = [...manifest];
    const json = JSON.stringify({
      format: MANIFEST_FORMAT,
      keyPrefix,
      names: entries.map(([name]) => name),
      stamps: entries.map(([, entry]) => entry.stamp),
      hashes: entries.map(([, entry]) => entry.sha256),
    } satisfies z.infer<typeof manifestSchema>);
    temp = tempPath(folder.dir);
    await writeFile(temp, json, { flag: 'wx' });
    // rename replaces a link or anything else in its place, never writes through it.
    await rename(temp, join(folder.dir, MANIFEST_FILE));
  } catch {
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** A `.tmp` name: one left by a crash is removed with the cache's own stale temp files. */
function tempPath(dir: string): string {
  return join(dir, `${MANIFEST_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
