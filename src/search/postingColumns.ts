// The passage index's postings as flat columns (typed arrays), searched in place. At 100k paragraphs
// there are ~9M postings: as JavaScript Maps (how MiniSearch keeps them) they took ~500 MB of heap and
// seconds to rebuild at every start; as columns they take ~70 MB, outside the JS heap, and the library
// cache hands them over as they are. A term is found through a hash table of terms (termTable.ts), stored too.
import { GrowingUint32 } from '../text/growingUint32.ts';
import { FrequencyColumnWriter, FrequencyOverflow, NO_OVERFLOW, OVERFLOW, checkOverflowEntry } from './frequencyColumn.ts';
import { TermTable } from './termTable.ts';
import { DocumentIdTable } from './documentIdTable.ts';
import { PackedColumn, UNPACKED_UP_TO } from './packedColumn.ts';

export { TermTable } from './termTable.ts';

/** The index as a few flat arrays, for the library cache (src/library/cacheFormat.ts). */
export interface PassageIndexColumns {
  /** Paragraph id (`articleId#number`) by short id, 0..n-1. */
  documentIds: DocumentIdTable;
  /** Distinct terms per paragraph (MiniSearch's field length), by short id. */
  fieldLengths: Uint32Array;
  averageLength: number;
  /** The terms, numbered in the order of their postings. */
  terms: TermTable;
  /** The postings of term `i` are `documents`/`frequencies` from `termEnds[i - 1]` (or 0) to `termEnds[i]`, short ids ascending. */
  termEnds: Uint32Array;
  /** Per posting, its paragraph's short id, packed (packedColumn.ts). */
  documents: PackedColumn;
  /** Per posting, how often the term occurs in the paragraph, packed; OVERFLOW (255) when in the overflow table (frequencyColumn.ts). */
  frequencies: PackedColumn<'u8'>;
  /** Positions of the postings marked OVERFLOW, ascending, and their exact frequencies. */
  overflowPositions: Uint32Array;
  overflowFrequencies: Uint32Array;
  vocabulary: Array<[folded: string, display: string]>;
}

/** The columns without the vocabulary, which the index keeps as a radix tree instead. */
export type PostingColumns = Omit<PassageIndexColumns, 'vocabulary'>;

/**
 * One term's postings: its paragraphs in ascending order and their frequencies, read in place from the
 * columns (plain views of them when unpacked, else each posting decoded where it is read: packedColumn.ts).
 * Queries walk one list and ask the others "does paragraph X contain you?"; a walk asks in ascending order, so each
 * lookup gallops on from where the previous one ended instead of searching the whole list again.
 * A list asked often enough borrows a dense array (one slot per paragraph) for the rest of the
 * query: filling it costs about as much as 1/16 of its size in searches, and each lookup is then one read.
 */
export class TermPostings {
  /** Frequency bytes by paragraph while lent by {@link DenseViews} (OVERFLOW as in `frequencies`); else undefined. */
  dense: Uint8Array | undefined = undefined;
  private cursor = 0;
  private lookups = 0;
  private readonly lookupsBeforeDense: number;

  /** The list's paragraphs and frequency bytes as views of their columns when unpacked; undefined when packed. */
  private readonly plain: Uint32Array | undefined;
  private readonly plainFrequencies: Uint8Array | undefined;

  constructor(
    /** The columns' paragraphs: this list's are `size` of them from `start`. */
    private readonly documents: PackedColumn<'u32'>,
    /** The columns' frequency bytes, OVERFLOW when the frequency is in `overflow`. */
    private readonly frequencies: PackedColumn<'u8'>,
    /** Where this list starts in the columns (and in the overflow table's positions). */
    private readonly start: number,
    readonly size: number,
    private readonly overflow: FrequencyOverflow = NO_OVERFLOW,
    private readonly denseViews?: DenseViews,
  ) {
    if (start + size > documents.length || start + size > frequencies.length)
      throw new Error('passage index columns: a list past the postings');
    this.plain = documents.view(start, size);
    this.plainFrequencies = frequencies.view(start, size);
    this.lookupsBeforeDense = denseViews ? 64 + (size >>> 4) : Infinity;
  }

  /** The paragraph of the list's posting at `at` (0..size-1), ascending with `at`. */
  documentAt(at: number): number {
    const plain = this.plain;
    return plain !== undefined ? plain[at]! : this.documents.at(this.start + at);
  }

  /** The byte of the list's posting at `at` (OVERFLOW for a large frequency). */
  private frequencyByteAt(at: number): number {
    const plain = this.plainFrequencies;
    return plain !== undefined ? plain[at]! : this.frequencies.at(this.start + at);
  }

  /**
   * Sets `dense[paragraph]` to each posting's frequency byte (to 0 with `clear`) for every posting of the
   * list; `scratch` holds packed frequency bytes while they are used.
   */
  scatterInto(dense: Uint8Array, clear: boolean, scratch: () => Uint8Array): void {
    const { plain, size } = this;
    let bytes: Uint8Array | undefined;
    if (!clear) {
      bytes = this.plainFrequencies;
      if (bytes === undefined) {
        bytes = scratch();
        this.frequencies.decodeInto(this.start, size, bytes);
      }
    }
    if (plain === undefined) this.documents.scatter(this.start, size, dense, bytes);
    else if (bytes === undefined) clearDense(dense, plain, size);
    else fillDense(dense, plain, bytes, size);
  }

  /** How often the paragraph contains the term; 0 when it does not. */
  frequencyIn(document: number): number {
    const frequency = this.frequencyByteIn(document);
    return frequency !== OVERFLOW ? frequency : this.frequencyAt(this.positionOf(document));
  }

  has(document: number): boolean {
    return this.frequencyByteIn(document) !== 0;
  }

  /** The frequency of the list's posting at `at` (0..size-1). */
  frequencyAt(at: number): number {
    const frequency = this.frequencyByteAt(at);
    return frequency !== OVERFLOW ? frequency : this.overflow.frequencyAt(this.start + at);
  }

  /** The paragraph's byte in `frequencies` (OVERFLOW for a large frequency); 0 when it has no posting. */
  private frequencyByteIn(document: number): number {
    if (this.dense !== undefined) return this.dense[document]!;
    if (++this.lookups > this.lookupsBeforeDense && this.denseViews!.lend(this)) return this.dense![document]!;
    const at = this.positionOf(document);
    return at < this.size && this.documentAt(at) === document ? this.frequencyByteAt(at) : 0;
  }

  /** The first position holding `document` or a later paragraph (`size` when none does). */
  private positionOf(document: number): number {
    const { size } = this;
    let low = this.cursor;
    let high: number;
    if (low < size && this.documentAt(low) <= document) {
      // Gallop: double the step until it passes `document`, then search the last step.
      let step = 1;
      high = low + 1;
      while (high < size && this.documentAt(high) < document) {
        low = high;
        step *= 2;
        high = low + step;
      }
      if (high > size) high = size;
    } else {
      // The same downwards, for a walk from the last paragraphs (a search that stops early): the
      // cursor's paragraph is later than `document`, so the answer is at the cursor or before it.
      high = low;
      let step = 1;
      low = high - 1;
      while (low > 0 && this.documentAt(low) >= document) {
        high = low;
        step *= 2;
        low = high - step;
      }
      if (low < 0) low = 0;
    }
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.documentAt(middle) < document) low = middle + 1;
      else high = middle;
    }
    this.cursor = low;
    return low;
  }
}

/**
 * Dense frequency arrays (one byte per paragraph, as in the columns) lent to the posting lists a query
 * asks most, and taken back, zeroed, when it ends ({@link returnAll}). At most `maxLent` at a time, kept
 * for reuse: at 100k paragraphs each is 100 KB.
 */
export class DenseViews {
  private readonly free: Uint8Array[] = [];
  private readonly lent: TermPostings[] = [];
  /** A lent list's packed frequencies, decoded while its view is filled (grown for the longest list). */
  private scratch = new Uint8Array(0);

  constructor(
    private readonly documentCount: number,
    private readonly maxLent = 16,
  ) {}

  /** Gives the postings a dense view; false when all are lent. */
  lend(postings: TermPostings): boolean {
    if (postings.dense !== undefined) return true;
    if (this.lent.length >= this.maxLent) return false;
    const dense = this.free.pop() ?? new Uint8Array(this.documentCount);
    // Filled by a function of its own, for the reason given in returnAll.
    postings.scatterInto(dense, false, () => this.scratchOf(postings.size));
    postings.dense = dense;
    this.lent.push(postings);
    return true;
  }

  private scratchOf(size: number): Uint8Array {
    if (this.scratch.length < size) this.scratch = new Uint8Array(Math.max(size, 2 * this.scratch.length));
    return this.scratch;
  }

  returnAll(): void {
    // The clearing loop is a function of its own and this loop indexed: V8 compiled a long loop on the
    // stack (OSR) before the code after it had ever run, and that code then bailed out there on every
    // later query that lent or returned a view (hundreds to over a thousand times in a bench run).
    const { lent } = this;
    for (let i = 0; i < lent.length; i++) {
      const postings = lent[i]!;
      const dense = postings.dense!;
      // A list holding many of the paragraphs is cleared faster by zeroing every byte (a memset) than
      // by finding its postings again (packed ones are decoded: a tenth of /ask's time at 1M paragraphs).
      if (postings.size > dense.length >>> 5) dense.fill(0);
      else postings.scatterInto(dense, true, () => this.scratchOf(postings.size));
      postings.dense = undefined;
      this.free.push(dense);
    }
    lent.length = 0;
  }
}

function fillDense(dense: Uint8Array, documents: Uint32Array, frequencies: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) dense[documents[i]!] = frequencies[i]!;
}

function clearDense(dense: Uint8Array, documents: Uint32Array, size: number): void {
  for (let i = 0; i < size; i++) dense[documents[i]!] = 0;
}

/** Finds a term's postings in the columns. */
export class PostingLookup {
  /** Lent to the postings of the running query, taken back by {@link endQuery}. */
  private readonly denseViews: DenseViews;
  private readonly overflow: FrequencyOverflow;
  private readonly columns: Pick<PostingColumns, 'terms' | 'termEnds' | 'documents' | 'frequencies'>;

  constructor(columns: PostingColumns) {
    // What a lookup reads, not the paragraph ids: at 1M paragraphs those are a million strings.
    const { terms, termEnds, documents, frequencies } = columns;
    this.columns = { terms, termEnds, documents, frequencies };
    this.denseViews = new DenseViews(columns.documentIds.length);
    this.overflow = new FrequencyOverflow(columns.overflowPositions, columns.overflowFrequencies);
  }

  postingsOf(term: string): TermPostings | undefined {
    const index = this.columns.terms.indexOf(term);
    if (index < 0) return undefined;
    const { termEnds, documents, frequencies } = this.columns;
    const start = index === 0 ? 0 : termEnds[index - 1]!;
    const end = termEnds[index]!;
    return new TermPostings(documents, frequencies, start, end - start, this.overflow, this.denseViews);
  }

  /** Takes back the dense views lent during a query; call it when the query ends, however it ends. */
  endQuery(): void {
    this.denseViews.returnAll();
  }

  /** Paragraphs containing the term, without making views (autocomplete asks this of many terms). */
  documentFrequency(term: string): number {
    const index = this.columns.terms.indexOf(term);
    if (index < 0) return 0;
    const { termEnds } = this.columns;
    return termEnds[index]! - (index === 0 ? 0 : termEnds[index - 1]!);
  }
}

/** Postings checked between two yields of {@link indexPostingColumns} (a few milliseconds at most). */
const POSTINGS_PER_STEP = 1 << 20;

/**
 * Checks that columns fit together, yielding every million postings or so so a loader can let the
 * event loop run. Throws on columns that do not fit together.
 */
export function* indexPostingColumns(
  columns: PostingColumns,
  postingsPerStep = POSTINGS_PER_STEP,
  /** Up to how many postings the paragraphs are unpacked (tests make it 0 to search packed lists). */
  unpackedUpTo = UNPACKED_UP_TO,
): Generator<void, PostingLookup, void> {
  const { documentIds, fieldLengths, terms, termEnds, documents, frequencies, overflowPositions, overflowFrequencies } = columns;
  if (
    fieldLengths.length !== documentIds.length ||
    termEnds.length !== terms.size ||
    documents.length !== frequencies.length ||
    overflowPositions.length !== overflowFrequencies.length
  ) {
    throw new Error('passage index columns: lengths do not match');
  }
  yield* terms.checkSteps();
  if (documents.length <= unpackedUpTo) {
    yield* documents.unpackSteps(postingsPerStep);
    yield* frequencies.unpackSteps(postingsPerStep);
  }
  const checked: CheckedSoFar = { term: 0, overflowAt: 0, scratch: new Uint32Array(1024), frequencyScratch: new Uint32Array(1024) };
  while (checked.term < termEnds.length) {
    checkPostingsOfTerms(columns, checked, postingsPerStep);
    yield;
  }
  if ((termEnds.length === 0 ? 0 : termEnds[termEnds.length - 1]!) !== documents.length)
    throw new Error('passage index columns: postings left over');
  if (checked.overflowAt !== overflowPositions.length) throw new Error('passage index columns: large frequencies of no marked posting');
  return new PostingLookup(columns);
}

interface CheckedSoFar {
  /** The next term to check. */
  term: number;
  /** Where the next marked posting's entry is in the overflow table. */
  overflowAt: number;
  /** A term's paragraphs and frequencies, decoded to be checked (grown for the longest list). */
  scratch: Uint32Array;
  frequencyScratch: Uint32Array;
}

/**
 * Checks the postings of the terms from `checked.term` on, about `budget` of them (whole terms), and
 * moves `checked` past them: each term's paragraphs strictly ascending and known, each frequency
 * present, a marked one found in the overflow table (checkOverflowEntry). One function and one loop
 * over many terms, not a call per term from the generator above: V8 optimizes a loop inside a generator
 * only when the generator is entered again, and a call per term cost more than its postings' checks
 * (at 1M paragraphs, 670k terms and 86M postings: 1.4 s, against ~0.2 s in one loop).
 */
function checkPostingsOfTerms(columns: PostingColumns, checked: CheckedSoFar, budget: number): void {
  const { termEnds, documents, frequencies, overflowPositions, overflowFrequencies } = columns;
  const count = columns.documentIds.length;
  let term = checked.term;
  let overflowAt = checked.overflowAt;
  let start = term === 0 ? 0 : termEnds[term - 1]!;
  const stopAt = start + budget;
  for (; term < termEnds.length && start < stopAt; term++) {
    const end = termEnds[term]!;
    if (end < start || end > documents.length) throw new Error('passage index columns: term offsets out of order');
    if (end - start > checked.scratch.length) {
      const length = Math.max(end - start, 2 * checked.scratch.length);
      checked.scratch = new Uint32Array(length);
      checked.frequencyScratch = new Uint32Array(length);
    }
    let paragraphs = documents.view(start, end - start);
    if (paragraphs === undefined) {
      paragraphs = checked.scratch;
      documents.decodeInto(start, end - start, paragraphs);
    }
    // Packed frequencies are decoded into 32 bits, not bytes: a damaged value over 255 is seen, not cut short.
    let bytes: Uint8Array | Uint32Array | undefined = frequencies.view(start, end - start);
    if (bytes === undefined) {
      bytes = checked.frequencyScratch;
      frequencies.decodeInto(start, end - start, bytes);
    }
    let previous = -1;
    for (let at = start; at < end; at++) {
      const document = paragraphs[at - start]!;
      // Lookups search each list by halves: it must be strictly ascending.
      if (document >= count) throw new Error('passage index columns: posting of an unknown paragraph');
      if (document <= previous) throw new Error('passage index columns: postings out of order');
      previous = document;
      const frequency = bytes[at - start]!;
      if (frequency === 0) throw new Error('passage index columns: a posting without occurrences');
      if (frequency > OVERFLOW) throw new Error('passage index columns: a frequency byte over 255');
      if (frequency === OVERFLOW) overflowAt = checkOverflowEntry(overflowPositions, overflowFrequencies, at, overflowAt);
    }
    start = end;
  }
  checked.term = term;
  checked.overflowAt = overflowAt;
}

/**
 * Collects postings paragraph by paragraph, then sorts them by term (counting sort, so each term's
 * paragraphs stay in the order they were added: ascending). `passageIndex.test.ts` checks the result
 * against terms counted paragraph by paragraph.
 */
export class PostingColumnsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly lastDocumentOfTerm: number[] = [];
  private readonly lastPostingOfTerm: number[] = [];
  private readonly postingTerms = new GrowingUint32();
  private readonly postingDocuments = new GrowingUint32();
  private readonly postingFrequencies = new GrowingUint32();
  private readonly documentIds: string[] = [];
  private readonly knownIds = new Set<string>();
  private readonly fieldLengths = new GrowingUint32();
  private totalLength = 0;

  /** Adds the next paragraph with its terms (repeats counted as its frequency). */
  add(id: string, terms: readonly string[]): void {
    if (this.knownIds.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    this.knownIds.add(id);
    const document = this.documentIds.length;
    this.documentIds.push(id);
    let distinctTerms = 0;
    for (const term of terms) {
      let termId = this.termIds.get(term);
      if (termId === undefined) {
        termId = this.terms.length;
        this.termIds.set(term, termId);
        this.terms.push(term);
        this.lastDocumentOfTerm.push(-1);
        this.lastPostingOfTerm.push(-1);
      }
      if (this.lastDocumentOfTerm[termId] === document) {
        this.postingFrequencies.buffer[this.lastPostingOfTerm[termId]!]!++;
        continue;
      }
      this.lastDocumentOfTerm[termId] = document;
      this.lastPostingOfTerm[termId] = this.postingTerms.length;
      this.postingTerms.push(termId);
      this.postingDocuments.push(document);
      this.postingFrequencies.push(1);
      distinctTerms++;
    }
    this.fieldLengths.push(distinctTerms);
    this.totalLength += distinctTerms;
  }

  finish(): PostingColumns {
    const termCount = this.terms.length;
    const total = this.postingTerms.length;
    const termIds = this.postingTerms.buffer;
    const termEnds = new Uint32Array(termCount);
    for (let i = 0; i < total; i++) termEnds[termIds[i]!]!++;
    for (let i = 1; i < termCount; i++) termEnds[i]! += termEnds[i - 1]!;
    const next = new Uint32Array(termCount);
    for (let i = 1; i < termCount; i++) next[i] = termEnds[i - 1]!;
    const documents = new Uint32Array(total);
    const frequencies = new FrequencyColumnWriter(total);
    for (let i = 0; i < total; i++) {
      const at = next[termIds[i]!]!++;
      documents[at] = this.postingDocuments.buffer[i]!;
      frequencies.set(at, this.postingFrequencies.buffer[i]!);
    }
    const count = this.documentIds.length;
    const { frequencies: frequencyBytes, overflowPositions, overflowFrequencies } = frequencies.finish();
    return {
      documentIds: DocumentIdTable.of(this.documentIds),
      fieldLengths: this.fieldLengths.trimmed(),
      averageLength: count === 0 ? 0 : this.totalLength / count,
      terms: TermTable.of(this.terms),
      termEnds,
      documents: PackedColumn.pack(documents),
      frequencies: PackedColumn.pack(frequencyBytes, 'u8'),
      overflowPositions,
      overflowFrequencies,
    };
  }
}
