// The syllable matcher behind every trigger and marker table is a faster way to say what the
// whole-syllable patterns say; these tests hold it to the patterns on text built to hit the edges
// (hyphens, capitals, odd spaces, letters outside Latin script, letters with unusual case folding).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_FALSE_FRIENDS, AGREEMENT_WORDS, NEGATIONS } from '../../src/language/agreementWords.ts';
import { MEETING_WORDS, REPORTING_VERBS } from '../../src/language/meetingWords.ts';
import { STATUS_MARKERS } from '../../src/language/statusMarkers.ts';

const STATUS_WORDS = STATUS_MARKERS.map((marker) => marker.phrase);
import { findTriggers } from '../../src/text/findTriggers.ts';
import { findWords, wordEndsAt, wordStartsAt } from '../../src/text/syllableMatch.ts';
import { wordsAndMarksOf } from '../../src/text/textCut.ts';
import { endsWithWordPattern, findTriggersByPattern, startsWithWordPattern, wordPattern } from '../../src/text/wordPatterns.ts';

const falseFriends = AGREEMENT_FALSE_FRIENDS.map((friend) => friend.phrase);
const rows = [...MEETING_WORDS, ...REPORTING_VERBS, ...AGREEMENT_WORDS];
const tableWords = [
  ...rows.flatMap((row) => [row.phrase, ...(row.notFollowedBy ?? []), ...(row.notPrecededBy ?? []), ...(row.needsNext?.words ?? [])]),
  ...falseFriends,
  ...STATUS_WORDS,
  ...NEGATIONS,
];
// Lone syllables of the phrases, so separators land inside phrases too (`hội-đàm`, `ký,kết`).
const syllables = [...new Set(tableWords.flatMap((phrase) => phrase.split(' ')))];
const otherWords = ['Tổng thống', 'Thư', 'KÝ', 'Gặp', 'HỘI ĐÀM', 'NATO', 'Hà Nội', 'tại', 'án', 'tục', 'ngày 11/7', 'Jae-myung'];
const separators = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00A0',
  '\u2009',
  '-',
  '‐',
  ', ',
  '. ',
  '"',
  '“',
  '(',
  ')',
  "'",
  '’',
  '×',
  '2',
  'x',
  '',
];
// Letters outside Latin script, a lone surrogate, a combining accent, and letters whose case folding
// differs from lowercasing (Kelvin sign, long s, dotted I): those texts take the patterns' path.
const oddities = ['中', '𝐀', '\uD800', '\u0301', 'Ω', '\u212A', 'ſ', 'İ', 'ẛ'];

const capitalised = (text: string, how: number) =>
  how === 1 ? text.toUpperCase() : how === 2 && text !== '' ? text[0]!.toUpperCase() + text.slice(1) : text;
const word = fc
  .tuple(fc.constantFrom(...tableWords, ...syllables, ...otherWords), fc.integer({ min: 0, max: 5 }))
  .map(([text, how]) => capitalised(text, how));
const separator = fc.constantFrom(...separators);
// A table row with what may surround it: one of its exceptions or a denial before, its own words joined
// by any separator, then one of its exceptions or required words (or a name) after.
const aroundRow = fc
  .constantFrom(...rows)
  .chain((row) =>
    fc
      .tuple(
        fc.constantFrom('', ...(row.notPrecededBy ?? []), 'sẽ', 'không', 'dự kiến'),
        separator,
        separator,
        separator,
        fc.constantFrom('', ...(row.notFollowedBy ?? []), ...(row.needsNext?.words ?? []), 'Tổng thống', 'án', 'việc'),
        fc.integer({ min: 0, max: 8 }),
      )
      .map(([before, first, inside, after, next, how]) =>
        [capitalised(before, how), first, capitalised(row.phrase.split(' ').join(how > 5 ? inside : ' '), how), after, next].join(''),
      ),
  );
const piece = fc.oneof(
  { weight: 4, arbitrary: aroundRow },
  { weight: 4, arbitrary: word },
  { weight: 4, arbitrary: separator },
  { weight: 1, arbitrary: fc.constantFrom(...oddities) },
);
const sentence = fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''));
const run = { seed: 20250624, numRuns: 3000 };

/**
 * `expect(actual).toEqual(expected)`, made only when the two differ: the properties compare thousands of
 * texts, and building an assertion costs more than the comparison (a second of the file's three).
 */
function expectEqual(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const spans = (matches: readonly { rule: { phrase: string }; start: number; end: number }[]) =>
  matches.map((match) => [match.rule.phrase, match.start, match.end]);

describe('syllable matching agrees with the whole-syllable patterns', () => {
  it('finds the same meeting, reporting and agreement words, exceptions and false friends included', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expectEqual(spans(findTriggers(text, MEETING_WORDS)), spans(findTriggersByPattern(text, MEETING_WORDS)));
        expectEqual(spans(findTriggers(text, REPORTING_VERBS)), spans(findTriggersByPattern(text, REPORTING_VERBS)));
        expectEqual(
          spans(findTriggers(text, AGREEMENT_WORDS, falseFriends)),
          spans(findTriggersByPattern(text, AGREEMENT_WORDS, falseFriends)),
        );
      }),
      run,
    );
  });

  it('tells whether a marker ends or starts at any position, as the anchored patterns do on the cut text', () => {
    fc.assert(
      fc.property(sentence, fc.nat(), (text, at) => {
        const position = at % (text.length + 1);
        expectEqual(wordEndsAt(text, position, STATUS_WORDS), endsWithWordPattern(text.slice(0, position), STATUS_WORDS));
        expectEqual(wordStartsAt(text, position, NEGATIONS), startsWithWordPattern(text.slice(position), NEGATIONS));
      }),
      run,
    );
  });

  it('finds every occurrence of each marker, marker by marker', () => {
    const markers = ['tại', 'ở', 'bên lề', 'với', 'thư ký'];
    fc.assert(
      fc.property(sentence, (text) => {
        const expected = markers.flatMap((phrase) =>
          [...text.matchAll(wordPattern(phrase))].map((match) => [phrase, match.index, match.index + match[0].length]),
        );
        expectEqual(
          findWords(text, markers).map((match) => [match.phrase, match.start, match.end]),
          expected,
        );
      }),
      run,
    );
  });
});

describe('wordsAndMarksOf', () => {
  const TOKEN = /([\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)|[^\s\p{L}\p{M}\p{N}]/gu;

  it('cuts words (hyphens and apostrophes inside) and single marks, as the token pattern does', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const expected = [...text.matchAll(TOKEN)].map((match) => [
          match[0],
          match.index,
          match.index + match[0].length,
          match[1] !== undefined,
        ]);
        expectEqual(
          wordsAndMarksOf(text).map((token) => [token.text, token.start, token.end, token.isWord]),
          expected,
        );
      }),
      run,
    );
  });

  it('keeps `Jae-myung` and `O’Brien` whole and a closing quote apart', () => {
    expect(wordsAndMarksOf('Lee Jae-myung, O’Brien”').map((token) => token.text)).toEqual(['Lee', 'Jae-myung', ',', 'O’Brien', '”']);
  });
});

describe('trigger tables', () => {
  it('refuse a phrase that is not whole Latin syllables, rather than never matching it', () => {
    expect(() => findTriggers('hội-đàm', [{ phrase: 'hội-đàm' }])).toThrow(/Latin letters and digits only/);
  });
});
