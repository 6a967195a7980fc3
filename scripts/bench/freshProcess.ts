// Runs a bench script in a new process (`--expose-gc`, TypeScript through tsx) and reads the one JSON
// value it prints on stdout: the open and the reload are measured where nothing but what the bot holds
// is in memory. Its stderr goes to ours (progress and errors).

import { spawn } from 'node:child_process';

export function jsonFromFreshProcess<Result>(script: string, args: readonly string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(output) as Result) : reject(new Error(`${script} exited with ${String(code)}`)),
    );
  });
}
