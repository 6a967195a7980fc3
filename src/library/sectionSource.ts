// Where decodeLibrary reads an encoded library's sections from: the buffers a builder handed over, or
// the cache file itself. From the file, a column used in place (the postings) is read into a buffer of
// its own, and every other section (the bodies, 640 MB of UTF-16 at 1M paragraphs, the JSON, the other
// texts) through one reused window of a few megabytes, so that none of them is ever held whole: read
// whole into buffers of their own, they stayed in the process until V8's next full collection
// (2.8 GB resident right after an open at 1M paragraphs, against 2.0 GB after a collection).

import type { FileHandle } from 'node:fs/promises';
import type { LibraryInFile } from './cacheFormat.ts';
import { openCacheFile } from './cacheFile.ts';

export interface SectionSource {
  /** Section `i`'s bytes [start, end): a view that is valid only until the next call. */
  view(i: number, start: number, end: number): Promise<Uint8Array>;
  /** Section `i` whole, in a buffer of its own, to be used in place. */
  own(i: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Bytes of the cache file read at a time into the window (grown for a longer stretch). */
export const READ_WINDOW_BYTES = 16 * 1024 * 1024;
/** Bytes of a section copied between two pauses (about a millisecond of copying). */
const COPY_STEP = 1024 * 1024;

/** Sections already in memory (a build in this thread, or a builder's transferred buffers). */
export function sectionsInMemory(sections: readonly Uint8Array[], pause: () => Promise<void>): SectionSource {
  return {
    view: async (i, start, end) => sections[i]!.subarray(start, end),
    own: async (i) => {
      const bytes = sections[i]!;
      // A view into a larger buffer (the builder's packed sections) would keep the rest alive with it.
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
      // Copied in slices, pausing between them: one copy of a posting column (tens of MB at 100k
      // paragraphs, its pages touched for the first time) blocked a reload's event loop for 70 ms.
      const own = new Uint8Array(bytes.byteLength);
      for (let start = 0; start < bytes.byteLength; start += COPY_STEP) {
        own.set(bytes.subarray(start, start + COPY_STEP), start);
        await pause();
      }
      return own;
    },
    close: async () => undefined,
  };
}

/**
 * The sections of a library in its cache file, read into shared memory (see sharedBytes), from the file opened again: the very file whose
 * header was read (same device, inode, size and time of change), else this throws, and the caller
 * rebuilds rather than read another file's bytes at the old offsets. Reads go to Node's thread pool,
 * so they never block the event loop. The caller closes the source.
 */
export async function openSectionsInFile(stored: LibraryInFile, windowBytes = READ_WINDOW_BYTES): Promise<SectionSource> {
  const { file, offsets, header } = stored;
  const handle = await openCacheFile(file.path);
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.dev !== file.dev || now.ino !== file.ino || now.size !== file.size || now.mtimeMs !== file.mtimeMs)
      throw new Error('the cache file changed after its header was read');
  } catch (error) {
    await handle.close();
    throw error;
  }
  const window = new FileWindow(handle, file.size, windowBytes);
  const place = (i: number) => {
    const offset = offsets[i];
    const bytes = header.sections[i]?.bytes;
    if (offset === undefined || bytes === undefined) throw new Error(`no section ${i} in the cache file`);
    return { offset, bytes };
  };
  return {
    view: (i, start, end) => {
      const { offset, bytes } = place(i);
      if (start < 0 || start > end || end > bytes) throw new Error(`bytes ${start}-${end} are outside section ${i}`);
      return window.bytesAt(offset + start, end - start);
    },
    own: async (i) => {
      const { offset, bytes } = place(i);
      // Not from Node's shared pool: the column owns its memory.
      const own = sharedBytes(bytes);
      await readFully(handle, own, 0, bytes, offset);
      return new Uint8Array(own.buffer, 0, bytes);
    },
    close: () => handle.close(),
  };
}

/**
 * One buffer that holds a stretch of the file, refilled from where the next read starts: the sections
 * are read in order, so each refill serves the many small JSON sections after it, or the next few
 * stretches of a long text. The part of the window a refill still needs is moved, not read again.
 */
class FileWindow {
  private buffer: Buffer;
  /** The file's bytes [start, end) are in `buffer` from 0. */
  private start = 0;
  private end = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly fileSize: number,
    capacity: number,
  ) {
    this.buffer = sharedBytes(capacity);
  }

  async bytesAt(position: number, length: number): Promise<Uint8Array> {
    if (position < this.start || position + length > this.end) await this.refill(position, length);
    const at = position - this.start;
    return this.buffer.subarray(at, at + length);
  }

  private async refill(position: number, length: number): Promise<void> {
    const kept = position >= this.start && position < this.end ? this.end - position : 0;
    const keptAt = position - this.start;
    if (length > this.buffer.byteLength) {
      const larger = sharedBytes(length);
      if (kept > 0) this.buffer.copy(larger, 0, keptAt, keptAt + kept);
      this.buffer = larger;
    } else if (kept > 0) {
      this.buffer.copy(this.buffer, 0, keptAt, keptAt + kept);
    }
    const filled = Math.min(this.buffer.byteLength, this.fileSize - position);
    if (filled < length) throw new Error('the cache file ends before its sections do');
    // Mark the window empty first: a failed read must not leave stale bytes looking valid.
    this.start = this.end = 0;
    await readFully(this.handle, this.buffer, kept, filled - kept, position + kept);
    this.start = position;
    this.end = position + filled;
  }
}

/**
 * A buffer of its own over shared memory: what is read from the file is hashed on the checksum thread
 * (sectionHasher.ts) in place, not copied there.
 */
function sharedBytes(length: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(length));
}

async function readFully(handle: FileHandle, into: Buffer, at: number, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(into, at + done, length - done, position + done);
    if (bytesRead === 0) throw new Error('the cache file ends before its sections do');
    done += bytesRead;
  }
}
