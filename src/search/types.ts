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
  /** The query's content words, as typed, that this paragraph does not contain. */
  missing?: string[];
}

/** An English phrase of a query and the Vietnamese the glossary searched for it. */
export interface Translation {
  typed: string;
  vietnamese: string[];
}

export interface SearchMode {
  /**
   * Any one content word makes a paragraph count, most words found first: the last resort when no
   * paragraph holds enough of the question (`ông Wi gửi thư gì cho Rutte`, where no article says `gửi thư`).
   */
  partial?: boolean;
  /**
   * Stop looking once this many paragraphs answer (or after SEARCH_TUNING.maxDocumentsExaminedEarlyStop
   * posting entries), walking the library from its last articles, the ones an empty `/cite` id lists
   * first too. The hits are the best of those found, ranked as any search's; not the best of the
   * whole library. For autocomplete, which needs plausible choices at once: a common phrase can be in a
   * third of all paragraphs, and ranking them took milliseconds a keystroke.
   */
  enoughAnswers?: number;
}

export interface SearchOutcome {
  hits: PassageHit[];
  /** The query's content syllables after the analyzer (folded), for messages and highlighting. */
  queryTerms: string[];
  /** Glossary phrases the query was widened with (`defense industry` → `công nghiệp quốc phòng`), for highlighting. */
  expansions?: string[];
  /** The hits hold only some of the query's words (`SearchMode.partial`), most words first. */
  partial?: boolean;
  /** English phrases the glossary translated, with the Vietnamese searched for each. */
  translations?: Translation[];
}

export interface PassageIndex {
  search(query: string, filters?: SearchFilters, limit?: number, mode?: SearchMode): SearchOutcome;
  /** The English phrases of `text` the glossary knows, with their Vietnamese. */
  translate(text: string): Translation[];
  /** Corpus words or phrases close to what was typed (for "did you mean" and autocomplete). */
  suggest(query: string, limit?: number): string[];
}
