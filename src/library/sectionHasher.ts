// The sha256 of the cache's sections, computed on a thread of its own while the open goes on decoding:
// at 1M paragraphs the 1.37 GB of sections took ~1 s of hashing on the main thread, as long as turning the
// bodies into strings. The bytes are shared with the thread, not copied: they sit in SharedArrayBuffers
// (the file's read window and the columns used in place, see sectionSource.ts), so the thread hashes the
// very bytes the decoder reads. A view handed over must not be written again until the thread has hashed
// it: the reader waits for its `update` to resolve before it refills the window.

import { Worker } from 'node:worker_threads';

/** The thread's code, plain JavaScript (it runs the same from the sources and from dist/). */
const HASHING_THREAD = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', ({ asked, id, bytes }) => {
  try {
    let hash = hashes.get(id);
    if (hash === undefined) hashes.set(id, (hash = createHash('sha256')));
    if (bytes !== undefined) {
      hash.update(bytes);
      parentPort.postMessage({ asked });
      return;
    }
    hashes.delete(id);
    parentPort.postMessage({ asked, hex: hash.digest('hex') });
  } catch (error) {
    parentPort.postMessage({ asked, error: String(error) });
  }
});
`;

interface Answer {
  asked: number;
  hex?: string;
  error?: string;
}

export class SectionHasher {
  // Without the process's own flags: `--import tsx` would load tsx in the thread too, for nothing.
  readonly #thread = new Worker(HASHING_THREAD, { eval: true, execArgv: [] });
  readonly #waiting = new Map<number, { resolve: (hex: string) => void; reject: (error: Error) => void }>();
  #asked = 0;
  #stopped: Error | undefined;

  constructor() {
    this.#thread.on('message', ({ asked, hex, error }: Answer) => {
      const waiting = this.#waiting.get(asked);
      this.#waiting.delete(asked);
      if (error !== undefined) waiting?.reject(new Error(`checksum thread: ${error}`));
      else waiting?.resolve(hex ?? '');
    });
    this.#thread.on('error', (error) => this.#stop(error));
    this.#thread.on('exit', () => this.#stop(new Error('the checksum thread stopped')));
  }

  /**
   * Adds `bytes` to the hash of section `id`, after those given before. `bytes` must be a view of a
   * SharedArrayBuffer (else it would be copied), left as it is until the promise resolves: then the
   * thread has hashed it (and everything given before: it works in order).
   */
  update(id: number, bytes: Uint8Array): Promise<void> {
    if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new Error('only shared bytes are hashed on the checksum thread');
    return handled(this.#ask({ id, bytes }).then(() => undefined));
  }

  /** The sha256 (hex) of every byte given for section `id`. */
  digest(id: number): Promise<string> {
    return this.#ask({ id });
  }

  async close(): Promise<void> {
    this.#stopped ??= new Error('the checksum thread was closed');
    await this.#thread.terminate();
  }

  #ask(message: { id: number; bytes?: Uint8Array }): Promise<string> {
    if (this.#stopped) return handled(Promise.reject(this.#stopped));
    const asked = ++this.#asked;
    const answer = new Promise<string>((resolve, reject) => this.#waiting.set(asked, { resolve, reject }));
    this.#thread.postMessage({ asked, ...message });
    return handled(answer);
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(this.#stopped);
    this.#waiting.clear();
  }
}

/**
 * `promise`, marked handled: an answer no one waits for any more (the open failed meanwhile) is then no
 * unhandled rejection, which would stop the process; whoever awaits it still gets the error.
 */
function handled<Value>(promise: Promise<Value>): Promise<Value> {
  promise.catch(() => undefined);
  return promise;
}
