// Changing the corpus folder on a moderator's behalf: checking an uploaded article with the loader's
// own rules, writing it atomically, and moving what it replaces or removes into the history folder
// (libraryHistory.ts) first. A change that the following reload rejects is put back as it was.
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ARTICLE_EXTENSIONS, GUIDE_FILE, MAX_FILE_BYTES } from '../corpus/loadCorpus.ts';
import { parseArticle } from '../corpus/parseArticle.ts';
import type { Article, CorpusError } from '../corpus/types.ts';
import {
  appendJournal,
  historyDirFor,
  newEntryId,
  readFromHistory,
  readJournal,
  saveToHistory,
  undoTarget,
  type ChangeAction,
  type JournalEntry,
  type SavedFile,
} from './libraryHistory.ts';

export type UploadCheck = { ok: true; article: Article } | { ok: false; errors: CorpusError[] };

/**
 * What can be told from the attachment's name and declared size alone, before downloading it:
 * the loader would skip or refuse such a file, so it is refused here with the reason.
 */
export function checkUploadName(fileName: string, size: number): CorpusError[] {
  const fail = (reason: string): CorpusError[] => [{ file: fileName, line: 0, reason }];
  const extension = extname(fileName);
  if (fileName.includes('/') || fileName.includes('\\')) return fail('the file name may not contain a folder');
  if (fileName.startsWith('.')) return fail('the name starts with "." so the loader would ignore it: rename the file');
  if (fileName.toLowerCase() === GUIDE_FILE)
    return fail("README.md is the moderators' guide and is never loaded as an article: rename the file");
  if (!ARTICLE_EXTENSIONS.test(fileName)) {
    return fail(`unsupported file type "${extension || 'no extension'}": only .txt and .md articles can be added`);
  }
  if (size > MAX_FILE_BYTES) return fail(`file too large: ${size} bytes (the limit is 1 MiB, ${MAX_FILE_BYTES} bytes)`);
  return [];
}

/** The whole check an upload goes through: its name, then exactly what the loader does with its bytes. */
export function checkUpload(fileName: string, bytes: Buffer): UploadCheck {
  const nameErrors = checkUploadName(fileName, bytes.length);
  if (nameErrors.length > 0) return { ok: false, errors: nameErrors };
  return parseArticle(fileName, bytes);
}

export function hashBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A corpus file as it was when a preview was shown, so a confirmation acts only on what was seen. */
export interface FileVersion {
  file: string;
  hash: string;
}

/** The article files that carry `articleId` (`id.txt`, `id.md`; normally one), with their hashes. */
export async function filesOfArticle(corpusDir: string, articleId: string): Promise<FileVersion[]> {
  const names = (await readdir(corpusDir)).filter(
    (name) => !name.startsWith('.') && ARTICLE_EXTENSIONS.test(name) && name.replace(ARTICLE_EXTENSIONS, '') === articleId,
  );
  return Promise.all(names.sort().map(async (file) => ({ file, hash: hashBytes(await readFile(join(corpusDir, file))) })));
}

/** Writes beside the target under a dotfile name (which the loader ignores), syncs, then renames over it. */
export async function writeAtomically(dir: string, file: string, bytes: Buffer): Promise<void> {
  const temporary = join(dir, `.${file}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, join(dir, file));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Who asked for a change, for the journal. */
export interface ChangeAuthor {
  userId: string;
  userName: string;
  guildId: string;
}

/** A change to make: add or replace with `upload`, remove `articleId`, or undo the last removal or replacement. */
export type ChangeRequest =
  | { action: 'add' | 'replace'; articleId: string; upload: { file: string; bytes: Buffer }; expected: FileVersion[] }
  | { action: 'remove'; articleId: string; expected: FileVersion[] }
  | { action: 'undo' };

export type ChangeOutcome<Reload> =
  /** The files changed and the reload ran: `kept` false when the reload refused the folder and the change was put back. */
  | { status: 'done'; entry: JournalEntry; reload: Reload; kept: boolean }
  /** The article's files are not what the preview showed: someone changed them since. Nothing was done. */
  | { status: 'stale'; articleId: string }
  /** `undo` with nothing to undo. */
  | { status: 'nothing-to-undo' };

/** What the caller's reload said: `failed` puts the change back; anything else keeps it. */
export type ReloadVerdict = 'ok' | 'failed' | 'other';

/** One change at a time per corpus folder in this process (each also holds the reload that follows it). */
const locks = new Map<string, Promise<unknown>>();

async function withLock<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(run);
  locks.set(key, mine);
  try {
    return await mine;
  } finally {
    if (locks.get(key) === mine) locks.delete(key);
  }
}

/**
 * Makes a change in the corpus folder, then reloads. Files taken away are copied into the history
 * folder first; if the reload refuses the folder, every file is put back as it was (the copies stay).
 * The journal gets a line only for a change that was kept.
 */
export async function commitChange<Reload>(
  corpusDir: string,
  request: ChangeRequest,
  author: ChangeAuthor,
  reload: () => Promise<Reload>,
  verdict: (reload: Reload) => ReloadVerdict,
): Promise<ChangeOutcome<Reload>> {
  return withLock(corpusDir, async () => {
    const historyDir = historyDirFor(corpusDir);
    const entryId = newEntryId();
    const plan = await planChange(corpusDir, historyDir, request);
    if (plan.status !== 'planned') return plan;

    const current = await filesOfArticle(corpusDir, plan.articleId);
    const saved: SavedFile[] = [];
    const originals = new Map<string, Buffer>();
    for (const { file } of current) {
      const bytes = await readFile(join(corpusDir, file));
      originals.set(file, bytes);
      saved.push(await saveToHistory(historyDir, file, bytes, entryId));
    }
    const putBack = async () => {
      for (const { file } of plan.writes) if (!originals.has(file)) await unlink(join(corpusDir, file)).catch(() => undefined);
      for (const [file, bytes] of originals) await writeAtomically(corpusDir, file, bytes);
    };

    try {
      for (const { file, bytes } of plan.writes) await writeAtomically(corpusDir, file, bytes);
      const written = new Set(plan.writes.map((write) => write.file));
      for (const { file } of current) if (!written.has(file)) await unlink(join(corpusDir, file));
    } catch (error) {
      await putBack();
      throw error;
    }

    const reloaded = await reload();
    const entry: JournalEntry = {
      id: entryId,
      at: new Date().toISOString(),
      action: plan.action,
      articleId: plan.articleId,
      written: plan.writes.map((write) => write.file),
      saved,
      ...(plan.undoes ? { undoes: plan.undoes } : {}),
      ...author,
    };
    if (verdict(reloaded) === 'failed') {
      await putBack();
      return { status: 'done', entry, reload: reloaded, kept: false };
    }
    await appendJournal(historyDir, entry);
    return { status: 'done', entry, reload: reloaded, kept: true };
  });
}

type Plan =
  | { status: 'planned'; action: ChangeAction; articleId: string; writes: { file: string; bytes: Buffer }[]; undoes?: string }
  | { status: 'stale'; articleId: string }
  | { status: 'nothing-to-undo' };

async function planChange(corpusDir: string, historyDir: string, request: ChangeRequest): Promise<Plan> {
  if (request.action === 'undo') {
    const target = undoTarget(await readJournal(historyDir));
    if (!target) return { status: 'nothing-to-undo' };
    const writes = await Promise.all(
      target.saved.map(async (saved) => ({ file: saved.file, bytes: await readFromHistory(historyDir, saved) })),
    );
    return { status: 'planned', action: 'undo', articleId: target.articleId, writes, undoes: target.id };
  }
  const current = await filesOfArticle(corpusDir, request.articleId);
  if (!sameVersions(current, request.expected)) return { status: 'stale', articleId: request.articleId };
  const writes = request.action === 'remove' ? [] : [request.upload];
  return { status: 'planned', action: request.action, articleId: request.articleId, writes };
}

function sameVersions(a: readonly FileVersion[], b: readonly FileVersion[]): boolean {
  return a.length === b.length && a.every((version, index) => version.file === b[index]?.file && version.hash === b[index]?.hash);
}

/** What `undo` would put back now, for `list`. */
export async function nextUndo(corpusDir: string): Promise<JournalEntry | undefined> {
  return undoTarget(await readJournal(historyDirFor(corpusDir)));
}
