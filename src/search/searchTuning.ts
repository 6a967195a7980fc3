// Every number that decides what a search finds and how it ranks, in one place a relevance tuner can
// edit alone. The answer engines read it too (`ask.ts`, `highlight.ts`), so a quote is cut by the same rules.

/** When a paragraph counts as an answer, and how matches are weighed. */
export const SEARCH_TUNING = {
  /** Share of the query's required words a paragraph must contain. */
  minCoverage: 0.6,
  /** The same share weighted by rarity (idf): missing the rare word of a query is worse. */
  minWeightedCoverage: 0.5,
  /** Multi-word queries need a matched phrase (bigram, glossary phrase) or this much coverage. */
  phraseOrCoverage: 0.8,
  /** Prefix matching applies to the last word only, once it has this many letters. */
  minPrefixLength: 3,
  maxPrefixExpansions: 20,
  /** Fuzzy matching applies to words this long that the corpus (almost) never contains. */
  minFuzzyLength: 6,
  /** A word the corpus never contains is a typo worth correcting from this length (`nghep` → `nghiệp`). */
  minFuzzyLengthForUnknownWord: 5,
  fuzzyOnlyBelowDocumentFrequency: 3,
  /** Words this long may be two edits away (`Stoltenbreg` → `Stoltenberg`), shorter ones one. */
  twoEditsFromLength: 9,
  maxFuzzyExpansions: 10,
  weights: { exact: 1, prefix: 0.5, fuzzyOneEdit: 0.6, fuzzyTwoEdits: 0.4, bigram: 1.5, synonym: 0.8 },
  /** Score bonus for a passage that matches every accented query word with its marks. */
  accentBonus: 0.25,
  /** Paragraphs containing the whole phrase that get a full score (see `scoreParagraphsMeetingAll`). */
  shortlistSize: 200,
  /** Posting entries examined per query at most; keeps p99 bounded on very common phrases. */
  maxDocumentsExamined: 30_000,
  /** The same for the last resort (`partial`), which walks the rarest words' paragraphs first. */
  maxDocumentsExaminedPartial: 5_000,
  /** The same for a search that stops at enough answers (`SearchMode.enoughAnswers`, autocomplete). */
  maxDocumentsExaminedEarlyStop: 5_000,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
} as const;
