// The cache's sections that hold the library's lookups (see lookups/storedLookups.ts): one Uint32
// section per lookup, and a table of the folded strings they name (their names and titles are in the
// library's own `strings`).

export const LOOKUP_U32_SECTIONS = [
  'participantNamesLookup',
  'meetingsByParticipantLookup',
  'agreementQuotesLookup',
  'agreementsByArticleLookup',
  'partiesLookup',
  'peopleWordsLookup',
  'articleIdOrderLookup',
  'articleOrderLookup',
  'popularLookup',
  /** Where each string of `lookupStrings` ends. */
  'lookupStringEnds',
] as const;
export const LOOKUP_TEXT_SECTIONS = [
  /** Folded words, syllables, parties and quotes that the lookups name: ASCII but for a few, so UTF-8. */
  'lookupStrings',
] as const;
export type LookupU32Section = (typeof LOOKUP_U32_SECTIONS)[number];
