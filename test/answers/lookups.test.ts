// /who-met and /agreements on a corpus large enough that many people share a family name and many
// agreements share a topic: what the indexed lookups return must be exactly what reading every
// meeting and agreement would give, in date order, and the same whether the lookups were built in
// one go or in slices during a reload.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/bench/syntheticCorpus.ts';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { participantsSpelledLike } from '../../src/library/lookups/participantNames.ts';
import { prepareLookups } from '../../src/library/lookups/prepareLookups.ts';
import { foldedWords } from '../../src/text/matchText.ts';
import { HIGHLIGHTED_QUOTES_PER_RESULT } from '../../src/answers/highlightName.ts';
import type { Library } from '../../src/library/library.ts';
import type { AnswerItem, ItemList } from '../../src/answers/answer.ts';
import { BUNDLED_CORPUS } from '../library/corpusCopy.ts';

let dir: string;
let library: Library;

async function load(): Promise<Library> {
  const loaded = await loadLibrary(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
  return loaded.library;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-lookups-'));
  await writeSyntheticCorpus(BUNDLED_CORPUS, dir, { paragraphs: 3_000, seed: 7 });
  library = await load();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A participant matches when every typed word starts one of the name's words, or its rest written solid. */
function nameMatches(name: string, typed: string): boolean {
  const words = foldedWords(name);
  const forms = [...words, ...words.map((_, i) => words.slice(i).join(''))];
  return foldedWords(typed).every((typedWord) => forms.some((form) => form.startsWith(typedWord)));
}

function keyOf(item: AnswerItem): string {
  return `${item.date} ${item.citations.map((citation) => `${citation.articleId}#${citation.paragraph}`).join(',')} ${item.summary}`;
}

function expectDateOrder(items: ItemList): void {
  for (let i = 1; i < items.length; i++) expect(items.at(i - 1)!.date <= items.at(i)!.date).toBe(true);
}

describe('/who-met person on a large corpus', () => {
  it('lists every meeting of everyone the typed name matches, in date order, within the year', () => {
    const namesByFirstWord = new Map<string, Set<string>>();
    for (const meeting of library.meetings) {
      for (const person of meeting.participants ?? []) {
        const first = foldedWords(person.name)[0];
        if (first) namesByFirstWord.set(first, (namesByFirstWord.get(first) ?? new Set()).add(person.name));
      }
    }
    // The words most shared ("lee", "yoon"): each stands for several people, whose meetings must be merged.
    const shared = [...namesByFirstWord]
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, 4)
      .map(([word]) => word);
    expect(namesByFirstWord.get(shared[0]!)!.size).toBeGreaterThan(3);
    const years = [undefined, ...library.years];
    /** The meetings of that year (or all) with a participant of that name, found item by item. */
    const meetingsNaming = (family: string, year: number | undefined) =>
      library.meetings
        .slice()
        .filter(
          (meeting) =>
            (year === undefined || meeting.date.startsWith(String(year))) &&
            (meeting.participants ?? []).some((person) => nameMatches(person.name, family)),
        );
    let checked = 0;
    for (const family of shared) {
      for (const year of years) {
        const answer = answerQuestion(library, { command: 'who-met', person: family, ...(year === undefined ? {} : { year }) });
        const expected = meetingsNaming(family, year);
        expect([...answer.items].map(keyOf)).toEqual(expected.map(keyOf));
        expectDateOrder(answer.items);
        checked += expected.length;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Asked again after the others (each name's meetings are then kept, not found anew): the same lists.
    for (const family of shared) {
      for (const year of years) {
        const again = answerQuestion(library, { command: 'who-met', person: family, ...(year === undefined ? {} : { year }) });
        const expected = meetingsNaming(family, year);
        expect([...again.items].map(keyOf)).toEqual(expected.map(keyOf));
      }
    }
  });
});

describe('/who-met person of several words on a large corpus', () => {
  it('lists the meetings of the names with a word starting each typed word, one name for all of them', () => {
    const names = [...new Set(library.meetings.slice().flatMap((meeting) => (meeting.participants ?? []).map((person) => person.name)))];
    // A family name's first letters with another word of the same name ("nguyen v"), and the two in the other order.
    const typedNames = names
      .filter((name) => foldedWords(name).length >= 2)
      .filter((_, i) => i % 41 === 0)
      .flatMap((name) => {
        const words = foldedWords(name);
        return [`${words[0]} ${words.at(-1)!.slice(0, 2)}`, `${words.at(-1)} ${words[0]!.slice(0, 1)}`];
      });
    expect(typedNames.length).toBeGreaterThan(5);
    let checked = 0;
    for (const typed of typedNames) {
      const answer = answerQuestion(library, { command: 'who-met', person: typed });
      const expected = library.meetings
        .slice()
        .filter((meeting) => (meeting.participants ?? []).some((person) => nameMatches(person.name, typed)));
      expect([...answer.items].map(keyOf)).toEqual(expected.map(keyOf));
      checked += expected.length;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('/who-met and /agreements by date on a large corpus', () => {
  it('list every meeting and agreement of a year, or of a month in every year, asked again and again', () => {
    for (let round = 0; round < 2; round++) {
      for (const year of [undefined, ...library.years]) {
        const filters = year === undefined ? {} : { year };
        const meetings = [...answerQuestion(library, { command: 'who-met', ...filters }).items];
        expect(meetings.map(keyOf)).toEqual(
          library.meetings
            .slice()
            .filter((item) => year === undefined || item.date.startsWith(String(year)))
            .map(keyOf),
        );
        const agreements = [...answerQuestion(library, { command: 'agreements', ...filters }).items];
        expect(agreements.map(keyOf)).toEqual(
          library.agreements
            .slice()
            .filter((item) => year === undefined || item.date.startsWith(String(year)))
            .map(keyOf),
        );
      }
      const june = [...answerQuestion(library, { command: 'who-met', month: 6 }).items];
      expect(june.length).toBeGreaterThan(0);
      expect(june.map(keyOf)).toEqual(
        library.meetings
          .slice()
          .filter((item) => item.date.slice(4, 7) === '-06')
          .map(keyOf),
      );
    }
  });

  it('bold a person in the first results of the month asked for, not of the whole list', () => {
    // The family name with most meetings: its June meetings come well after its first 20 overall.
    const counts = new Map<string, number>();
    for (const meeting of library.meetings) {
      for (const person of meeting.participants ?? []) {
        const family = foldedWords(person.name).at(-1)!;
        counts.set(family, (counts.get(family) ?? 0) + 1);
      }
    }
    const family = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const everyMonth = answerQuestion(library, { command: 'who-met', person: family });
    // December: its first meeting comes after every other month's of the first year.
    const answer = answerQuestion(library, { command: 'who-met', person: family, month: 12 });
    expect([...everyMonth.items].findIndex((item) => item.date.slice(4, 7) === '-12')).toBeGreaterThan(20);
    expect(answer.items.length).toBeGreaterThan(0);
    for (const item of answer.items) expect(item.date.slice(4, 7)).toBe('-12');
    let bolded = 0;
    // The first HIGHLIGHTED_QUOTES_PER_RESULT quotes of each of the first 20 results: more than a reply shows.
    for (const item of [...answer.items].slice(0, 20)) {
      for (const citation of item.citations.slice(0, HIGHLIGHTED_QUOTES_PER_RESULT)) {
        if (!foldedWords(citation.quote).includes(family)) continue;
        expect(citation.highlights?.length ?? 0).toBeGreaterThan(0);
        bolded++;
      }
    }
    expect(bolded).toBeGreaterThan(0);
  });
});

describe('/who-met "did you mean" on a large corpus', () => {
  function levenshtein(a: string, b: string): number {
    const rows = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return rows[a.length]![b.length]!;
  }

  it('offers the participants with a name word a few edits from a misspelt name, closest first', () => {
    const names = [...new Set(library.meetings.slice().flatMap((meeting) => (meeting.participants ?? []).map((person) => person.name)))];
    const misspelt = names
      .filter((_, i) => i % 37 === 0)
      .map((name) => {
        const word = foldedWords(name).at(-1)!;
        // Two neighbouring letters swapped, past the first: a typical slip.
        return word.length < 4 ? word : `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)}`;
      });
    expect(misspelt.length).toBeGreaterThan(5);
    for (const typed of misspelt) {
      const scored = names.flatMap((name) => {
        const distances = foldedWords(name)
          .filter((word) => word[0] === typed[0] && Math.abs(word.length - typed.length) <= Math.max(1, Math.floor(word.length / 3)))
          .map((word) => ({ distance: levenshtein(word, typed), allowed: Math.max(1, Math.floor(word.length / 3)) }))
          .filter(({ distance, allowed }) => distance <= allowed)
          .map(({ distance }) => distance);
        return distances.length > 0 ? [{ name, distance: Math.min(...distances) }] : [];
      });
      const expected = scored
        .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
        .slice(0, 5)
        .map((entry) => entry.name);
      expect(participantsSpelledLike(library, typed, 5)).toEqual(expected);
    }
  });
});

describe('/agreements topic on a large corpus', () => {
  it('lists the agreements whose quotes hold every word of the topic, in date order, within the year', () => {
    const foldedQuotes = new Map(
      library.agreements
        .slice()
        .map((agreement) => [agreement, foldedWords(agreement.citations.map((citation) => citation.quote).join('\n'))]),
    );
    let checked = 0;
    for (const topic of ['quốc phòng', 'hop tac', 'an ninh', 'chia sẻ thông tin']) {
      for (const year of [undefined, ...library.years]) {
        const answer = answerQuestion(library, { command: 'agreements', topic, ...(year === undefined ? {} : { year }) });
        const words = foldedWords(topic);
        const inYear = library.agreements.slice().filter((agreement) => year === undefined || agreement.date.startsWith(String(year)));
        // Whole syllables of the quotes: always found; the words anywhere in the quotes' text: the most found.
        const holdingWords = inYear.filter((agreement) => words.every((word) => foldedQuotes.get(agreement)!.includes(word)));
        const holdingText = new Set(
          inYear
            .filter((agreement) => {
              const text = foldedQuotes.get(agreement)!.join(' ');
              return words.every((word) => text.includes(word));
            })
            .map(keyOf),
        );
        const found = [...answer.items].map(keyOf);
        if (holdingWords.length === 0) continue;
        expect(found).toEqual(expect.arrayContaining(holdingWords.map(keyOf)));
        expect(found.filter((key) => !holdingText.has(key))).toEqual([]);
        expectDateOrder(answer.items);
        checked += holdingWords.length;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('/agreements topic found only through the search index', () => {
  it('lists, in date order, the agreements quoting the paragraphs the index finds for an English or misspelt topic', () => {
    let found = 0;
    for (const topic of ['defense industry cooperation', 'quocc phongg']) {
      for (const year of [undefined, ...library.years]) {
        const filters = year === undefined ? {} : { year };
        const answer = answerQuestion(library, { command: 'agreements', topic, ...filters });
        const paragraphs = new Set(library.index.search(topic, filters, 200).hits.map((hit) => `${hit.articleId}#${hit.paragraph}`));
        const expected = library.agreements
          .slice()
          .filter(
            (agreement) =>
              (year === undefined || agreement.date.startsWith(String(year))) &&
              agreement.citations.some((citation) => paragraphs.has(`${citation.articleId}#${citation.paragraph}`)),
          );
        expect([...answer.items].map(keyOf)).toEqual(expected.map(keyOf));
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('lookups built in slices', () => {
  it('answer exactly as lookups built in one go, and pause the work many times', async () => {
    // The same library under another identity: its lookups, derived once per library, are not built yet.
    const sliced: Library = { ...library };
    let pauses = 0;
    await prepareLookups(sliced, () => {
      pauses++;
      return new Promise<void>((resolve) => setImmediate(resolve));
    });
    expect(pauses).toBeGreaterThan(5);
    const questions = [
      { command: 'who-met' as const, person: 'Stoltenberg' },
      { command: 'who-met' as const, person: 'yoon', year: library.years[0]! },
      { command: 'who-met' as const, person: 'Stoltenbreg' },
      { command: 'agreements' as const, topic: 'quốc phòng' },
      { command: 'agreements' as const, topic: 'bóng đá' },
    ];
    const withoutTiming = ({ tookMs: _tookMs, ...answer }: ReturnType<typeof answerQuestion>) => answer;
    for (const question of questions) {
      expect(withoutTiming(answerQuestion(sliced, question))).toEqual(withoutTiming(answerQuestion(library, question)));
    }
  });
});
