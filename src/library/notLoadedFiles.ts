// The files in the corpus folder that the loaded library does not hold, each with why, for
// `/library list`. A stop-gap until the loader itself reports what it skipped: it applies the
// loader's rules from outside, reading only the files the library does not already hold.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Library } from '../answers/library.ts';
import { ARTICLE_EXTENSIONS, GLOSSARY_FILE, GUIDE_FILE, MAX_FILE_BYTES } from '../corpus/loadCorpus.ts';
import { parseArticle } from '../corpus/parseArticle.ts';
import { formatCorpusError } from '../corpus/types.ts';

export interface NotLoadedFile {
  file: string;
  why: string;
}

/** The bot's own folder inside the corpus (libraryCache.ts). */
const INDEX_CACHE = '.index-cache';
/** Reading every unloaded file of a huge folder would keep a moderator waiting: past this, say less. */
const MAX_FILES_READ = 200;

export async function notLoadedFiles(corpusDir: string, library: Library): Promise<NotLoadedFile[]> {
  const loaded = new Set(library.corpus.articles.map((article) => article.file));
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const found: NotLoadedFile[] = [];
  let read = 0;
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    if (name === INDEX_CACHE || name === GLOSSARY_FILE || name.toLowerCase() === GUIDE_FILE || loaded.has(name)) continue;
    if (/^\..*\.tmp$/.test(name)) continue; // a write in progress (libraryFiles.ts)
    if (entry.isDirectory()) {
      found.push({ file: `${name}/`, why: 'a sub-folder: articles must sit directly in the corpus folder' });
    } else if (name.startsWith('.')) {
      found.push({ file: name, why: 'hidden: the name starts with "."' });
    } else if (!ARTICLE_EXTENSIONS.test(name)) {
      found.push({ file: name, why: 'not an article: only .txt and .md files are loaded' });
    } else {
      found.push({ file: name, why: await whyArticleNotLoaded(corpusDir, name, read++ < MAX_FILES_READ) });
    }
  }
  return found;
}

async function whyArticleNotLoaded(corpusDir: string, name: string, mayRead: boolean): Promise<string> {
  try {
    const { size } = await stat(join(corpusDir, name));
    if (size > MAX_FILE_BYTES) return `too large: ${size} bytes (the limit is 1 MiB)`;
    if (!mayRead) return 'not loaded (run /reload to see why)';
    const parsed = parseArticle(name, await readFile(join(corpusDir, name)));
    if (!parsed.ok) return `rejected: ${parsed.errors.map((error) => formatCorpusError(error).slice(name.length + 1)).join('; ')}`;
    return 'added to the folder since the last reload: run /reload';
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}
