// Saves a built Library next to its corpus, in `<corpusDir>/.index-cache/library.bin`, so the next start
// skips parsing, segmenting, indexing and extraction, and reads it back. One file, written atomically
// (temp file + rename); a cache that is stale, foreign, truncated or corrupt is a reason, never trusted.

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CACHE_DIR,
  CACHE_FILE,
  CACHE_VERSION,
  type CacheHeader,
  type EncodedLibrary,
  type LibraryInFile,
  MAGIC,
  headerSchema,
  padding,
} from './cacheFormat.ts';

/** Temp files older than this are left over from a crash mid-write, not a write in progress. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export function cachePath(corpusDir: string): string {
  return join(corpusDir, CACHE_DIR, CACHE_FILE);
}

/**
 * Where the cache may live: `<corpusDir>/.index-cache` as a real folder. A symlink there is refused,
 * never read or written through (it could point the bot's writes and temp-file clean-up anywhere);
 * anything else in its place (a file, a pipe) is the bot's own damaged cache and is replaced (only
 * `create: true`; `'if-absent'` makes the folder where nothing is, and leaves the rest to the cache's writer).
 */
export async function cacheFolder(
  corpusDir: string,
  create: boolean | 'if-absent',
): Promise<{ ok: true; dir: string; replaced?: string } | { ok: false; reason: string }> {
  const dir = join(corpusDir, CACHE_DIR);
  let replaced: string | undefined;
  const info = await lstat(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (info?.isSymbolicLink())
    return {
      ok: false,
      reason: `${CACHE_DIR} is a symbolic link: refused, the cache is neither read nor written through it (replace the link with a folder or remove it)`,
    };
  if (info && !info.isDirectory()) {
    if (create !== true) return { ok: false, reason: `${CACHE_DIR} is not a folder` };
    await rm(dir, { force: true });
    replaced = `${CACHE_DIR} was not a folder: replaced`;
  }
  if (!info || replaced) {
    if (!create) return { ok: false, reason: 'no cache yet' };
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
    // Whoever won a race to create it must have made a folder, not a link.
    const made = await lstat(dir);
    if (!made.isDirectory()) return { ok: false, reason: `${CACHE_DIR} changed while being created: refused` };
  }
  return { ok: true, dir, ...(replaced ? { replaced } : {}) };
}

/** Writes the cache atomically; a folder that cannot be written is a warning, not a failure. */
export async function writeLibraryCache(
  corpusDir: string,
  encoded: EncodedLibrary,
): Promise<{ ok: true; notes: string[] } | { ok: false; warning: string }> {
  let temp: string | undefined;
  const notes: string[] = [];
  try {
    const folder = await cacheFolder(corpusDir, true);
    if (!folder.ok)
      return { ok: false, warning: `the index cache was not written: ${folder.reason} (the corpus still loads; every start rebuilds)` };
    if (folder.replaced) notes.push(folder.replaced);
    const { dir } = folder;
    temp = join(dir, `${CACHE_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    await removeStaleTempFiles(dir);
    // A folder (or anything but a file) where the cache file goes would make every rename fail.
    const existing = await lstat(cachePath(corpusDir)).catch(() => undefined);
    if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
      await rm(cachePath(corpusDir), { recursive: true, force: true });
      notes.push(`${CACHE_DIR}/${CACHE_FILE} was not a file: replaced`);
    }
    const headerBytes = Buffer.from(JSON.stringify(encoded.header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.byteLength);
    const prefix = MAGIC.byteLength + 4 + headerBytes.byteLength;
    const parts: Uint8Array[] = [MAGIC, length, headerBytes, Buffer.alloc(padding(prefix))];
    for (const section of encoded.sections) parts.push(section, Buffer.alloc(padding(section.byteLength)));
    // `wx`: never opens through a link or an existing file.
    const file = await open(temp, 'wx');
    try {
      // writev takes at most IOV_MAX (1024) buffers per call.
      for (let start = 0; start < parts.length; start += 512) await file.writev(parts.slice(start, start + 512));
    } finally {
      await file.close();
    }
    // rename replaces a link or a damaged file in its place, never writes through it.
    await rename(temp, cachePath(corpusDir));
    return { ok: true, notes };
  } catch (error) {
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
    return {
      ok: false,
      warning: `could not write the index cache: ${describeError(error)} (the corpus still loads; the next start rebuilds)`,
    };
  }
}

async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isFile() && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Reasons a cache is not used that are no damage: nothing to log. */
export function isExpectedCacheMiss(reason: string): boolean {
  return reason === 'no cache yet' || reason === 'the corpus changed';
}

/** Opens the cache file for reading, never through a link, never waiting on a pipe put in its place. */
export function openCacheFile(path: string): Promise<FileHandle> {
  return open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
}

/**
 * Reads the cache file's envelope when it is complete and made for `key` by this version (any key
 * with `anyKey`: the last good library, for a start with a bad file): its header, and where each
 * section sits, checked against the file's length. No section is read here: decodeLibrary reads them
 * from the file (see sectionSource.ts), each column into a buffer of its own to be used in place, the
 * rest a stretch at a time. Only a regular file in a real cache folder is read. Never throws: a bad
 * cache is a reason.
 */
export async function readCacheEnvelope(
  corpusDir: string,
  key: string,
  { anyKey = false }: { anyKey?: boolean } = {},
): Promise<{ ok: true; encoded: LibraryInFile } | { ok: false; reason: string }> {
  try {
    const folder = await cacheFolder(corpusDir, false);
    if (!folder.ok) return { ok: false, reason: folder.reason };
    const path = resolve(cachePath(corpusDir));
    const info = await lstat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (!info) return { ok: false, reason: 'no cache yet' };
    if (!info.isFile()) return { ok: false, reason: `${CACHE_DIR}/${CACHE_FILE} is not a regular file` };
    const handle = await openCacheFile(path);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { ok: false, reason: `${CACHE_DIR}/${CACHE_FILE} is not a regular file` };
      const readAt = async (position: number, length: number): Promise<Uint8Array | undefined> => {
        if (position + length > opened.size) return undefined;
        const bytes = Buffer.alloc(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(bytes, done, length - done, position + done);
          if (bytesRead === 0) return undefined;
          done += bytesRead;
        }
        return bytes;
      };
      const prefix = await readAt(0, Math.min(opened.size, MAGIC.byteLength + 4));
      if (!prefix) return { ok: false, reason: 'truncated' };
      const start = envelopeStart(prefix);
      if (!start.ok) return start;
      const headerBytes = await readAt(start.headerStart, start.headerLength);
      if (!headerBytes) return { ok: false, reason: 'truncated header' };
      const header = parseHeader(headerBytes, anyKey ? undefined : key);
      if (!header.ok) return header;
      const layout = sectionLayout(header.header, start.headerStart + start.headerLength, opened.size);
      if (!layout.ok) return layout;
      const { dev, ino, size, mtimeMs } = opened;
      const offsets = layout.sections.map((section) => section.offset);
      return { ok: true, encoded: { header: header.header, file: { path, dev, ino, size, mtimeMs }, offsets } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeError(error)}` };
  }
}

/** The magic line and the header's length, from the file's first bytes. */
function envelopeStart(bytes: Uint8Array): { ok: true; headerStart: number; headerLength: number } | { ok: false; reason: string } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < MAGIC.byteLength + 4 || !view.subarray(0, MAGIC.byteLength).equals(MAGIC))
    return { ok: false, reason: 'not a citebot cache' };
  return { ok: true, headerStart: MAGIC.byteLength + 4, headerLength: view.readUInt32LE(MAGIC.byteLength) };
}

function parseHeader(bytes: Uint8Array, key: string | undefined): { ok: true; header: CacheHeader } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return { ok: false, reason: 'unreadable header' };
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) {
    const version = (json as { version?: unknown } | null)?.version;
    return { ok: false, reason: version !== CACHE_VERSION ? `made by cache version ${String(version)}` : 'malformed header' };
  }
  if (key !== undefined && header.data.key !== key) return { ok: false, reason: 'the corpus changed' };
  if (endianness() !== 'LE') return { ok: false, reason: 'big-endian machine' };
  return { ok: true, header: header.data };
}

/** Where each section sits, after the header and the padding that aligns it; the file must end with the last. */
function sectionLayout(
  header: CacheHeader,
  headerEnd: number,
  fileLength: number,
): { ok: true; sections: Array<{ offset: number; bytes: number }> } | { ok: false; reason: string } {
  let offset = headerEnd + padding(headerEnd);
  const sections: Array<{ offset: number; bytes: number }> = [];
  for (const section of header.sections) {
    if (offset + section.bytes > fileLength) return { ok: false, reason: 'truncated' };
    sections.push({ offset, bytes: section.bytes });
    offset += section.bytes + padding(section.bytes);
  }
  if (offset !== fileLength) return { ok: false, reason: 'unexpected length' };
  return { ok: true, sections };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}
