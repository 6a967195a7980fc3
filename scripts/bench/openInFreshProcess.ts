// Opening a library from its cache as the bot starts: measureOpen.ts in a new process, whose resident
// memory is then the bot's own after a start, not the benchmark's.

import { fileURLToPath } from 'node:url';
import type { OpenResult } from './benchResult.ts';
import { jsonFromFreshProcess } from './freshProcess.ts';

/** Runs measureOpen.ts on `dir` in a new process (its resident memory is the bot's after a start). */
export function openInFreshProcess(dir: string): Promise<OpenResult> {
  const script = fileURLToPath(new URL('./measureOpen.ts', import.meta.url));
  return jsonFromFreshProcess(script, ['--dir', dir, '--phase', 'open']);
}
