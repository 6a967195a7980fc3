// Starts the reference engines' process of a size (baselineEngines.ts) and hands on what it reports.

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineResult } from './benchResult.ts';
import type { BaselineMessage } from './baselineEngines.ts';

export interface Baselines {
  /** Waits until the engines are built, has their queries timed (the caller waits meanwhile), until the process ends. */
  measure(): Promise<void>;
}

export function startBaselines(
  dir: string,
  { queriesPerKind, budgetSeconds }: { queriesPerKind: number; budgetSeconds: number },
  report: { engine: (name: string, result: EngineResult) => void; skip: (message: string) => void },
): Baselines {
  const script = fileURLToPath(new URL('./baselineEngines.ts', import.meta.url));
  const child = fork(script, [dir, String(queriesPerKind), String(budgetSeconds)], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let sendMeasure: () => void = () => undefined;
  const built = new Promise<void>((resolve) => (sendMeasure = resolve));
  const ended = new Promise<void>((resolve) => {
    child.on('message', (message: BaselineMessage) => {
      if (message.type === 'built') sendMeasure();
      else if (message.type === 'engine') report.engine(message.name, message.result);
      else report.skip(message.message);
    });
    child.on('error', (error) => {
      report.skip(`baselines: ${error.message}`);
      resolve();
    });
    child.on('exit', (code, signal) => {
      if (code !== 0) report.skip(`baselines: their process ended with ${signal ?? `code ${String(code)}`}`);
      sendMeasure();
      resolve();
    });
  });
  return {
    async measure() {
      await built;
      if (child.connected) child.send({ type: 'measure' });
      await ended;
    },
  };
}
