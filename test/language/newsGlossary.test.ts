// The built-in news glossary is reviewed data: these checks catch the mistakes a hand-edited table
// invites (a stray space or decomposed accent, one English phrase claimed by two meanings, a missing
// spelling variant, a country mapped to its neighbour) before a member meets them as a wrong answer.
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/corpus/types.ts';
import { NEWS_GLOSSARY } from '../../src/language/newsGlossary.ts';
import { ENGLISH_STOPWORDS, ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE, VIETNAMESE_STOPWORDS } from '../../src/language/stopwords.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const allPhrases = NEWS_GLOSSARY.flatMap((entry) => [...entry.en, ...entry.vi]);

/** The entry that lists `english` (case-insensitive), or undefined. */
function entryFor(english: string): GlossaryEntry | undefined {
  const wanted = english.toLowerCase();
  return NEWS_GLOSSARY.find((entry) => entry.en.some((phrase) => phrase.toLowerCase() === wanted));
}

function vietnameseFor(english: string): readonly string[] {
  const entry = entryFor(english);
  if (!entry) throw new Error(`no glossary entry lists "${english}"`);
  return entry.vi;
}

/** A phrase as the search engine compares it: its folded words, so `thỏa thuận` and `thoả thuận` are one key. */
const searchKey = (phrase: string) =>
  tokenize(phrase)
    .map((token) => token.folded)
    .join(' ');

describe('NEWS_GLOSSARY is well-formed', () => {
  it('has at least 500 entries', () => {
    expect(NEWS_GLOSSARY.length).toBeGreaterThanOrEqual(500);
  });

  it('gives every entry at least one English and one Vietnamese phrase', () => {
    const incomplete = NEWS_GLOSSARY.filter((entry) => entry.en.length === 0 || entry.vi.length === 0);
    expect(incomplete).toEqual([]);
  });

  it('keeps every phrase trimmed, single-spaced, non-empty and NFC', () => {
    const bad = allPhrases.filter(
      (phrase) => phrase === '' || phrase !== phrase.trim() || /\s{2,}/.test(phrase) || phrase !== phrase.normalize('NFC'),
    );
    expect(bad).toEqual([]);
  });

  it('lists an English phrase in exactly one entry, whatever its case', () => {
    const seen = new Map<string, number>();
    const duplicates: string[] = [];
    NEWS_GLOSSARY.forEach((entry, index) => {
      for (const phrase of entry.en) {
        const key = phrase.toLowerCase();
        const owner = seen.get(key);
        if (owner !== undefined && owner !== index) duplicates.push(phrase);
        seen.set(key, index);
      }
    });
    expect(duplicates).toEqual([]);
  });

  it('never lists the same phrase (same words, same marks) under two meanings', () => {
    const owners = new Map<string, number>();
    const duplicates: string[] = [];
    NEWS_GLOSSARY.forEach((entry, index) => {
      for (const phrase of [...entry.en, ...entry.vi]) {
        const key = tokenize(phrase)
          .map((token) => token.text.toLowerCase())
          .join(' ');
        const owner = owners.get(key);
        if (owner !== undefined && owner !== index) duplicates.push(`${phrase} (also in ${JSON.stringify(NEWS_GLOSSARY[owner]!.en)})`);
        owners.set(key, index);
      }
    });
    expect(duplicates).toEqual([]);
  });

  it('shares a folded phrase between two meanings only for the reviewed words that differ by marks alone', () => {
    // Search compares folded words, so these pairs are one key to it whatever the table says; they are
    // real Vietnamese words both, kept on purpose. A new pair here needs the same review.
    const reviewed = new Set(['hai quan', 'thi truong', 'nha trang', 'phong thu ten lua']);
    const owners = new Map<string, number>();
    const unexpected: string[] = [];
    NEWS_GLOSSARY.forEach((entry, index) => {
      for (const phrase of [...entry.en, ...entry.vi]) {
        const key = searchKey(phrase);
        const owner = owners.get(key);
        if (owner !== undefined && owner !== index && !reviewed.has(key))
          unexpected.push(`${phrase} (also in ${JSON.stringify(NEWS_GLOSSARY[owner]!.en)})`);
        owners.set(key, index);
      }
    });
    expect(unexpected).toEqual([]);
  });

  it('writes no English phrase with Vietnamese-only letters (a swapped en/vi would)', () => {
    // đ, and the marks only Vietnamese uses: circumflex, tilde, breve, hook above, horn, dot below.
    const vietnameseOnly = /[đĐ\u0302\u0303\u0306\u0309\u031B\u0323]/u;
    const bad = NEWS_GLOSSARY.flatMap((entry) => entry.en).filter((phrase) => vietnameseOnly.test(phrase.normalize('NFD')));
    expect(bad).toEqual([]);
  });

  it('has no phrase made only of function words, which would match every question', () => {
    const stopwords = new Set([...VIETNAMESE_STOPWORDS, ...ENGLISH_STOPWORDS, ...ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE]);
    const isAcronym = (phrase: string) => /^[\p{Lu}\p{N}]{2,}$/u.test(phrase);
    const bad = allPhrases.filter(
      (phrase) => !isAcronym(phrase) && tokenize(phrase).every((token) => stopwords.has(token.text.toLowerCase())),
    );
    expect(bad).toEqual([]);
  });
});

describe('NEWS_GLOSSARY spells both British and American English', () => {
  // Each pair: wherever one spelling appears in an English phrase, the other spelling of that same
  // phrase sits in the same entry, so `defense minister` and `defence minister` find the same words.
  const pairs: [british: string, american: string][] = [
    ['defence', 'defense'],
    ['organisation', 'organization'],
    ['programme', 'program'],
    ['programmes', 'programs'],
    ['centre', 'center'],
    ['centres', 'centers'],
    ['labour', 'labor'],
    ['denuclearisation', 'denuclearization'],
    ['modernisation', 'modernization'],
    ['globalisation', 'globalization'],
    ['industrialisation', 'industrialization'],
    ['urbanisation', 'urbanization'],
    ['digitalisation', 'digitalization'],
    ['ageing', 'aging'],
    ['armoured', 'armored'],
    ['aluminium', 'aluminum'],
    ['criticise', 'criticize'],
    ['emphasise', 'emphasize'],
  ];

  it.each(pairs)('lists "%s" and "%s" side by side in every phrase that uses one', (british, american) => {
    const swap = (phrase: string, from: string, to: string) =>
      phrase.replace(new RegExp(`\\b${from}\\b`, 'gi'), (word) =>
        word[0] === word[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to,
      );
    const missing: string[] = [];
    let uses = 0;
    for (const entry of NEWS_GLOSSARY) {
      const phrases = new Set(entry.en.map((phrase) => phrase.toLowerCase()));
      for (const phrase of entry.en) {
        for (const [from, to] of [
          [british, american],
          [american, british],
        ] as const) {
          if (!new RegExp(`\\b${from}\\b`, 'i').test(phrase)) continue;
          uses++;
          const counterpart = swap(phrase, from, to);
          if (!phrases.has(counterpart.toLowerCase())) missing.push(`${phrase} → ${counterpart}`);
        }
      }
    }
    expect(uses).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('finds the defence minister under either spelling', () => {
    expect(vietnameseFor('defense minister')).toContain('Bộ trưởng Quốc phòng');
    expect(entryFor('defence minister')).toBe(entryFor('defense minister'));
    expect(vietnameseFor('Ministry of National Defense')).toContain('Bộ Quốc phòng');
    expect(entryFor('Ministry of National Defence')).toBe(entryFor('Ministry of National Defense'));
  });
});

describe('NEWS_GLOSSARY says what a reader expects', () => {
  it.each([
    ['Foreign Minister', ['Ngoại trưởng', 'Bộ trưởng Ngoại giao']],
    ['South Korea', ['Hàn Quốc']],
    ['North Korea', ['Triều Tiên']],
    ['memorandum of understanding', ['biên bản ghi nhớ']],
    ['MOU', ['biên bản ghi nhớ']],
    ['joint statement', ['tuyên bố chung']],
    ['talks', ['hội đàm']],
    ['phone call', ['điện đàm']],
    ['agreement', ['thỏa thuận', 'thoả thuận']],
    ['sanctions', ['trừng phạt']],
    ['tariff', ['thuế quan']],
    ['exchange rate', ['tỷ giá']],
    ['semiconductor', ['chất bán dẫn']],
    ['AI', ['trí tuệ nhân tạo']],
    ['birth rate', ['tỷ lệ sinh']],
    ['earthquake', ['động đất']],
    ['Presidential Office', ['Văn phòng Tổng thống']],
    ['National Security Adviser', ['Cố vấn An ninh quốc gia']],
    ['United States', ['Mỹ', 'Hoa Kỳ']],
    ['Australia', ['Úc', 'Australia', 'Ô-xtơ-rây-li-a']],
    ['Netherlands', ['Hà Lan']],
    ['Germany', ['Đức']],
    ['Pyongyang', ['Bình Nhưỡng']],
    ['Beijing', ['Bắc Kinh']],
    ['United Nations', ['Liên hợp quốc']],
    ['European Union', ['Liên minh châu Âu', 'EU']],
    ['NATO', ['NATO', 'Tổ chức Hiệp ước Bắc Đại Tây Dương']],
  ])('"%s" searches %j', (english, expected) => {
    const vietnamese = vietnameseFor(english);
    for (const phrase of expected) expect(vietnamese).toContain(phrase);
  });

  it('keeps the two Koreas apart', () => {
    expect(vietnameseFor('North Korea')).not.toContain('Hàn Quốc');
    expect(vietnameseFor('South Korea')).not.toContain('Triều Tiên');
    expect(entryFor('Korea')).toBe(entryFor('South Korea'));
  });

  it('knows the countries a news reader asks about, at least 120 of them', () => {
    const countries = [
      'Vietnam',
      'South Korea',
      'North Korea',
      'Japan',
      'China',
      'United States',
      'Russia',
      'United Kingdom',
      'France',
      'Germany',
      'Australia',
      'Netherlands',
      'New Zealand',
      'Canada',
      'Italy',
      'Spain',
      'Portugal',
      'Belgium',
      'Luxembourg',
      'Switzerland',
      'Austria',
      'Poland',
      'Czech Republic',
      'Slovakia',
      'Hungary',
      'Romania',
      'Bulgaria',
      'Greece',
      'Turkey',
      'Sweden',
      'Norway',
      'Finland',
      'Denmark',
      'Iceland',
      'Ireland',
      'Estonia',
      'Latvia',
      'Lithuania',
      'Ukraine',
      'Belarus',
      'Moldova',
      'Georgia',
      'Armenia',
      'Azerbaijan',
      'Kazakhstan',
      'Uzbekistan',
      'Kyrgyzstan',
      'Tajikistan',
      'Turkmenistan',
      'Mongolia',
      'Taiwan',
      'India',
      'Pakistan',
      'Bangladesh',
      'Sri Lanka',
      'Nepal',
      'Bhutan',
      'Maldives',
      'Afghanistan',
      'Iran',
      'Iraq',
      'Israel',
      'Palestine',
      'Syria',
      'Lebanon',
      'Jordan',
      'Saudi Arabia',
      'United Arab Emirates',
      'Qatar',
      'Kuwait',
      'Oman',
      'Yemen',
      'Bahrain',
      'Egypt',
      'South Africa',
      'Nigeria',
      'Kenya',
      'Ethiopia',
      'Algeria',
      'Morocco',
      'Tunisia',
      'Libya',
      'Sudan',
      'South Sudan',
      'Ghana',
      'Tanzania',
      'Uganda',
      'Rwanda',
      'Angola',
      'Mozambique',
      'Senegal',
      'Cameroon',
      'Mali',
      'Niger',
      'Somalia',
      'Zimbabwe',
      'Zambia',
      'Namibia',
      'Madagascar',
      'Laos',
      'Cambodia',
      'Thailand',
      'Myanmar',
      'Malaysia',
      'Singapore',
      'Indonesia',
      'Philippines',
      'Brunei',
      'Timor-Leste',
      'Cuba',
      'Venezuela',
      'Colombia',
      'Peru',
      'Chile',
      'Argentina',
      'Brazil',
      'Mexico',
      'Panama',
      'Ecuador',
      'Bolivia',
      'Uruguay',
      'Paraguay',
      'Serbia',
      'Croatia',
      'Slovenia',
      'Montenegro',
      'North Macedonia',
      'Albania',
      'Cyprus',
      'Malta',
    ];
    expect(countries.length).toBeGreaterThanOrEqual(120);
    const missing = countries.filter((country) => entryFor(country) === undefined);
    expect(missing).toEqual([]);
  });

  it('lists both tone placements where the papers use both', () => {
    for (const [english, spellings] of [
      ['agreement', ['thỏa thuận', 'thoả thuận']],
      ['peace', ['hòa bình', 'hoà bình']],
      ['Sweden', ['Thụy Điển', 'Thuỵ Điển']],
      ['European Commission', ['Ủy ban châu Âu', 'Uỷ ban châu Âu']],
    ] as const) {
      for (const spelling of spellings) expect(vietnameseFor(english)).toContain(spelling);
    }
  });
});
