// Temporary copies of the bundled corpus for library tests: the repository's corpus/ is never written.
import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR } from '../../src/library/cacheFormat.ts';

export const BUNDLED_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

const copies: string[] = [];

/** A writable copy of `corpus/` (without any index cache found there), removed by `removeCorpusCopies`. */
export async function copyOfBundledCorpus(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'citebot-library-'));
  copies.push(parent);
  const dir = join(parent, 'corpus');
  await cp(BUNDLED_CORPUS, dir, { recursive: true, filter: (source) => !source.split(/[\\/]/).includes(CACHE_DIR) });
  // The bundled articles are read-only; tests edit their copies.
  for (const name of await readdir(dir)) await chmod(join(dir, name), 0o644);
  return dir;
}

export async function removeCorpusCopies(): Promise<void> {
  for (const parent of copies.splice(0)) await rm(parent, { recursive: true, force: true });
}

/** An article in the bundled corpus's plain-text layout. */
export function articleText(date: string, body: string): string {
  return ` date ${date} Photo : TTXVN\n\n${body}\n`;
}
