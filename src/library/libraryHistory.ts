// The history folder beside the corpus: every article file the bot removes or replaces is copied
// here first and never deleted, and a journal (one JSON line per change) says who changed what,
// so `/library undo` can put the last removed or replaced article back.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export const JOURNAL_FILE = 'journal.jsonl';

export type ChangeAction = 'add' | 'replace' | 'remove' | 'undo';

/** A corpus file moved into the history folder: its name in the corpus, and its copy's name here. */
export interface SavedFile {
  file: string;
  savedAs: string;
}

export interface JournalEntry {
  /** Unique across processes (sharded bots write to the same journal). */
  id: string;
  /** ISO time of the change. */
  at: string;
  action: ChangeAction;
  articleId: string;
  /** Corpus files written by the change (the upload, or for undo the files put back). */
  written: string[];
  /** Corpus files the change took away, each kept in the history folder. */
  saved: SavedFile[];
  /** For `undo`: the entry it reversed. */
  undoes?: string;
  userId: string;
  userName: string;
  guildId: string;
}

/** `corpus/` → `corpus-history/`, a sibling folder: never read by the loader, never inside the corpus. */
export function historyDirFor(corpusDir: string): string {
  const absolute = resolve(corpusDir);
  return join(dirname(absolute), `${basename(absolute)}-history`);
}

export function newEntryId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Every entry, oldest first; a damaged line is skipped rather than losing the rest. */
export async function readJournal(historyDir: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(join(historyDir, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (typeof entry.id === 'string' && typeof entry.action === 'string' && Array.isArray(entry.saved)) entries.push(entry);
    } catch {
      // a half-written line from a crash: the entries around it still count
    }
  }
  return entries;
}

/** One line, appended: small appends are atomic, so shards writing at once do not interleave. */
export async function appendJournal(historyDir: string, entry: JournalEntry): Promise<void> {
  await mkdir(historyDir, { recursive: true });
  await appendFile(join(historyDir, JOURNAL_FILE), `${JSON.stringify(entry)}\n`, 'utf8');
}

/** The change `undo` reverses: the last removal or replacement not undone yet. */
export function undoTarget(entries: readonly JournalEntry[]): JournalEntry | undefined {
  const undone = new Set(entries.flatMap((entry) => (entry.undoes ? [entry.undoes] : [])));
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!;
    if ((entry.action === 'remove' || entry.action === 'replace') && entry.saved.length > 0 && !undone.has(entry.id)) return entry;
  }
  return undefined;
}

/** Copies a corpus file's bytes into the history folder under a new, never reused name. */
export async function saveToHistory(historyDir: string, file: string, bytes: Buffer, entryId: string): Promise<SavedFile> {
  await mkdir(historyDir, { recursive: true });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const savedAs = `${stamp}_${entryId}_${file}`;
  // `wx`: never overwrite an earlier copy.
  await writeFile(join(historyDir, savedAs), bytes, { flag: 'wx' });
  return { file, savedAs };
}

export async function readFromHistory(historyDir: string, saved: SavedFile): Promise<Buffer> {
  return readFile(join(historyDir, saved.savedAs));
}
