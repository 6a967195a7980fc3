// The cache's key: a hash of every corpus file's name and bytes, of CACHE_VERSION and of the code that
// decides what a library holds. A cache made under another key is stale and rebuilt, never trusted.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY_FILE, readCorpusFile, scanCorpusFolder } from '../corpus/corpusFolder.ts';
import { CACHE_VERSION } from './cacheFormat.ts';

const PARALLEL_READS = 32;

/**
 * sha256 over the name and bytes of every file the loader would read (articles and glossary.json),
 * read the loader's way (regular files within the size limit only, see corpusFolder.ts): same key,
 * same files, same parse. Files the loader skips (a .docx, a sub-folder) are not part of it: they
 * change nothing in the library. A file that cannot be read counts by its reason, so the key never
 * blocks or grows on a pipe or a device.
 */
export async function corpusKey(corpusDir: string): Promise<string> {
  const scanned = await scanCorpusFolder(corpusDir);
  if (!scanned.ok) throw new Error(scanned.error.reason);
  const { realDir, articleFiles, hasGlossary } = scanned.scan;
  const names = hasGlossary ? [...articleFiles, GLOSSARY_FILE].sort() : articleFiles;
  const hash = createHash('sha256').update(`citebot corpus v${CACHE_VERSION}\n${await codeFingerprint()}\n`);
  for (let start = 0; start < names.length; start += PARALLEL_READS) {
    const batch = names.slice(start, start + PARALLEL_READS);
    const contents = await Promise.all(batch.map((name) => readCorpusFile(realDir, name)));
    batch.forEach((name, i) => {
      const content = contents[i]!;
      if (content.ok) hash.update(`${name}\0${content.bytes.byteLength}\0`).update(content.bytes);
      else hash.update(`${name}\0!${content.error.reason}\0`);
    });
  }
  return hash.digest('hex');
}

/** The folders whose code decides what a library holds: a change to any file there makes old caches stale. */
const LIBRARY_CODE_DIRS = ['corpus', 'text', 'language', 'search', 'extract', 'library'];
let codeFingerprintOnce: Promise<string> | undefined;

/**
 * sha256 of the code that parses, segments, indexes and extracts, so an edited analyzer or extraction
 * table invalidates caches without anyone remembering to bump CACHE_VERSION. The code that runs is
 * hashed: the `.ts` sources under tsx, the `.js` beside this module when compiled to dist/ (a build
 * of edited sources changes it too; the sources and the build each keep their own cache entry).
 */
export function codeFingerprint(): Promise<string> {
  codeFingerprintOnce ??= (async () => {
    const srcDir = fileURLToPath(new URL('..', import.meta.url));
    const extension = /\.ts$/.test(new URL(import.meta.url).pathname) ? '.ts' : '.js';
    const hash = createHash('sha256');
    for (const dir of LIBRARY_CODE_DIRS) {
      const files = (await readdir(join(srcDir, dir), { recursive: true })).filter((name) => name.endsWith(extension)).sort();
      for (const file of files) hash.update(`${dir}/${file}\0`).update(await readFile(join(srcDir, dir, file)));
    }
    return hash.digest('hex');
  })();
  return codeFingerprintOnce;
}
