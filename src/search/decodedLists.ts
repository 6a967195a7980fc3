// The posting lists a query reads, as plain arrays: views of the column when it is unpacked (a small
// library), else decoded from the packed column (postingDocuments.ts) into one buffer that every query
// reuses. The queries' walks and searches read plain arrays either way. Lists decoded into fresh arrays instead cost young-generation garbage on every query and, past a few
// megabytes, V8 answers new external memory with full collections of the whole heap.

import type { PostingDocuments } from './postingDocuments.ts';

/** Postings the shared buffer holds at most (16 MB); a query reading more decodes the rest into arrays of their own. */
const MAX_SHARED_POSTINGS = 4 * 1024 * 1024;
const FIRST_SHARED_POSTINGS = 64 * 1024;

export class DecodedLists {
  private shared: Uint32Array;
  private used = 0;

  constructor(
    private readonly column: PostingDocuments,
    private readonly maxShared = MAX_SHARED_POSTINGS,
  ) {
    this.shared = new Uint32Array(column.isUnpacked ? 0 : Math.min(FIRST_SHARED_POSTINGS, maxShared));
  }

  /** The paragraphs of postings [start, start + count), valid until {@link endQuery}. */
  decode(start: number, count: number): Uint32Array {
    const view = this.column.view(start, count);
    if (view !== undefined) return view;
    if (this.used + count > this.shared.length) {
      const needed = this.used + count;
      if (needed > this.maxShared) {
        const own = new Uint32Array(count);
        this.column.decodeInto(start, count, own);
        return own;
      }
      // A larger buffer from here on; the lists already in the old one keep it until the query ends.
      this.shared = new Uint32Array(Math.min(this.maxShared, Math.max(needed, 2 * this.shared.length)));
      this.used = 0;
    }
    const list = this.shared.subarray(this.used, this.used + count);
    this.column.decodeInto(start, count, list);
    this.used += count;
    return list;
  }

  /** The query ended: its lists' stretches of the buffer are free again. */
  endQuery(): void {
    this.used = 0;
  }
}
