// Opening a library from its cache as the bot starts: measureOpen.ts in a new process, whose resident
// memory is then the bot's own after a start, not the benchmark's.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OpenResult } from './benchResult.ts';

export /** Runs measureOpen.ts on `dir` in a new process (its resident memory is the bot's after a start). */
function openInFreshProcess(dir: string): Promise<OpenResult> {
  const script = fileURLToPath(new URL('./measureOpen.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--dir', dir, '--phase', 'open'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(output) as OpenResult) : reject(new Error(`measureOpen.ts exited with ${String(code)}`)),
    );
  });
}
