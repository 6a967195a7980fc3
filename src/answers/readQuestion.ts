// Reads a free-text question the way a member means it, before anything is searched: a date in it is a
// filter (`năm 2025`, `tháng 6/2025`, `last year`), question words say what kind of answer is wanted
// (`ở đâu`, `bao nhiêu`) and are not searched, fillers (`nói gì`, `như thế nào`) are dropped, and a
// question about who met whom or what was agreed is sent to those engines with the parties it names.
// Used by /ask and by its autocomplete; the word lists are data in src/language/questionWords.ts.
import {
  AGREEMENT_QUESTION_VERBS,
  ENGLISH_MONTHS,
  GROUP_COUNT_WORDS,
  INTENT_HINTS,
  MEETING_KIND_WORDS,
  MEETING_QUESTION_VERBS,
  MONTH_WORDS,
  PARTY_JOINERS,
  PARTY_QUESTION_NOISE,
  QUESTION_FILLERS,
  QUESTION_FINAL_PARTICLES,
  QUESTION_WORDS,
  RELATIVE_YEARS,
  WHAT_WORDS,
  YEAR_WORDS,
  type QuestionIntent,
} from '../language/questionWords.ts';
import { AGREEMENT_FALSE_FRIENDS } from '../language/agreementWords.ts';
import { tokenize, wordForms } from '../text/tokenize.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';

export type AnswerRoute = 'meetings' | 'agreements' | 'passages';

export interface QuestionDate {
  year: number;
  month?: number;
  /** The words of the question that said it, as typed: `năm 2025`, `tháng 6/2025`, `last year`. */
  words: string;
}

export interface QuestionReading {
  /** The question as typed (NFC). */
  question: string;
  /** What the index searches: the question without its date, question words and fillers. */
  searchText: string;
  /** Kinds of answer the question words ask for, in table order. */
  intents: QuestionIntent[];
  /** A date the question names that the library has articles for. */
  date?: QuestionDate;
  /** A year-like number the library has no articles for: searched as text, said in the reply. */
  yearNotInLibrary?: number;
  route: AnswerRoute;
  /** Meetings and agreements: the people, countries or organisations named, as typed (`Hàn Quốc`, `Rutte`). */
  parties: string[];
  /** Meetings: the kind asked for, as articles write it (`điện đàm`), when the verb names one. */
  meetingKind?: string;
}

export interface ReadingContext {
  /** Years with articles, ascending. */
  years: readonly number[];
}

interface Word {
  text: string;
  lower: string;
  folded: string;
  hasMarks: boolean;
  isAcronym: boolean;
  start: number;
  end: number;
}

interface Phrase {
  words: { lower: string; folded: string }[];
}

function phrase(text: string): Phrase {
  return { words: text.split(/\s+/).map((word) => ({ lower: word.toLowerCase(), folded: foldDiacritics(word) })) };
}

/** Phrases longest first, so `là bao nhiêu` is taken before `bao nhiêu`. */
function phrases(list: readonly string[]): Phrase[] {
  return list.map(phrase).sort((a, b) => b.words.length - a.words.length);
}

const intentPhrases = (Object.entries(QUESTION_WORDS) as [QuestionIntent, readonly string[]][]).map(([intent, list]) => ({
  intent,
  phrases: phrases(list),
}));
const hintPhrases = (Object.entries(INTENT_HINTS) as [QuestionIntent, readonly string[]][]).map(([intent, list]) => ({
  intent,
  phrases: phrases(list),
}));
const fillerPhrases = phrases(QUESTION_FILLERS);
const finalParticles = phrases(QUESTION_FINAL_PARTICLES);
const yesNoOpeners = phrases(['có', 'đã', 'được', 'có phải']);
const yearWords = phrases(YEAR_WORDS);
const monthWords = phrases(MONTH_WORDS);
const relativeYears = RELATIVE_YEARS.map((entry) => ({ ...entry, phrase: phrase(entry.phrase) }));
const meetingVerbs = phrases(MEETING_QUESTION_VERBS);
const agreementVerbs = phrases(AGREEMENT_QUESTION_VERBS);
const whatWords = phrases(WHAT_WORDS);
/** `thư ký` (secretary), `đăng ký` (register): an agreement word inside them is none. */
const notAgreementVerbs = phrases(AGREEMENT_FALSE_FRIENDS.map((entry) => entry.phrase));
const joiners = phrases(PARTY_JOINERS);
const partyNoise = phrases(PARTY_QUESTION_NOISE);
const groupCounts = phrases(GROUP_COUNT_WORDS);
const meetingKinds = MEETING_KIND_WORDS.map((kind) => ({ quoted: kind.quoted, phrases: phrases(kind.asked) }));
const FOUR_DIGITS = /^\d{4}$/;

function wordsOf(text: string): Word[] {
  return tokenize(text).map((token) => {
    const { lower, hasMarks, isAcronym } = wordForms(token.text);
    return { text: token.text, lower, folded: token.folded, hasMarks, isAcronym, start: token.start, end: token.end };
  });
}

/**
 * Whether `phrase` is written at word `at`: with the marks when the word has them (`đâu`, never `đầu`),
 * folded when it was typed without. An acronym (`AI`) is never a lowercase question word (`ai`).
 */
function matchesAt(words: readonly Word[], at: number, candidate: Phrase, text: string): boolean {
  // Plain loops and no slices: a question is matched against every phrase table at every word.
  for (let offset = 0; offset < candidate.words.length; offset++) {
    const expected = candidate.words[offset]!;
    const word = words[at + offset];
    if (!word || word.isAcronym) return false;
    // A phrase does not run across punctuation: `Rutte, ai` is not one phrase.
    if (offset > 0 && !onlyWhitespace(text, words[at + offset - 1]!.end, word.start)) return false;
    if (word.hasMarks ? word.lower !== expected.lower : word.folded !== expected.folded) return false;
  }
  return true;
}

const WHITESPACE = /\s/;

/** text[start, end) is all whitespace (what `trim` removes), checked without slicing. */
function onlyWhitespace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    if (code < 128 || !WHITESPACE.test(text[i]!)) return false;
  }
  return true;
}

function phraseAt(words: readonly Word[], at: number, candidates: readonly Phrase[], text: string): Phrase | undefined {
  for (let i = 0; i < candidates.length; i++) if (matchesAt(words, at, candidates[i]!, text)) return candidates[i];
  return undefined;
}

function yearOf(word: Word | undefined, text: string): number | undefined {
  if (!word || !FOUR_DIGITS.test(word.text)) return undefined;
  // `5.800`, `2.025`, `1,2025`: part of a larger number, not a year.
  const before = text.slice(Math.max(0, word.start - 2), word.start);
  const after = text.slice(word.end, word.end + 2);
  if (/\d[.,]$/.test(before) || /^[.,]\d/.test(after)) return undefined;
  const year = Number(word.text);
  return year >= 1900 && year <= 2100 ? year : undefined;
}

function monthOf(word: Word | undefined): number | undefined {
  if (!word || !/^\d{1,2}$/.test(word.text)) return undefined;
  const month = Number(word.text);
  return month >= 1 && month <= 12 ? month : undefined;
}

interface DateFound {
  first: number;
  last: number;
  year: number;
  month?: number;
  /** `năm ngoái`, `last year`: a date whatever the library holds. */
  relative?: boolean;
}

/** The first date of the question: `tháng 6/2025`, `tháng 6 năm 2025`, `6/2025`, `June 2025`, `năm 2025`, `2025`, `năm ngoái`. */
function findDate(words: readonly Word[], text: string, context: ReadingContext): DateFound | undefined {
  const between = (a: number, b: number) => text.slice(words[a]!.end, words[b]!.start).trim();
  for (let i = 0; i < words.length; i++) {
    const monthWord = phraseAt(words, i, monthWords, text);
    const afterMonthWord = monthWord ? i + monthWord.words.length : i;
    const month = monthOf(words[afterMonthWord]);
    if (month !== undefined) {
      // `tháng 6/2025`, `6/2025`, `tháng 6-2025`, `tháng 6 năm 2025`
      const next = afterMonthWord + 1;
      const separator = words[next] ? between(afterMonthWord, next) : '';
      if ((separator === '/' || separator === '-') && yearOf(words[next], text) !== undefined) {
        return { first: i, last: next, year: yearOf(words[next], text)!, month };
      }
      const yearWord = separator === '' ? phraseAt(words, next, yearWords, text) : undefined;
      const yearAt = yearWord ? next + yearWord.words.length : -1;
      if (monthWord && yearWord && yearOf(words[yearAt], text) !== undefined)
        return { first: i, last: yearAt, year: yearOf(words[yearAt], text)!, month };
    }
    const englishMonth = ENGLISH_MONTHS.indexOf(words[i]!.lower);
    if (englishMonth >= 0 && yearOf(words[i + 1], text) !== undefined) {
      const first = words[i - 1]?.lower === 'in' ? i - 1 : i;
      return { first, last: i + 1, year: yearOf(words[i + 1], text)!, month: englishMonth + 1 };
    }
    const yearWord = phraseAt(words, i, yearWords, text);
    if (yearWord) {
      const at = i + yearWord.words.length;
      const year = yearOf(words[at], text);
      if (year !== undefined) return { first: i, last: at, year };
    }
    const relative = relativeYears.find((entry) => matchesAt(words, i, entry.phrase, text));
    const newest = context.years[context.years.length - 1];
    if (relative && newest !== undefined)
      return { first: i, last: i + relative.phrase.words.length - 1, year: newest - relative.yearsBack, relative: true };
    const year = yearOf(words[i], text);
    if (year !== undefined) return { first: i, last: i, year };
  }
  return undefined;
}

export function readQuestion(question: string, context: ReadingContext): QuestionReading {
  const text = question.normalize('NFC');
  const words = wordsOf(text);
  /** Words that frame the question: neither searched nor a party. */
  const frame = new Uint8Array(words.length);
  const mark = (first: number, count: number, marks: Uint8Array = frame) => {
    for (let k = first; k < first + count && k < words.length; k++) marks[k] = 1;
  };

  const reading: QuestionReading = { question: text, searchText: '', intents: [], route: 'passages', parties: [] };

  const date = findDate(words, text, context);
  if (date) {
    const dateWords = text.slice(words[date.first]!.start, words[date.last]!.end);
    if (date.relative || context.years.includes(date.year)) {
      reading.date = { year: date.year, ...(date.month !== undefined ? { month: date.month } : {}), words: dateWords };
      mark(date.first, date.last - date.first + 1);
    } else {
      // No article from that year: the number may be a target (`đến năm 2030`) written in the text.
      reading.yearNotInLibrary = date.year;
    }
  }

  const intents = new Set<QuestionIntent>();
  for (let i = 0; i < words.length; i++) {
    if (frame[i]) continue;
    for (const { intent, phrases: list } of intentPhrases) {
      const found = phraseAt(words, i, list, text);
      if (found) {
        intents.add(intent);
        mark(i, found.words.length);
        break;
      }
    }
    for (const { intent, phrases: list } of hintPhrases) if (phraseAt(words, i, list, text)) intents.add(intent);
    const filler = frame[i] ? undefined : phraseAt(words, i, fillerPhrases, text);
    if (filler) mark(i, filler.words.length);
  }
  // `đã gặp … chưa`, `có … không`: the particle closes a yes/no question.
  const last = words.length - 1;
  if (
    last >= 2 &&
    !frame[last] &&
    phraseAt(words, last, finalParticles, text) &&
    words.slice(0, last).some((_, i) => phraseAt(words, i, yesNoOpeners, text))
  ) {
    frame[last] = 1;
  }
  reading.intents = (Object.keys(QUESTION_WORDS) as QuestionIntent[]).filter((intent) => intents.has(intent));

  // Meetings: a meeting verb and a question of who, when or where. Agreements: an agreement verb and "what".
  const verbs = new Uint8Array(words.length);
  let meetingVerb = false;
  let agreementVerb = false;
  let asksWhat = false;
  const falseFriend = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const found = phraseAt(words, i, notAgreementVerbs, text);
    if (found) mark(i, found.words.length, falseFriend);
  }
  for (let i = 0; i < words.length; i++) {
    const meeting = phraseAt(words, i, meetingVerbs, text);
    if (meeting) {
      meetingVerb = true;
      mark(i, meeting.words.length, verbs);
    }
    const agreement = meeting || falseFriend[i] ? undefined : phraseAt(words, i, agreementVerbs, text);
    if (agreement) {
      agreementVerb = true;
      mark(i, agreement.words.length, verbs);
    }
    const what = phraseAt(words, i, whatWords, text);
    if (what) {
      asksWhat = true;
      mark(i, what.words.length, verbs);
    }
  }
  const asksWhoWhenWhere = reading.intents.some((intent) => intent === 'person' || intent === 'time' || intent === 'place');
  if (agreementVerb && (asksWhat || reading.intents.includes('list'))) reading.route = 'agreements';
  else if (meetingVerb && asksWhoWhenWhere) reading.route = 'meetings';
  else if (agreementVerb && asksWhoWhenWhere) reading.route = 'agreements';

  if (reading.route !== 'passages') {
    reading.parties = partiesOf(words, text, frame, verbs);
    // `hai Bộ trưởng nhất trí gì`, `where did the two defence ministers meet`: a group described, not
    // named; the engines know parties by name, the passages know the article's words for the group.
    const described = words.some((_, i) => {
      // `hai bên` names the two sides of any meeting or agreement: the engines list them all.
      if (frame[i] || verbs[i] || (phraseAt(words, i, partyNoise, text)?.words.length ?? 0) > 1) return false;
      const count = phraseAt(words, i, groupCounts, text);
      const next = count ? i + count.words.length : -1;
      return (
        count !== undefined &&
        next < words.length &&
        !frame[next] &&
        !verbs[next] &&
        text.slice(words[next - 1]!.end, words[next]!.start).trim() === ''
      );
    });
    if (described) {
      reading.route = 'passages';
      reading.parties = [];
    }
  }
  if (reading.route === 'meetings') {
    const kind = meetingKinds.find((entry) => words.some((_, i) => phraseAt(words, i, entry.phrases, text)));
    if (kind) reading.meetingKind = kind.quoted;
  }
  reading.searchText = keptText(words, text, frame);
  return reading;
}

/** The runs of words left once the question's frame, verbs and joiners are taken out: `Hàn Quốc`, `NATO`. */
function partiesOf(words: readonly Word[], text: string, frame: Uint8Array, verbs: Uint8Array): string[] {
  const parties: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  const close = () => {
    if (runStart >= 0) parties.push(text.slice(words[runStart]!.start, words[runEnd]!.end));
    runStart = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const separator = i > 0 ? text.slice(words[i - 1]!.end, words[i]!.start).trim() : '';
    // A comma or other mark between words ends a party (`Hàn Quốc, NATO`); a hyphen does not (`Suk-yeol`).
    if (separator !== '' && separator !== '-') close();
    if (frame[i] || verbs[i]) {
      close();
      continue;
    }
    // A capitalised word inside the question is a name, not a noise word: `To Lam` is Tô Lâm.
    const isName = i > 0 && /^\p{Lu}/u.test(words[i]!.text);
    const skip = phraseAt(words, i, joiners, text) ?? (isName ? undefined : phraseAt(words, i, partyNoise, text));
    if (skip) {
      close();
      i += skip.words.length - 1;
      continue;
    }
    if (runStart < 0) runStart = i;
    runEnd = i;
  }
  close();
  return parties;
}

/** The question without its frame; removed words leave a `·`, so the words around them form no phrase. */
function keptText(words: readonly Word[], text: string, frame: Uint8Array): string {
  if (!frame.some(Boolean)) return text.trim();
  const runs: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !frame[i]) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) runs.push(text.slice(words[runStart]!.start, words[i - 1]!.end));
    runStart = -1;
  }
  return runs.join(' · ');
}
