// The search side's contract: what the answer engines may ask of an index of paragraphs.

export interface SearchFilters {
  year?: number;
  month?: number;
  articleId?: string;
}

export interface PassageHit {
  articleId: string;
  /** 1-based paragraph number. */
  paragraph: number;
  score: number;
  /** Share (0..1) of the query's content words found in this paragraph. */
  coverage: number;
  /** Folded query terms (syllables or bigrams) that matched. */
  matchedTerms: string[];
}

export interface SearchOutcome {
  hits: PassageHit[];
  /** The query's content syllables after the analyzer (folded), for messages and highlighting. */
  queryTerms: string[];
  /** Glossary phrases the query was widened with (`defense industry` → `công nghiệp quốc phòng`), for highlighting. */
  expansions?: string[];
}

export interface PassageIndex {
  search(query: string, filters?: SearchFilters, limit?: number): SearchOutcome;
  /** Corpus words or phrases close to what was typed (for "did you mean" and autocomplete). */
  suggest(query: string, limit?: number): string[];
}
