// The reviewed language tables: well-formed, so a typo or a stray decomposed accent cannot silently
// stop a title, place or verb from matching.
import { describe, expect, it } from 'vitest';
import { AGREEMENT_FALSE_FRIENDS, AGREEMENT_WORDS, BOTH_SIDES_WORDS, NEGATIONS } from '../../src/language/agreementWords.ts';
import { MEETING_FOLLOW_UP_OPENERS, MEETING_WORDS, REPORTING_VERBS, REPRESENTATION_MARKERS } from '../../src/language/meetingWords.ts';
import { PLACE_NAMES } from '../../src/language/places.ts';
import { VIETNAMESE_FAMILY_NAMES } from '../../src/language/personNames.ts';
import { HONORIFICS, ORGANISATION_HEADS, PERSON_TITLES, PORTFOLIOS } from '../../src/language/titles.ts';
import { findAgreementWords } from '../../src/extract/extractAgreements.ts';

const tables: Record<string, readonly string[]> = {
  PERSON_TITLES,
  ORGANISATION_HEADS,
  PORTFOLIOS,
  HONORIFICS,
  PLACE_NAMES,
  VIETNAMESE_FAMILY_NAMES,
  MEETING_WORDS: MEETING_WORDS.map((row) => row.phrase),
  REPORTING_VERBS: REPORTING_VERBS.map((row) => row.phrase),
  AGREEMENT_WORDS: AGREEMENT_WORDS.map((row) => row.phrase),
  REPRESENTATION_MARKERS,
  MEETING_FOLLOW_UP_OPENERS,
  BOTH_SIDES_WORDS,
  NEGATIONS,
};

describe('language tables', () => {
  for (const [name, entries] of Object.entries(tables)) {
    it(`${name} is NFC, trimmed and free of duplicates`, () => {
      for (const entry of entries) {
        expect(entry, `${name}: "${entry}"`).toBe(entry.normalize('NFC').trim());
      }
      expect(new Set(entries).size, `${name} has duplicates`).toBe(entries.length);
    });
  }

  it('writes every title capitalised, as news do before a name', () => {
    for (const title of PERSON_TITLES) expect(title, title).toMatch(/^\p{Lu}/u);
  });

  it('writes meeting, reporting and agreement words in lowercase, as they appear mid-sentence', () => {
    for (const phrase of [...tables.MEETING_WORDS!, ...tables.REPORTING_VERBS!, ...tables.AGREEMENT_WORDS!]) {
      expect(phrase, phrase).toBe(phrase.toLowerCase());
    }
  });

  it('finds no agreement in any listed false friend, each with a reason', () => {
    for (const { phrase, why } of AGREEMENT_FALSE_FRIENDS) {
      expect(why.length, phrase).toBeGreaterThan(0);
      expect(findAgreementWords(`Họ ${phrase} điều đó.`), phrase).toEqual([]);
    }
  });
});
