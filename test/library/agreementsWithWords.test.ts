// /agreements' topic search on positions: the syllable lists (or their bits, for common syllables)
// decide, and a quote's text is read only for a word that stands inside a longer syllable.
import { describe, expect, it } from 'vitest';
import type { AgreementItem } from '../../src/answers/answer.ts';
import type { Library } from '../../src/library/library.ts';
import { agreementPositionsWithWords, syllableShortcutsIndex } from '../../src/library/lookups/agreementsWithWords.ts';
import { agreementQuotesIndex } from '../../src/library/lookups/agreementsByWord.ts';
import { longerSyllables } from '../../src/library/lookups/syllablesInsideOthers.ts';
import { positionsOf } from '../../src/library/lookups/positionLists.ts';
import { runToEnd } from '../../src/text/steps.ts';

function agreement(quote: string, date: string): AgreementItem {
  return {
    kind: 'agreement',
    status: 'held',
    date,
    summary: quote,
    citations: [{ articleId: `a-${date}`, date: date.slice(0, 7), paragraph: 1, quote }],
    parties: [],
  };
}

/** The agreements the search reads: the quotes given, then `filler` ones that share none of the topics' words. */
function libraryOf(quotes: readonly string[], filler = 0): Library {
  const agreements = [
    ...quotes.map((quote, i) => agreement(quote, `2020-01-${String(i + 1).padStart(2, '0')}`)),
    ...Array.from({ length: filler }, (_, i) =>
      agreement(`Hai bên ký biên bản ghi nhớ số ${i}.`, `2021-02-${String((i % 28) + 1).padStart(2, '0')}`),
    ),
  ];
  return { agreements } as unknown as Library;
}

const QUOTES = [
  'Hai bên nhất trí hợp tác quân sự.', // 0: hop tac quan
  'Hai bên nhất trí hợp tác quang điện.', // 1: "quan" only inside "quang"
  'Hai bên nhất trí tăng cường quân sự.', // 2
  'Hai bên nhất trí tăng cường quân y.', // 3
  'Hai bên nhất trí tăng cường quân đội.', // 4
  'Hai bên nhất trí hợp tác điện lực.', // 5: hop tac, no quan
];

describe('agreements holding every word of a topic, by position', () => {
  it('finds a word that stands only inside a longer syllable of a quote, when another word is rarer', () => {
    // Few agreements: every syllable's list is kept as bits.
    const few = libraryOf(QUOTES);
    expect(syllableShortcutsIndex.get(few).bitsOfSyllable.size).toBeGreaterThan(0);
    expect([...agreementPositionsWithWords(few, 'hợp tác quân')]).toEqual([0, 1]);
    // Many agreements: the topic's words are rare enough to be read from their lists.
    const many = libraryOf(QUOTES, 300);
    const { idOf } = agreementQuotesIndex.get(many).agreementsBySyllable;
    expect(syllableShortcutsIndex.get(many).bitsOfSyllable.has(idOf.get('quan')!)).toBe(false);
    expect([...agreementPositionsWithWords(many, 'hợp tác quân')]).toEqual([0, 1]);
  });

  it('reads the quotes for a word inside a longer syllable found in more agreements than there are candidates', () => {
    // "quang" in four more agreements among the candidates "hợp tác" leaves: their text is read instead.
    const optics = 'Hai bên nhất trí phát triển quang học.';
    const quotes = [QUOTES[0]!, optics, optics, QUOTES[1]!, optics, optics, ...QUOTES.slice(2)];
    for (const library of [libraryOf(quotes), libraryOf(quotes, 300)]) {
      expect([...agreementPositionsWithWords(library, 'hợp tác quân')]).toEqual([0, 3]);
      expect([...agreementPositionsWithWords(library, 'hợp tác quân', 1)]).toEqual([3]);
    }
  });

  it('matches a word inside no longer syllable only where it stands whole, within the dates asked', () => {
    for (const library of [libraryOf(QUOTES), libraryOf(QUOTES, 300)]) {
      expect([...agreementPositionsWithWords(library, 'tang cuong quan')]).toEqual([2, 3, 4]);
      expect([...agreementPositionsWithWords(library, 'hop tac dien')]).toEqual([1, 5]);
      expect([...agreementPositionsWithWords(library, 'hop tac dien', 2, 6)]).toEqual([5]);
      expect([...agreementPositionsWithWords(library, 'hop tac', 0, 1)]).toEqual([0]);
      // Every word must be a syllable of some quote; the rarest is matched whole.
      expect([...agreementPositionsWithWords(library, 'hop tac qua')]).toEqual([]);
      expect([...agreementPositionsWithWords(library, 'quang quan')]).toEqual([1]);
    }
  });
});

describe('syllables inside longer ones', () => {
  it('lists, for each syllable, the longer ones holding it at their start, middle or end', () => {
    const words = ['quan', 'quang', 'tin', 'tinh', 'an', 'su', 'nsu', 'y', 'anan'];
    const longer = runToEnd(longerSyllables(new Map(words.map((word, id) => [word, id]))));
    const longerOf = (word: string) => [...(positionsOf(longer, word) ?? [])].map((id) => words[id]);
    expect(longerOf('quan')).toEqual(['quang']);
    expect(longerOf('an')).toEqual(['quan', 'quang', 'anan']);
    expect(longerOf('su')).toEqual(['nsu']);
    expect(longerOf('tin')).toEqual(['tinh']);
    for (const word of ['quang', 'tinh', 'y', 'nsu', 'anan']) expect(longerOf(word)).toEqual([]);
  });
});
