// The files in the corpus folder that the loaded library does not hold, each with why, for
// `/library list`. The folder is read the loader's way (corpusFolder.ts): entries classified from
// `lstat`, only regular files within the size limit opened, so a pipe or a device in the folder can
// never make the list hang; an article file not in the library is parsed to say what is wrong with it.
import type { Library } from './library.ts';
import { readCorpusFile, scanCorpusFolder } from '../corpus/corpusFolder.ts';
import { parseArticle } from '../corpus/parseArticle.ts';
import { formatCorpusError } from '../corpus/types.ts';

export interface NotLoadedFile {
  file: string;
  why: string;
}

/** Reading every unloaded file of a huge folder would keep a moderator waiting: past this, say less. */
const MAX_FILES_READ = 200;

export async function notLoadedFiles(corpusDir: string, library: Library): Promise<NotLoadedFile[]> {
  const scanned = await scanCorpusFolder(corpusDir);
  if (!scanned.ok) return [{ file: scanned.error.file, why: scanned.error.reason }];
  const { realDir, articleFiles, skipped } = scanned.scan;
  const loaded = new Set(library.corpus.articles.map((article) => article.file));
  const found: NotLoadedFile[] = skipped
    // a write in progress (libraryFiles.ts)
    .filter((file) => !/^\..*\.tmp$/.test(file.file))
    .map((file) => ({ file: file.file, why: file.reason }));
  let read = 0;
  for (const name of articleFiles) {
    if (loaded.has(name)) continue;
    found.push({ file: name, why: await whyArticleNotLoaded(realDir, name, read++ < MAX_FILES_READ) });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function whyArticleNotLoaded(realDir: string, name: string, mayRead: boolean): Promise<string> {
  if (!mayRead) return 'not loaded (run /reload to see why)';
  const bytes = await readCorpusFile(realDir, name);
  if (!bytes.ok) return bytes.error.reason;
  const parsed = parseArticle(name, bytes.bytes);
  if (!parsed.ok) return `rejected: ${parsed.errors.map((error) => formatCorpusError(error).slice(name.length + 1)).join('; ')}`;
  return 'added to the folder since the last reload: run /reload';
}
