// Reads a corpus folder into a Corpus, all or nothing by default: any bad file rejects the whole load
// with every `file:line: reason` found, so a reload never serves half a corpus. With `skipInvalid` (a
// start with a bad file, the CLI's --skip-invalid) the valid articles load and the rest are reported.
// Files that are not articles at all (wrong type, sub-folder, dotfile) are listed in `skipped`.

import { glossarySchema } from './articleSchemas.ts';
import { ARTICLE_EXTENSIONS, CORPUS_FOLDER_LABEL, GLOSSARY_FILE, GUIDE_FILE, MAX_FILE_BYTES, compareText, readCorpusFile, scanCorpusFolder } from './corpusFolder.ts';
import { parseArticle } from './parseArticle.ts';
import type { Article, CorpusError, GlossaryEntry, LoadResult } from './types.ts';

export { ARTICLE_EXTENSIONS, GLOSSARY_FILE, GUIDE_FILE, MAX_FILE_BYTES };
/** Enough parallel reads to be quick, few enough to stay clear of the open-file limit. */
const PARALLEL_READS = 32;

export interface LoadCorpusOptions {
  /**
   * Load every valid article and report the others as `problems` instead of failing: for a start
   * with a bad file (the bot must come up) and the CLI's `--skip-invalid`. A reload stays strict.
   */
  skipInvalid?: boolean;
}

export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<LoadResult> {
  const scanned = await scanCorpusFolder(dir);
  if (!scanned.ok) return { ok: false, errors: [scanned.error], skipped: [] };
  const { realDir, articleFiles, hasGlossary, skipped } = scanned.scan;
  if (articleFiles.length === 0) {
    return { ok: false, errors: [{ file: CORPUS_FOLDER_LABEL, line: 0, reason: 'no articles found (add .txt or .md files)' }], skipped };
  }

  const duplicates = duplicateIdErrors(articleFiles);
  const errors: CorpusError[] = [...duplicates];
  const articles: Article[] = [];
  const parsed = await mapInBatches(articleFiles, PARALLEL_READS, async (file) => {
    const bytes = await readCorpusFile(realDir, file);
    return bytes.ok ? parseArticle(file, bytes.bytes) : { ok: false as const, errors: [bytes.error] };
  });
  for (const result of parsed) {
    if (result.ok) articles.push(result.article);
    else errors.push(...result.errors);
  }

  const glossary = hasGlossary ? await loadGlossary(realDir) : { ok: true as const, entries: [] };
  if (!glossary.ok) errors.push(...glossary.errors);
  errors.sort(byFileThenLine);

  if (errors.length > 0 && !options.skipInvalid) return { ok: false, errors, skipped };
  // Leaving out: every file with a problem, and both files of a duplicate id (neither is the right one).
  const leftOut = new Set(errors.map((error) => error.file));
  const kept = articles.filter((article) => !leftOut.has(article.file)).sort((a, b) => compareText(a.id, b.id));
  if (kept.length === 0) return { ok: false, errors: errors.length > 0 ? errors : [{ file: CORPUS_FOLDER_LABEL, line: 0, reason: 'no valid article' }], skipped };
  return { ok: true, corpus: { articles: kept, glossary: glossary.ok ? glossary.entries : [] }, skipped, problems: errors };
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

async function mapInBatches<Item, Result>(items: Item[], batchSize: number, map: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    results.push(...(await Promise.all(items.slice(start, start + batchSize).map(map))));
  }
  return results;
}

function byFileThenLine(a: CorpusError, b: CorpusError): number {
  return compareText(a.file, b.file) || a.line - b.line;
}
