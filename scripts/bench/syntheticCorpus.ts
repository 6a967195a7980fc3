// A reproducible synthetic Vietnamese news corpus for `npm run bench`, grown from the bundled articles:
// their sentences, people, topics and events are recombined with invented names and syllables, so the
// vocabulary keeps growing with the corpus as it does in real news, and no two paragraphs are copies.
//
// Same seed + same bundled articles + same size → byte-identical files.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Dice, mix, seededRandom } from './seededRandom.ts';

import {
  TITLES,
  PLACES,
  ORGANISATIONS,
  CREDITS,
  MEETING_WORDS,
  AGREEMENT_WORDS,
  ONSETS,
  RHYMES,
  TONES,
  VIETNAMESE_FAMILY,
  VIETNAMESE_MIDDLE,
  KOREAN_FAMILY,
  LATIN_CONSONANTS,
  LATIN_VOWELS,
} from './syntheticVocabulary.ts';

// ---------------------------------------------------------------------------------------------
// What we take from the bundled articles.

export interface SeedPerson {
  title: string;
  /** A place or organisation between title and name, as in "Tổng thống Hàn Quốc Yoon Suk-yeol". */
  of?: string;
  name: string;
}

export interface SeedMaterial {
  meetingSentences: string[];
  agreementSentences: string[];
  generalSentences: string[];
  people: SeedPerson[];
  topics: string[];
  events: string[];
}

/** Reads every `.txt` article of a folder (the bundled `corpus/`) and keeps its recombinable parts. */
export async function readSeedMaterial(dir: string): Promise<SeedMaterial> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const bodies: string[] = [];
  for (const file of files) {
    const text = (await readFile(join(dir, file), 'utf8')).normalize('NFC');
    // Line 1 is the `date …` header; the body follows the first blank line.
    bodies.push(text.split('\n').slice(1).join('\n').trim());
  }
  if (bodies.length === 0) throw new Error(`no .txt articles in ${dir} to build a synthetic corpus from`);
  return seedMaterialFrom(bodies);
}

export function seedMaterialFrom(bodies: string[]): SeedMaterial {
  const sentences = bodies.flatMap(splitSentences);
  const material: SeedMaterial = {
    meetingSentences: sentences.filter((sentence) => MEETING_WORDS.test(sentence)),
    agreementSentences: sentences.filter((sentence) => AGREEMENT_WORDS.test(sentence) && !MEETING_WORDS.test(sentence)),
    generalSentences: sentences.filter((sentence) => !MEETING_WORDS.test(sentence) && !AGREEMENT_WORDS.test(sentence)),
    people: uniqueBy(bodies.flatMap(findPeople), (person) => person.name),
    topics: unique(bodies.flatMap(findTopics)),
    events: unique(bodies.flatMap((body) => [...body.matchAll(/Hội nghị thượng đỉnh(?: NATO)?/gu)].map((match) => match[0]))),
  };
  // Short seeds may lack a kind of sentence; the templates below still produce every kind.
  if (material.generalSentences.length === 0) material.generalSentences = sentences;
  if (material.topics.length === 0) material.topics = ['hợp tác song phương'];
  if (material.events.length === 0) material.events = ['Hội nghị thượng đỉnh'];
  return material;
}

/** Sentences, including those the scraper glued together ("quân sự.Được biết"). */
function splitSentences(body: string): string[] {
  return body
    .split(/(?<=[.!?…])\s*(?=[\p{Lu}"“])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20);
}

const NAME_WORD = '[A-Z][a-z]+(?:-[a-z]+)?';
const PERSON_SHAPE = new RegExp(
  `(${[...TITLES].sort((a, b) => b.length - a.length).join('|')})` +
    // Up to two places or organisations, or a long name with its acronym: "Tổ chức Hiệp ước … (NATO)".
    `((?: (?:${[...PLACES, ...ORGANISATIONS].join('|')}|\\p{Lu}[\\p{L} ]{0,60}?\\([A-Z]{2,}\\))){0,2})` +
    ` (${NAME_WORD}(?: ${NAME_WORD}){1,2})(?![\\p{L}-])`,
  'gu',
);

function findPeople(body: string): SeedPerson[] {
  return [...body.matchAll(PERSON_SHAPE)]
    .filter((match) => !PLACES.some((place) => match[3]!.startsWith(place)))
    .map((match) => ({ title: match[1]!, ...(match[2] ? { of: match[2].trim() } : {}), name: match[3]! }));
}

/** Phrases the topic shape catches that only point back at earlier text. */
const NOT_TOPICS = new Set(['nói trên', 'này', 'đó']);

/** Noun phrases after "lĩnh vực" / "hợp tác về", e.g. "công nghiệp quốc phòng", "công nghệ mới". */
function findTopics(body: string): string[] {
  const shape =
    /(?:lĩnh vực|hợp tác về|hợp tác chống|chia sẻ) ((?:\p{Ll}+ ?){1,4}?)(?=[,.;:()]| và | là | như | trong | với | thông qua|$)/gu;
  return [...body.matchAll(shape)]
    .map((match) => match[1]!.trim())
    .filter((topic) => topic.split(' ').length >= 2 && !NOT_TOPICS.has(topic));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Invented vocabulary: item N of each pool is always the same, so ranks drawn by Zipf stay stable.

function inventSyllable(dice: Dice): string {
  const onset = dice.pick(ONSETS);
  let rhyme = dice.pick(RHYMES);
  // Spelling rules that would otherwise produce obviously foreign syllables.
  if ((onset === 'qu' || onset === 'gi') && /^[uoi]/.test(rhyme)) rhyme = `a${rhyme.slice(1)}`;
  return addTone(onset + rhyme, dice.pick(TONES)).normalize('NFC');
}

/** Puts the tone on the main vowel: a hatted/horned vowel first, else the last vowel before a final consonant. */
function addTone(syllable: string, tone: string): string {
  if (tone === '') return syllable;
  const vowels = [...syllable.matchAll(/[aăâeêioôơuưy]/gu)].map((match) => match.index!);
  if (vowels.length === 0) return syllable;
  const marked = [...syllable.matchAll(/[ăâêôơư]/gu)].map((match) => match.index!);
  const endsWithVowel = /[aăâeêioôơuưy]$/u.test(syllable);
  let at: number;
  if (marked.length > 0) at = marked[marked.length - 1]!;
  else if (!endsWithVowel || vowels.length === 1) at = vowels[vowels.length - 1]!;
  else at = /(?:oa|oe|uy)$/.test(syllable) ? vowels[vowels.length - 1]! : vowels[vowels.length - 2]!;
  return syllable.slice(0, at + 1) + tone + syllable.slice(at + 1);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function latinName(dice: Dice, syllables: number): string {
  let word = '';
  for (let index = 0; index < syllables; index++) word += dice.pick(LATIN_CONSONANTS) + dice.pick(LATIN_VOWELS);
  if (dice.chance(0.5)) word += dice.pick(['n', 'r', 's', 'k', 'l', 'rg', 'nd', 'tte']);
  return capitalise(word);
}

/** A pool whose item N is built from its own PRNG, cached because popular items come back often. */
class InventedPool<T> {
  private readonly cache = new Map<number, T>();
  constructor(
    private readonly salt: number,
    private readonly build: (dice: Dice, rank: number) => T,
  ) {}
  at(rank: number): T {
    let item = this.cache.get(rank);
    if (item === undefined) {
      item = this.build(new Dice(seededRandom(mix(rank, this.salt))), rank);
      this.cache.set(rank, item);
    }
    return item;
  }
}

// ---------------------------------------------------------------------------------------------
// The generator.

export interface SyntheticCorpusOptions {
  /** Total paragraphs to write (the last article is cut short to land on it). */
  paragraphs: number;
  seed?: number;
  firstYear?: number;
  lastYear?: number;
}

export interface SyntheticArticleFile {
  /** `000042_9f1c0a3e5b7d2c4e.txt`, the shape of the bundled files. */
  file: string;
  text: string;
  paragraphs: number;
}

export function generateSyntheticCorpus(material: SeedMaterial, options: SyntheticCorpusOptions): SyntheticArticleFile[] {
  const { paragraphs: target, seed = 20250624, firstYear = 2019, lastYear = 2025 } = options;
  const dice = new Dice(seededRandom(seed));
  const words = new InventedPool(seed ^ 0x51ab, (wordDice) =>
    Array.from({ length: wordDice.chance(0.7) ? 2 : 1 }, () => inventSyllable(wordDice)).join(' '),
  );
  const inventedPeople = new InventedPool<SeedPerson>(seed ^ 0x7e0b, (personDice) => inventPerson(personDice, material));
  const inventedPlaces = new InventedPool(seed ^ 0x2c4d, (placeDice) =>
    placeDice.chance(0.5)
      ? `${capitalise(inventSyllable(placeDice))} ${capitalise(inventSyllable(placeDice))}`
      : latinName(placeDice, placeDice.int(2, 3)),
  );
  // Pools scale with the corpus so new names and words keep appearing (Heaps' law, roughly).
  const wordPoolSize = Math.max(2_000, target * 8);
  const peoplePoolSize = Math.max(100, Math.round(target / 4));
  const placePoolSize = Math.max(30, Math.round(target / 40));

  const person = (): SeedPerson => {
    // The bundled people head the ranking, so queries about Stoltenberg or Rutte find plenty.
    const rank = dice.zipf(peoplePoolSize + material.people.length);
    return rank < material.people.length ? material.people[rank]! : inventedPeople.at(rank);
  };
  const place = (): string => (dice.chance(0.6) ? dice.pick(PLACES) : inventedPlaces.at(dice.zipf(placePoolSize)));
  const word = (): string => words.at(dice.zipf(wordPoolSize));
  const topic = (): string => (dice.chance(0.75) ? dice.pick(material.topics) : `${dice.pick(material.topics)} ${word()}`);
  const event = (): string =>
    dice.chance(0.6) ? dice.pick(material.events) : `Diễn đàn ${capitalise(word())} ${dice.int(firstYear, lastYear)}`;
  const fullName = (who: SeedPerson): string => [who.title, who.of, who.name].filter(Boolean).join(' ');

  const meetingSentence = (day: number, month: number): string => {
    const [a, b] = twoPeople(person);
    switch (dice.int(0, 5)) {
      case 0:
        return `${fullName(a)} và ${fullName(b)} đã gặp gỡ bên lề ${event()} và thảo luận về phương án tăng cường ${topic()}.`;
      case 1:
        return `Ngày ${day}/${month}, ${fullName(a)} đã hội đàm với ${fullName(b)} tại ${place()}, thảo luận về hợp tác trong lĩnh vực ${topic()}.`;
      case 2:
        return `Trong chuyến thăm ${place()}, ${fullName(a)} đã có cuộc hội kiến với ${fullName(b)}.`;
      case 3:
        return `${fullName(a)} đã tiếp ${fullName(b)} nhân dịp ${event()} tại ${place()}.`;
      case 4:
        return `${fullName(a)} trong hai ngày ${day}-${Math.min(day + 1, 28)}/${month} (giờ địa phương) đã lần lượt hội đàm với ${fullName(b)} và ${fullName(person())}.`;
      default:
        return mutate(dice.pick(material.meetingSentences.length > 0 ? material.meetingSentences : material.generalSentences));
    }
  };

  const agreementSentence = (): string => {
    const [a, b] = twoPeople(person);
    switch (dice.int(0, 5)) {
      case 0:
        return `Hai bên đã nhất trí thành lập cơ chế tham vấn ${topic()} cấp ${dice.pick(['Vụ trưởng', 'Thứ trưởng', 'Bộ trưởng'])}.`;
      case 1:
        return `${fullName(a)} và ${fullName(b)} đã ký thỏa thuận hợp tác về ${topic()}.`;
      case 2:
        return `Hai bên đã thông qua "Chương trình ${capitalise(word())}", chính thức hóa hợp tác song phương trong ${dice.int(2, 15)} lĩnh vực, bao gồm ${topic()} và ${topic()}.`;
      case 3:
        return `${fullName(a)} và các đối tác đã ra tuyên bố chung, bao gồm cam kết tăng cường hợp tác trong lĩnh vực ${topic()}.`;
      case 4:
        return `${place()} và ${dice.pick(ORGANISATIONS)} đã cam kết sẽ thực hiện hợp tác ${topic()}.`;
      default:
        return mutate(dice.pick(material.agreementSentences.length > 0 ? material.agreementSentences : material.generalSentences));
    }
  };

  const generalSentence = (): string => {
    if (dice.chance(0.8)) return mutate(dice.pick(material.generalSentences));
    const who = person();
    switch (dice.int(0, 2)) {
      case 0:
        return `Theo ${dice.pick(CREDITS)}, ${topic()} đang trở thành ưu tiên của ${place()} trong năm nay.`;
      case 1:
        return `${fullName(who)} cho biết ${place()} sẽ ${word()} ${topic()} cùng với ${place()}.`;
      default:
        return `Dự án ${word()} tại ${place()} được đánh giá là bước tiến quan trọng của ${topic()}.`;
    }
  };

  /** A seed sentence with a few words swapped for invented ones and its numbers redrawn. */
  function mutate(sentence: string): string {
    const tokens = sentence.split(' ');
    const swaps = dice.int(1, 3);
    for (let swap = 0; swap < swaps; swap++) {
      const at = dice.int(1, tokens.length - 1);
      // Only bare lowercase words, so punctuation, names and sentence starts stay intact.
      if (/^\p{Ll}+$/u.test(tokens[at] ?? '')) tokens[at] = word();
    }
    return tokens.join(' ').replace(/\b\d{1,2}(?=\/\d)/g, () => String(dice.int(1, 28)));
  }

  const files: SyntheticArticleFile[] = [];
  let written = 0;
  while (written < target) {
    const year = dice.int(firstYear, lastYear);
    const month = dice.int(1, 12);
    const day = dice.int(1, 28);
    const count = Math.min(dice.int(8, 15), target - written);
    const paragraphs: string[] = [];
    for (let index = 0; index < count; index++) {
      const sentences: string[] = [];
      // News shape: a lead about who met, an agreement somewhere in the middle, background around them.
      if (index === 0) sentences.push(meetingSentence(day, month));
      else if (dice.chance(0.12)) sentences.push(meetingSentence(day, month));
      if (index > 0 && dice.chance(0.18)) sentences.push(agreementSentence());
      const general = dice.int(sentences.length > 0 ? 0 : 1, 3 - sentences.length);
      for (let extra = 0; extra < general; extra++) sentences.push(generalSentence());
      paragraphs.push(sentences.join(' '));
    }
    const hash = Array.from({ length: 4 }, () => (Math.floor(dice.next() * 0x10000) + 0x10000).toString(16).slice(1)).join('');
    const file = `${String(files.length).padStart(6, '0')}_${hash}.txt`;
    const header = ` date ${year}-${String(month).padStart(2, '0')} Photo : ${dice.pick(CREDITS)}`;
    files.push({ file, text: `${header}\n\n${paragraphs.join('\n')}\n`, paragraphs: count });
    written += count;
  }
  return files;
}

function twoPeople(person: () => SeedPerson): [SeedPerson, SeedPerson] {
  const first = person();
  let second = person();
  for (let tries = 0; second.name === first.name && tries < 5; tries++) second = person();
  return [first, second];
}

function inventPerson(dice: Dice, material: SeedMaterial): SeedPerson {
  const title = dice.chance(0.5) && material.people.length > 0 ? dice.pick(material.people).title : dice.pick(TITLES);
  const of = dice.chance(0.5) ? dice.pick(title.includes('Tổng thư ký') ? ['NATO', 'ASEAN', 'Liên hợp quốc'] : PLACES) : undefined;
  const style = dice.int(0, 2);
  let name: string;
  if (style === 0) {
    name = `${dice.pick(VIETNAMESE_FAMILY)} ${dice.pick(VIETNAMESE_MIDDLE)} ${capitalise(inventSyllable(dice))}`;
  } else if (style === 1) {
    const given = `${latinName(dice, 1)}-${latinName(dice, 1).toLowerCase()}`;
    name = `${dice.pick(KOREAN_FAMILY)} ${given}`;
  } else {
    name = `${latinName(dice, dice.int(1, 2))} ${latinName(dice, dice.int(2, 3))}`;
  }
  return { title, ...(of ? { of } : {}), name };
}

// ---------------------------------------------------------------------------------------------

export interface WrittenCorpus {
  dir: string;
  articles: number;
  paragraphs: number;
  bytes: number;
}

/**
 * Generates and writes a corpus folder. Copies the seed folder's `glossary.json` when there is one,
 * so the synthetic corpus is searched with the same glossary as the real one.
 */
export async function writeSyntheticCorpus(seedDir: string, outDir: string, options: SyntheticCorpusOptions): Promise<WrittenCorpus> {
  const material = await readSeedMaterial(seedDir);
  const files = generateSyntheticCorpus(material, options);
  await mkdir(outDir, { recursive: true });
  let bytes = 0;
  // Batches keep the number of open files bounded at 100k paragraphs (~9k files).
  for (let start = 0; start < files.length; start += 64) {
    await Promise.all(
      files.slice(start, start + 64).map((article) => {
        bytes += Buffer.byteLength(article.text);
        return writeFile(join(outDir, article.file), article.text);
      }),
    );
  }
  const glossary = await readFile(join(seedDir, 'glossary.json')).catch(() => undefined);
  if (glossary) await writeFile(join(outDir, 'glossary.json'), glossary);
  return { dir: outDir, articles: files.length, paragraphs: files.reduce((sum, article) => sum + article.paragraphs, 0), bytes };
}
