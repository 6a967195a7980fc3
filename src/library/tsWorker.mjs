// Starts a worker thread on a TypeScript module (`workerData.entry`): registers tsx in this thread,
// then imports it. Node 20 runs a worker's entry before `--import` hooks apply, so a .ts entry fails there.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
