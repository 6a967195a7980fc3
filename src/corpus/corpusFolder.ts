// What is in a corpus folder, and the one safe way to read a file of it. Every entry is classified
// from `lstat` before anything is opened, so a pipe, a device or a link to one is never read (a FIFO
// would block the read forever, `/dev/zero` never ends), and no file is read past MAX_FILE_BYTES.
// The classification is exported for `/reload` and `/library list`: every file that is not loaded
// is named with the reason.

import { type BigIntStats, constants, lstatSync } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { CorpusError, SkippedFile } from './types.ts';

export type { SkippedFile };

/** Larger files are almost certainly not a news article (or a mistake), and would slow every reload. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const GLOSSARY_FILE = 'glossary.json';
/** The folder where the bot keeps its index cache, inside the corpus folder; never listed. */
export const CACHE_DIR = '.index-cache';
/** The moderators' guide lives beside the articles and must not be loaded as one. */
export const GUIDE_FILE = 'readme.md';
export const ARTICLE_EXTENSIONS = /\.(txt|md)$/i;
/** Where a folder-level problem is reported: never the host's absolute path, which replies must not show. */
export const CORPUS_FOLDER_LABEL = '(corpus folder)';


export interface CorpusFolderScan {
  /** The folder with every symlink resolved: files are read from here. */
  realDir: string;
  /** Names that look like articles (`.txt`, `.md`, not a dotfile, not the guide), sorted. Each is still checked when read. */
  articleFiles: string[];
  hasGlossary: boolean;
  /** Everything else a moderator might expect to be loaded, sorted by name. */
  skipped: SkippedFile[];
}

export type ScanResult = { ok: true; scan: CorpusFolderScan } | { ok: false; error: CorpusError };

/** Lists the folder without opening any file in it (types come from `lstat`). */
export async function scanCorpusFolder(dir: string): Promise<ScanResult> {
  let realDir: string;
  let entries: import('node:fs').Dirent[];
  try {
    realDir = await realpath(dir);
    entries = await readdir(realDir, { withFileTypes: true });
  } catch (error) {
    return { ok: false, error: { file: CORPUS_FOLDER_LABEL, line: 0, reason: `cannot open the corpus folder: ${describeFsError(error)}` } };
  }
  const articleFiles: string[] = [];
  const skipped: SkippedFile[] = [];
  let hasGlossary = false;
  for (const entry of entries) {
    const name = entry.name;
    if (name === CACHE_DIR) continue;
    if (name.toLowerCase() === GUIDE_FILE && !entry.isDirectory()) continue;
    if (name.startsWith('.')) {
      skipped.push({ file: name, reason: 'name starts with "." (hidden files and drafts are not loaded)' });
    } else if (entry.isDirectory()) {
      skipped.push({ file: `${name}/`, reason: 'a sub-folder: only files directly in the corpus folder are loaded' });
    } else if (name === GLOSSARY_FILE) {
      hasGlossary = true;
    } else if (ARTICLE_EXTENSIONS.test(name)) {
      articleFiles.push(name);
    } else if (!entry.isFile() && !entry.isSymbolicLink()) {
      skipped.push({ file: name, reason: 'not a regular file (a pipe, socket or device)' });
    } else {
      const extension = /\.[^.]*$/.exec(name)?.[0];
      skipped.push({ file: name, reason: extension ? `unsupported file type "${extension}": only .txt and .md articles are loaded` : 'no extension: only .txt and .md articles are loaded' });
    }
  }
  articleFiles.sort(compareText);
  skipped.sort((a, b) => compareText(a.file, b.file));
  return { ok: true, scan: { realDir, articleFiles, hasGlossary, skipped } };
}

/** Files `lstat`ed between two turns of the event loop (~10 ms at most on the 2-core machine). */
const LSTATS_PER_TURN = 1000;

/**
 * What `lstat` says of each named file of the folder (undefined when it cannot), in nanoseconds, for
 * telling a file that changed from one that did not (the corpus key's manifest), as `keep` makes of it.
 * Only `lstat`: no link is followed and nothing is opened, so a pipe never blocks it. Synchronous in
 * slices: at 87,000 files, one promise per `lstat` through the thread pool took 2 s, the plain calls
 * 0.4 s. Each stat (a dozen BigInts and four Dates) is turned by `keep` into what the caller needs as
 * soon as it is made: kept whole until all were made, they outlived young collections and were copied
 * by them (at 87,000 files, most of the corpus key's second of garbage collection).
 */
export async function lstatCorpusFiles<Kept>(
  realDir: string,
  names: readonly string[],
  keep: (stat: BigIntStats | undefined) => Kept,
): Promise<Kept[]> {
  const kept: Kept[] = [];
  for (const name of names) {
    if (kept.length > 0 && kept.length % LSTATS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    let stat: BigIntStats | undefined;
    try {
      stat = lstatSync(join(realDir, name), { bigint: true, throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    kept.push(keep(stat));
  }
  return kept;
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; error: CorpusError };

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Reads one file of the folder: only a regular file (or a symlink to one inside the folder), at most
 * {@link MAX_FILE_BYTES}. Checked with `lstat` before opening and again on the open handle, opened
 * without following links and without blocking, so neither a link swapped in meanwhile nor a FIFO
 * can make it hang or read without end.
 */
export async function readCorpusFile(realDir: string, file: string): Promise<ReadResult> {
  const fail = (reason: string): ReadResult => ({ ok: false, error: { file, line: 0, reason } });
  const path = join(realDir, file);
  try {
    const link = await lstat(path);
    let target = path;
    if (link.isSymbolicLink()) {
      try {
        target = await realpath(path);
      } catch (error) {
        return fail(`broken symlink: ${describeFsError(error)}`);
      }
      const fromFolder = relative(realDir, target);
      if (fromFolder === '' || fromFolder.startsWith('..') || isAbsolute(fromFolder)) {
        return fail('symlink leads outside the corpus folder: copy the file into the folder instead');
      }
    } else if (!link.isFile()) {
      return fail(notRegular(link));
    }
    const handle = await open(target, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) return fail(notRegular(info));
      if (info.size > MAX_FILE_BYTES) return fail(tooLarge(info.size));
      // One byte more than the limit tells a file that grew since `stat` from one that did not.
      const buffer = Buffer.alloc(Math.min(info.size, MAX_FILE_BYTES) + 1);
      let length = 0;
      while (length < buffer.byteLength) {
        const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > MAX_FILE_BYTES) return fail(tooLarge(length));
      return { ok: true, bytes: buffer.subarray(0, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(`cannot read the file: ${describeFsError(error)}`);
  }
}

function tooLarge(size: number): string {
  return `file too large: ${size} bytes (the limit is 1 MiB, ${MAX_FILE_BYTES} bytes)`;
}

function notRegular(info: { isDirectory(): boolean }): string {
  return info.isDirectory() ? 'it is a folder, not a file' : 'not a regular file (a pipe, socket or device): only plain files are read';
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'not a folder';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENXIO':
      return 'not a regular file (a socket or device)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
