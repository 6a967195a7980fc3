// The cache's key: a hash of every corpus file's name and content hash, of CACHE_VERSION and of the
// code that decides what a library holds. A cache made under another key is stale and rebuilt, never
// trusted. Each file's content hash comes from the manifest beside the cache (corpusManifest.ts) while
// the file's stat has not changed, so an up-to-date corpus is stat'ed, not read (at 1M paragraphs,
// reading and hashing 420 MB took ~14 s of CPU, the stats ~1.4 s); the key of the same bytes is the
// same with or without the manifest.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY_FILE, lstatCorpusFiles, readCorpusFile, scanCorpusFolder } from '../corpus/corpusFolder.ts';
import { CACHE_VERSION } from './cacheFormat.ts';
import { type Manifest, fileStamp, isRacilyClean, readFilesystemClock, readManifest, writeManifest } from './corpusManifest.ts';

const PARALLEL_READS = 32;

export async function corpusKey(corpusDir: string): Promise<string> {
  return (await hashCorpus(corpusDir)).key;
}

/**
 * sha256 over the name and content hash of every file the loader would read (articles and
 * glossary.json), read the loader's way (regular files within the size limit only, see
 * corpusFolder.ts): same key, same files, same parse. Files the loader skips (a .docx, a sub-folder)
 * are not part of it: they change nothing in the library. A file that cannot be read counts by its
 * reason, so the key never blocks or grows on a pipe or a device. `filesRead` counts the files read
 * (or tried) because the manifest did not vouch for them. Writes the manifest of what it hashed.
 */
export async function hashCorpus(corpusDir: string): Promise<{ key: string; filesRead: number }> {
  const scanned = await scanCorpusFolder(corpusDir);
  if (!scanned.ok) throw new Error(scanned.error.reason);
  const { realDir, articleFiles, hasGlossary } = scanned.scan;
  const names = hasGlossary ? [...articleFiles, GLOSSARY_FILE].sort() : articleFiles;
  const keyPrefix = `citebot corpus v${CACHE_VERSION}\n${await codeFingerprint()}\n`;
  const known = await readManifest(corpusDir, keyPrefix);
  // Read before any file is stat'ed: see isRacilyClean.
  const clockNs = await readFilesystemClock(corpusDir);
  // Taken before the file is read, so a change while it is read shows next time. A symlink's own stat
  // says nothing of its target: a linked article has no stamp, and is always read.
  const stamped = await lstatCorpusFiles(realDir, names, (stat) =>
    stat?.isFile() ? { stamp: fileStamp(stat), racy: clockNs === undefined || isRacilyClean(stat, clockNs) } : undefined,
  );
  const hashes = names.map((name, i) => {
    const entry = known.get(name);
    return entry && entry.stamp === stamped[i]?.stamp ? entry.sha256 : undefined;
  });
  const unknown = names.flatMap((_, i) => (hashes[i] === undefined ? [i] : []));
  const wasRead = new Set(unknown);
  const failures = new Map<number, string>();
  for (let start = 0; start < unknown.length; start += PARALLEL_READS) {
    const batch = unknown.slice(start, start + PARALLEL_READS);
    const contents = await Promise.all(batch.map((i) => readCorpusFile(realDir, names[i]!)));
    batch.forEach((i, j) => {
      const content = contents[j]!;
      if (content.ok) hashes[i] = createHash('sha256').update(content.bytes).digest('hex');
      else failures.set(i, content.error.reason);
    });
  }

  const hash = createHash('sha256').update(keyPrefix);
  const next: Manifest = new Map();
  let added = 0;
  names.forEach((name, i) => {
    const sha256 = hashes[i];
    hash.update(sha256 !== undefined ? `${name}\0${sha256}\0` : `${name}\0!${failures.get(i)}\0`);
    const stamp = stamped[i];
    // A file changed at or after the clock was read is not recorded (isRacilyClean), nor any when the clock could not be read.
    if (sha256 === undefined || stamp === undefined || stamp.racy) return;
    next.set(name, { stamp: stamp.stamp, sha256 });
    if (wasRead.has(i)) added++;
  });
  // The manifest stays as it is when every entry came from it and none was dropped.
  if (added > 0 || next.size !== known.size) await writeManifest(corpusDir, keyPrefix, next);
  return { key: hash.digest('hex'), filesRead: unknown.length };
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
