// Changes a moderator has previewed but not confirmed yet. They wait on disk in the history folder
// (not in memory), so an Add or Remove button still works after a restart and on any shard; the
// button carries only a random token, and a token that is unknown, expired or malformed does nothing.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileVersion } from './libraryFiles.ts';
import { historyDirFor } from './libraryHistory.ts';

/** As long as Discord lets the bot edit the preview (an interaction token lives 15 minutes). */
export const PENDING_LIFETIME_MS = 15 * 60_000;
const TOKEN_SHAPE = /^[0-9a-f]{16}$/;

export interface PendingChange {
  token: string;
  action: 'add' | 'replace' | 'remove';
  articleId: string;
  /** For add and replace: the uploaded file's name (its bytes wait beside this record). */
  file?: string;
  /** The article's files as the preview showed them. */
  expected: FileVersion[];
  userId: string;
  guildId: string;
  createdAt: number;
}

export type PendingLookup = { ok: true; change: PendingChange; bytes?: Buffer } | { ok: false; reason: 'unknown' | 'expired' };

function pendingDir(corpusDir: string): string {
  return join(historyDirFor(corpusDir), 'pending');
}

export function isPendingToken(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}

/** Keeps a previewed change (and the upload's bytes) until it is confirmed or cancelled; returns its token. */
export async function savePending(
  corpusDir: string,
  change: Omit<PendingChange, 'token' | 'createdAt'>,
  bytes?: Buffer,
  now = Date.now(),
): Promise<PendingChange> {
  const dir = pendingDir(corpusDir);
  await mkdir(dir, { recursive: true });
  await sweepExpired(dir, now);
  const pending: PendingChange = { ...change, token: randomBytes(8).toString('hex'), createdAt: now };
  if (bytes) await writeFile(join(dir, `${pending.token}.upload`), bytes, { flag: 'wx' });
  await writeFile(join(dir, `${pending.token}.json`), JSON.stringify(pending), { flag: 'wx' });
  return pending;
}

export async function readPending(corpusDir: string, token: string, now = Date.now()): Promise<PendingLookup> {
  if (!isPendingToken(token)) return { ok: false, reason: 'unknown' };
  const dir = pendingDir(corpusDir);
  let change: PendingChange;
  try {
    change = JSON.parse(await readFile(join(dir, `${token}.json`), 'utf8')) as PendingChange;
  } catch {
    return { ok: false, reason: 'unknown' };
  }
  if (change.token !== token) return { ok: false, reason: 'unknown' };
  if (now - change.createdAt > PENDING_LIFETIME_MS) {
    await dropPending(corpusDir, token);
    return { ok: false, reason: 'expired' };
  }
  if (change.action === 'remove') return { ok: true, change };
  try {
    return { ok: true, change, bytes: await readFile(join(dir, `${token}.upload`)) };
  } catch {
    return { ok: false, reason: 'unknown' };
  }
}

/** Forgets a pending change: confirmed, cancelled or expired. (These are staging copies, not articles.) */
export async function dropPending(corpusDir: string, token: string): Promise<void> {
  if (!isPendingToken(token)) return;
  const dir = pendingDir(corpusDir);
  await Promise.all([unlink(join(dir, `${token}.json`)), unlink(join(dir, `${token}.upload`))].map((done) => done.catch(() => undefined)));
}

/** Previews nobody confirmed: their uploads are dropped once they can no longer be confirmed. */
async function sweepExpired(dir: string, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const { mtimeMs } = await stat(join(dir, name)).catch(() => ({ mtimeMs: now }));
      if (now - mtimeMs > 2 * PENDING_LIFETIME_MS) await unlink(join(dir, name)).catch(() => undefined);
    }),
  );
}
