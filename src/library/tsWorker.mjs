// Starts a worker thread on a TypeScript module (`workerData.entry`): registers tsx in this thread,
// then imports it. Node 20 runs a worker's entry before `--import` hooks apply, so a .ts entry fails there.
// Only when running from the sources (tsx, vitest); the compiled bot in dist/ starts its .js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
