// The best-scored paragraphs of a running search, kept in two typed columns: a search offers tens of
// thousands of candidates, and an object per offer was garbage that V8's incremental marking charged to
// the query (a reload decoding a library beside it made each such query several times slower).

/** The best-scored paragraphs so far, best first (the earlier offer first on a tie), at most `capacity`. */
export class TopParagraphs {
  /** Offers that counted as answers, kept or not. */
  answered = 0;
  private count = 0;
  private readonly documents: Uint32Array;
  /** The kept paragraphs' scores, best first: read one (`scores[size - 1]`, the worst kept) before offering. */
  readonly scores: Float64Array;

  constructor(private readonly capacity: number) {
    this.documents = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Holding `capacity` paragraphs: an offer must beat the worst kept. */
  get isFull(): boolean {
    return this.count === this.capacity;
  }

  documentAt(rank: number): number {
    return this.documents[rank]!;
  }

  /** Forgets every paragraph, so one instance serves search after search. */
  clear(): void {
    this.count = 0;
    this.answered = 0;
  }

  offer(document: number, score: number, counts = true): void {
    if (counts) this.answered++;
    const { count, capacity, documents, scores } = this;
    if (count === capacity && score <= scores[count - 1]!) return;
    let at = count;
    while (at > 0 && scores[at - 1]! < score) at--;
    // Shift the worse ones down one slot; when full, the worst falls off the end.
    const kept = count === capacity ? capacity - 1 : count;
    documents.copyWithin(at + 1, at, kept);
    scores.copyWithin(at + 1, at, kept);
    documents[at] = document;
    scores[at] = score;
    if (count < capacity) this.count = count + 1;
  }

  /** The paragraphs kept, best first. */
  entries(): Array<{ document: number; score: number }> {
    const entries: Array<{ document: number; score: number }> = [];
    for (let i = 0; i < this.count; i++) entries.push({ document: this.documents[i]!, score: this.scores[i]! });
    return entries;
  }
}
