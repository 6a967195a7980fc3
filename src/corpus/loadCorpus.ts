// Reads a corpus folder into a Corpus, all or nothing: any bad file rejects the whole load with every
// `file:line: reason` found, so a reload never serves half a corpus.

import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { glossarySchema } from './articleSchemas.ts';
import { parseArticle } from './parseArticle.ts';
import type { Article, CorpusError, GlossaryEntry, LoadResult } from './types.ts';

/** Larger files are almost certainly not a news article (or a mistake), and would slow every reload. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const GLOSSARY_FILE = 'glossary.json';
/** The moderators' guide lives beside the articles and must not be loaded as one. */
export const GUIDE_FILE = 'readme.md';
export const ARTICLE_EXTENSIONS = /\.(txt|md)$/i;
/** Enough parallel reads to be quick, few enough to stay clear of the open-file limit. */
const PARALLEL_READS = 32;

export async function loadCorpus(dir: string): Promise<LoadResult> {
  const folder = await openFolder(dir);
  if (!folder.ok) return { ok: false, errors: [folder.error] };

  const articleFiles = folder.names
    .filter((name) => !name.startsWith('.') && ARTICLE_EXTENSIONS.test(name) && name.toLowerCase() !== GUIDE_FILE)
    .sort();
  if (articleFiles.length === 0) {
    return { ok: false, errors: [{ file: dir, line: 0, reason: 'no articles found (add .txt or .md files)' }] };
  }

  const errors: CorpusError[] = [...duplicateIdErrors(articleFiles)];
  const articles: Article[] = [];
  const parsed = await mapInBatches(articleFiles, PARALLEL_READS, async (file) => {
    const bytes = await readCorpusFile(folder.realDir, file);
    return bytes.ok ? parseArticle(file, bytes.bytes) : { ok: false as const, errors: [bytes.error] };
  });
  for (const result of parsed) {
    if (result.ok) articles.push(result.article);
    else errors.push(...result.errors);
  }

  const glossary = folder.names.includes(GLOSSARY_FILE) ? await loadGlossary(folder.realDir) : { ok: true as const, entries: [] };
  if (!glossary.ok) errors.push(...glossary.errors);

  if (errors.length > 0 || !glossary.ok) return { ok: false, errors: errors.sort(byFileThenLine) };
  articles.sort((a, b) => compareText(a.id, b.id));
  return { ok: true, corpus: { articles, glossary: glossary.entries } };
}

async function openFolder(
  dir: string,
): Promise<{ ok: true; realDir: string; names: string[] } | { ok: false; error: CorpusError }> {
  try {
    const realDir = await realpath(dir);
    const names = await readdir(realDir);
    return { ok: true, realDir, names };
  } catch (error) {
    return { ok: false, error: { file: dir, line: 0, reason: `cannot open the corpus folder: ${describeFsError(error)}` } };
  }
}

/** `a.txt` and `a.md` would both be cited as `a`; report each file so the moderator sees both. */
function duplicateIdErrors(files: string[]): CorpusError[] {
  const filesById = new Map<string, string[]>();
  for (const file of files) {
    const id = file.replace(ARTICLE_EXTENSIONS, '');
    filesById.set(id, [...(filesById.get(id) ?? []), file]);
  }
  return [...filesById.entries()].flatMap(([id, sameId]) =>
    sameId.length < 2
      ? []
      : sameId.map((file) => ({
          file,
          line: 0,
          reason: `duplicate article id "${id}": also used by ${sameId.filter((other) => other !== file).join(', ')} (rename one of them)`,
        })),
  );
}

type ReadResult = { ok: true; bytes: Buffer } | { ok: false; error: CorpusError };

/**
 * Reads one file of the folder, refusing symlinks that lead outside it (a link could otherwise
 * publish any file the bot can read) and files over {@link MAX_FILE_BYTES}, checked before reading.
 */
async function readCorpusFile(realDir: string, file: string): Promise<ReadResult> {
  const fail = (reason: string): ReadResult => ({ ok: false, error: { file, line: 0, reason } });
  const path = join(realDir, file);
  try {
    const link = await lstat(path);
    if (link.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
      } catch (error) {
        return fail(`broken symlink: ${describeFsError(error)}`);
      }
      const fromFolder = relative(realDir, target);
      if (fromFolder === '' || fromFolder.startsWith('..') || isAbsolute(fromFolder)) {
        return fail('symlink leads outside the corpus folder: copy the file into the folder instead');
      }
    }
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) return fail(`file too large: ${size} bytes (the limit is 1 MiB, ${MAX_FILE_BYTES} bytes)`);
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    return fail(`cannot read the file: ${describeFsError(error)}`);
  }
}

async function loadGlossary(realDir: string): Promise<{ ok: true; entries: GlossaryEntry[] } | { ok: false; errors: CorpusError[] }> {
  const fail = (line: number, reason: string) => ({ ok: false as const, errors: [{ file: GLOSSARY_FILE, line, reason }] });
  const read = await readCorpusFile(realDir, GLOSSARY_FILE);
  if (!read.ok) return { ok: false, errors: [read.error] };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '');
  } catch {
    return fail(1, 'not UTF-8: save glossary.json as UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? 1 : lineAt(text, Number(position));
    return fail(line, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }

  const glossary = glossarySchema.safeParse(json);
  if (glossary.success) return { ok: true, entries: glossary.data };
  const entryOffsets = arrayElementOffsets(text);
  return {
    ok: false,
    errors: glossary.error.issues.map((issue) => {
      const [entryIndex] = issue.path;
      if (typeof entryIndex !== 'number') return { file: GLOSSARY_FILE, line: 1, reason: issue.message };
      const offset = entryOffsets[entryIndex];
      return {
        file: GLOSSARY_FILE,
        line: offset === undefined ? 1 : lineAt(text, offset),
        reason: `glossary entry ${entryIndex + 1}: ${issue.message}`,
      };
    }),
  };
}

/** Where each element of a top-level JSON array starts, so schema errors can name a line. */
function arrayElementOffsets(json: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectingElement = false;
  for (let index = 0; index < json.length; index++) {
    const char = json[index]!;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingElement && !/\s/.test(char) && char !== ']') {
      offsets.push(index);
      expectingElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectingElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectingElement = true;
  }
  return offsets;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text[index] === '\n') line++;
  return line;
}

function describeFsError(error: unknown): string {
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
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

async function mapInBatches<Item, Result>(items: Item[], batchSize: number, map: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    results.push(...(await Promise.all(items.slice(start, start + batchSize).map(map))));
  }
  return results;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byFileThenLine(a: CorpusError, b: CorpusError): number {
  return compareText(a.file, b.file) || a.line - b.line;
}
