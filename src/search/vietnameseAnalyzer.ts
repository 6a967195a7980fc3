// Search's reading of the one tokenizer's tokens (`src/text/tokenize.ts`): which are stopwords, the terms
// the passage index stores (folded syllables, hyphenated names joined whole, and bigrams of adjacent
// syllables, because Vietnamese words (`công nghiệp`, `quốc phòng`) are several syllables), and how a
// query reads.

import type { GlossaryEntry } from '../corpus/types.ts';
import {
  VIETNAMESE_STOPWORDS,
  isEnglishStopword,
  isEnglishStopwordSpelledLikeVietnamese,
  isVietnameseStopword,
} from '../language/stopwords.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';
import { runToEnd } from '../text/steps.ts';
import { hyphenGroups, type Token, tokenize, type WordForms, wordForms } from '../text/tokenize.ts';

/** The tokens of `input` (NFC; see `tokenize`), Vietnamese function words marked as stopwords. */
export function searchTokens(input: string): Token[] {
  return tokenize(input, { isStopword: isStopwordAsWritten });
}

/** All capitals (`NATO`, `AI`, `ITPP`) is never a stopword, even when `AI` spells `ai` ("who"). */
function isStopwordAsWritten(forms: WordForms): boolean {
  return !forms.isAcronym && isVietnameseStopword(forms.lower);
}

/** Joins two folded syllables into one bigram term; syllables never contain it. */
export const BIGRAM_JOINER = '_';

export function bigramTerm(left: string, right: string): string {
  return `${left}${BIGRAM_JOINER}${right}`;
}

export function isBigramTerm(term: string): boolean {
  return term.includes(BIGRAM_JOINER);
}

const HAS_LETTER = /\p{L}/u;

/**
 * The terms a paragraph is indexed under: every non-stopword syllable, every bigram of adjacent
 * non-stopword syllables (`hop_tac`), and hyphenated names joined whole (`sukyeol`). Stopwords
 * are left out: they would be the longest posting lists and no query requires them.
 */
export function termsFromTokens(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.isStopword) continue;
    terms.push(token.folded);
    const next = tokens[i + 1];
    if (token.adjacentToNext && next && !next.isStopword) terms.push(bigramTerm(token.folded, next.folded));
  }
  for (const [first, last] of hyphenGroups(tokens)) {
    const parts = tokens.slice(first, last + 1);
    // `24-25/6` is a range of days, not a name; joining it would only invent a number.
    if (parts.every((part) => HAS_LETTER.test(part.text))) terms.push(parts.map((part) => part.folded).join(''));
  }
  return terms;
}

/** Index-time term function for MiniSearch's `tokenize` option. */
export function indexTerms(text: string): string[] {
  return termsFromTokens(searchTokens(text));
}

// ---------------------------------------------------------------------------------------------
// Queries

/**
 * `required`: a content word the passage should contain. `optional`: typed without marks and
 * spelled like a stopword (`dau` may be `đâu` "where" or `đầu` in `đầu tư`), so it may help a
 * bigram but is never required. `stopword`: dropped.
 */
export type QueryWordRole = 'required' | 'optional' | 'stopword';

export interface QueryWord extends Token {
  role: QueryWordRole;
  /** Lowercase as typed, with its marks, to reward passages that match them exactly. */
  lower: string;
  hasMarks: boolean;
  /** The last word with nothing typed after it: the member may still be typing it. */
  stillTyping: boolean;
}

export interface QueryBigram {
  term: string;
  /** Indices into `QueryAnalysis.words`. */
  left: number;
  right: number;
}

/** A run of query words that the glossary says means the same as other phrases. */
export interface GlossaryMatch {
  /** Indices into `QueryAnalysis.words`, inclusive. */
  first: number;
  last: number;
  /** The entry's other phrases, as written in the glossary (`công nghiệp quốc phòng`). */
  synonyms: string[];
  /** When the words are an English phrase: the Vietnamese it stands for. */
  translation?: string[];
}

export interface QueryAnalysis {
  /** The query, NFC: the words' offsets index it. */
  text: string;
  words: QueryWord[];
  /** Whether any word carries Vietnamese marks; then unmarked words are taken literally. */
  typedWithMarks: boolean;
  bigrams: QueryBigram[];
  glossaryMatches: GlossaryMatch[];
}

interface GlossaryForm {
  words: string[];
  synonyms: string[];
  /** An English phrase of its entry: it translates, and only words typed without marks can be it. */
  english: boolean;
  /** The Vietnamese phrases of its entry (for an English form, what it was translated to). */
  vietnamese: string[];
}

/** Glossary phrases keyed by their first folded word, longest first, for matching in queries. */
export interface CompiledGlossary {
  formsByFirstWord: ReadonlyMap<string, readonly GlossaryForm[]>;
}

export const EMPTY_GLOSSARY: CompiledGlossary = { formsByFirstWord: new Map() };

export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  return runToEnd(compileGlossarySteps(entries));
}

/** Entries compiled between two yields: the built-in glossary (~1,250 entries) took 20–60 ms in one go. */
const GLOSSARY_ENTRIES_PER_STEP = 100;

/** {@link compileGlossary} in steps, so that a reload's library gets ready without blocking the bot. */
export function* compileGlossarySteps(entries: readonly GlossaryEntry[]): Generator<void, CompiledGlossary, void> {
  const formsByKey = new Map<string, GlossaryForm>();
  let done = 0;
  for (const entry of entries) {
    if (++done % GLOSSARY_ENTRIES_PER_STEP === 0) yield;
    const phrases = [...entry.en, ...entry.vi];
    phrases.forEach((phrase, i) => {
      const words = tokenize(phrase).map((token) => token.folded);
      if (words.length === 0) return;
      const key = words.join(' ');
      const english = i < entry.en.length;
      const form = formsByKey.get(key) ?? { words, synonyms: [], english, vietnamese: [] };
      // A phrase that is Vietnamese in any entry (`NATO`) is never only English.
      form.english &&= english;
      for (const other of phrases) {
        if (other !== phrase && !form.synonyms.includes(other)) form.synonyms.push(other);
      }
      for (const other of entry.vi) {
        if (other !== phrase && !form.vietnamese.includes(other)) form.vietnamese.push(other);
      }
      formsByKey.set(key, form);
    });
  }
  const formsByFirstWord = new Map<string, GlossaryForm[]>();
  for (const form of formsByKey.values()) {
    const first = form.words[0]!;
    const forms = formsByFirstWord.get(first);
    if (forms) forms.push(form);
    else formsByFirstWord.set(first, [form]);
  }
  for (const forms of formsByFirstWord.values()) forms.sort((a, b) => b.words.length - a.words.length);
  return { formsByFirstWord };
}

const foldedVietnameseStopwords = new Set(VIETNAMESE_STOPWORDS.map(foldDiacritics));

function roleOf(forms: WordForms, inHyphenGroup: boolean, typedWithMarks: boolean): QueryWordRole {
  if (forms.isAcronym || inHyphenGroup) return 'required';
  if (isEnglishStopword(forms.lower)) return 'stopword';
  if (typedWithMarks) return isStopwordAsWritten(forms) ? 'stopword' : 'required';
  const mayBeStopword = foldedVietnameseStopwords.has(forms.folded) || isEnglishStopwordSpelledLikeVietnamese(forms.lower);
  return mayBeStopword ? 'optional' : 'required';
}

/** Reads a query: which words are required, which bigrams it forms, which glossary phrases it uses. */
export function analyzeQuery(query: string, glossary: CompiledGlossary = EMPTY_GLOSSARY): QueryAnalysis {
  const text = query.normalize('NFC');
  const tokens = searchTokens(text);
  const formsOfTokens = tokens.map((token) => wordForms(token.text));
  const typedWithMarks = formsOfTokens.some((forms) => forms.hasMarks);
  const hyphenated = tokens.map((token, i) => token.hyphenatedToNext || (tokens[i - 1]?.hyphenatedToNext ?? false));

  const words: QueryWord[] = tokens.map((token, i) => {
    const forms = formsOfTokens[i]!;
    return {
      ...token,
      role: roleOf(forms, hyphenated[i]!, typedWithMarks),
      lower: forms.lower,
      hasMarks: forms.hasMarks,
      stillTyping: i === tokens.length - 1 && token.end === text.length,
    };
  });
  // A query of nothing but ambiguous words (`dau tu`) means those words.
  if (!words.some((word) => word.role === 'required')) {
    for (const word of words) if (word.role === 'optional') word.role = 'required';
  }

  const bigrams: QueryBigram[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const left = words[i]!;
    const right = words[i + 1]!;
    if (left.adjacentToNext && left.role !== 'stopword' && right.role !== 'stopword') {
      bigrams.push({ term: bigramTerm(left.folded, right.folded), left: i, right: i + 1 });
    }
  }

  return { text, words, typedWithMarks, bigrams, glossaryMatches: matchGlossary(words, glossary) };
}

function matchGlossary(words: readonly QueryWord[], glossary: CompiledGlossary): GlossaryMatch[] {
  const matches: GlossaryMatch[] = [];
  for (let i = 0; i < words.length;) {
    const candidates = glossary.formsByFirstWord.get(words[i]!.folded) ?? [];
    // A word typed with Vietnamese marks is never English: `bản` is not the English `ban`.
    const form = candidates.find((candidate) =>
      candidate.words.every((word, offset) => words[i + offset]?.folded === word && !(candidate.english && words[i + offset]!.hasMarks)),
    );
    // A phrase of nothing but stopwords (`ai` "who" read as `AI`) stands for no part of the question.
    const standsForContent = form && words.slice(i, i + form.words.length).some((word) => word.role !== 'stopword');
    if (form && standsForContent) {
      const translation = form.english && form.vietnamese.length > 0 ? { translation: form.vietnamese } : {};
      matches.push({ first: i, last: i + form.words.length - 1, synonyms: form.synonyms, ...translation });
      i += form.words.length;
    } else {
      i++;
    }
  }
  return matches;
}

/**
 * Query-time term function for MiniSearch's `searchOptions.tokenize`, for anyone querying the raw
 * MiniSearch index: required syllables and bigrams, folded. The passage index itself plans its
 * queries from `analyzeQuery`.
 */
export function queryTerms(query: string): string[] {
  const analysis = analyzeQuery(query);
  return [
    ...analysis.words.filter((word) => word.role === 'required').map((word) => word.folded),
    ...analysis.bigrams.map((bigram) => bigram.term),
  ];
}
