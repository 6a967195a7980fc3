// The reload stage in a process that holds what the bot holds: it starts as the bot starts (the builder
// launcher while it is small, the library opened from the cache, the engines warmed), then reloads while
// queries arrive (reloadUnderLoad.ts). In the size's own process the reload ran beside what the cold
// build had left (a heap of objects, and resident memory V8 does not hand back), which is neither the
// bot's heap nor its resident memory: issue 15's "at most 1.5× the steady state" is about the bot's.
//
// Run as: reloadInFreshProcess.ts <corpusDir> <expectedMs>; prints the ReloadResult as JSON on stdout.

import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ReloadResult } from './benchResult.ts';
import { jsonFromFreshProcess } from './freshProcess.ts';

/** Reloads `dir` (its cache up to date) in a new process; `expectedMs` paces the queries (see reloadUnderLoad.ts). */
export function reloadInFreshProcess(dir: string, expectedMs: number): Promise<ReloadResult> {
  return jsonFromFreshProcess(fileURLToPath(import.meta.url), [dir, String(expectedMs)]);
}

async function main(dir: string, expectedMs: number): Promise<void> {
  // Imported here, not above: the parent only spawns this file and must not load the engines for it.
  const { startBuilderLauncher } = await import('../../src/library/builderLauncher.ts');
  const { builderEnvironment } = await import('../../src/library/buildLibraryProcess.ts');
  const { LibraryStore } = await import('../../src/library/libraryStore.ts');
  const { cachePath } = await import('../../src/library/cacheFile.ts');
  const { answerQuestion } = await import('../../src/answers/answerQuestion.ts');
  const { warmUpEngines } = await import('../../src/answers/warmUp.ts');
  const { reloadUnderLoad } = await import('./reloadUnderLoad.ts');
  const { heapAfterGcMb } = await import('./childReport.ts');
  startBuilderLauncher(builderEnvironment());
  const store = await LibraryStore.open(dir);
  if (!store.lastLoad?.fromCache) throw new Error('the library was not opened from the cache');
  await warmUpEngines(store.current);
  // The reload then rebuilds everything, as after a moderator's change (the builder reuses nothing).
  await rm(cachePath(dir), { force: true });
  const result = await reloadUnderLoad({ store, answer: answerQuestion, expectedMs }, heapAfterGcMb);
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, expectedMs] = process.argv.slice(2);
  main(dir!, Number(expectedMs)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
