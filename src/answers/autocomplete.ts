// Suggestions while a member types an option. Discord shows at most 25 choices of at most
// 100 characters and gives us 3 seconds; everything here reads what the Library already holds.
import type { Library } from '../library/library.ts';
import { foldedWords } from '../text/matchText.ts';
import { SPACE_BIT, classOfCode } from '../text/characterClasses.ts';
import { articleIdsStartingWith } from '../library/lookups/articleIds.ts';
import { peopleMatching } from '../library/lookups/peopleByWord.ts';
import { paragraphId } from './cite.ts';
import { readQuestion } from './readQuestion.ts';

export interface Choice {
  name: string;
  value: string | number;
}

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;
/** Paragraphs holding the words typed for a `/cite` id that are ranked for its 25 choices. */
const CITE_ID_ANSWERS_RANKED = 4 * MAX_CHOICES;

/** Cuts a label to Discord's 100 characters, at a word boundary, with an ellipsis. */
export function fitChoiceName(text: string, max = MAX_CHOICE_LENGTH): string {
  // Only the start of a long text can show: its whitespace is flattened in the shortest prefix that
  // holds max + 1 characters once flattened (more than max tell that it is cut). Flattening whole
  // paragraphs was half of what a /cite suggestion allocated, and a regular expression's replace on
  // a prefix still most of what a keystroke's 25 labels did.
  const head = text.slice(0, flatPrefixEnd(text, max + 1)).trim();
  const flat = /\s\s|[^\S ]/.test(head) ? head.replace(/\s+/g, ' ') : head;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * The start of a text that holds its first `count` characters once its whitespace is flattened (each
 * run one space, none leading), ending on one of them; the whole text when it flattens to fewer. A
 * label made of a short lead and this start reads as one made of the lead and the whole text.
 */
export function flatPrefixEnd(text: string, count: number): number {
  let flat = 0;
  let spaceBefore = false;
  for (let i = 0; i < text.length; i++) {
    // Whitespace as \s (fitChoiceName's regular expressions) and `trim` read it.
    if ((classOfCode(text.charCodeAt(i)) & SPACE_BIT) !== 0) {
      spaceBefore = flat > 0;
      continue;
    }
    flat += spaceBefore ? 2 : 1;
    spaceBefore = false;
    if (flat >= count) return i + 1;
  }
  return text.length;
}

function choice(name: string, value: string | number): Choice {
  return { name: fitChoiceName(name), value: typeof value === 'string' ? value.slice(0, MAX_CHOICE_LENGTH) : value };
}

/** `stolt` → "Jens Stoltenberg — Tổng thư ký NATO". */
export function completePerson(library: Library, typed: string): Choice[] {
  return peopleMatching(library, typed, MAX_CHOICES).map((person) =>
    choice(person.role ? `${person.name} — ${person.role}` : person.name, person.name),
  );
}

/** Years present in the corpus, newest first, that start with what was typed. */
export function completeYear(library: Library, typed: string): Choice[] {
  const digits = typed.replace(/\D/g, '');
  return [...library.years]
    .reverse()
    .filter((year) => String(year).startsWith(digits))
    .slice(0, MAX_CHOICES)
    .map((year) => choice(String(year), year));
}

/** Topics: phrases the index knows that are close to what was typed; before typing, the agreements' subjects. */
export function completeTopic(library: Library, typed: string): Choice[] {
  if (foldedWords(typed).length === 0) {
    // The first distinct subjects only: there can be tens of thousands of agreements.
    const summaries = new Set<string>();
    for (const agreement of library.agreements) {
      summaries.add(agreement.summary);
      if (summaries.size >= MAX_CHOICES) break;
    }
    return [...summaries].map((summary) => choice(summary, fitChoiceName(summary)));
  }
  return completeFromIndex(library, typed);
}

/**
 * Questions: the text typed so far first (so Enter keeps it), then completions read the way /ask reads
 * the question: a half-typed year (`năm 20` → `năm 2025`), a half-typed name in a question about meetings
 * or agreements (`ai gặp Rut` → `ai gặp Mark Rutte`), or corpus phrases for the words to search, with the
 * question's own frame (`… năm 2025 ở đâu`) kept around them.
 */
export function completeQuestion(library: Library, typed: string): Choice[] {
  const own = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  const completions = foldedWords(own).length === 0 ? [] : completeQuestionText(library, own).map((text) => choice(text, text));
  const choices = own ? [choice(own, own), ...completions.filter((entry) => entry.value !== own)] : completions;
  return unique(choices.map((entry) => String(entry.value)))
    .slice(0, MAX_CHOICES)
    .map((value) => choices.find((entry) => entry.value === value)!);
}

const HALF_TYPED_YEAR = /(?:^|\s)(?:năm|nam|in|tháng \d{1,2}\/|thang \d{1,2}\/)\s*(\d{1,3})$/iu;

function completeQuestionText(library: Library, typed: string): string[] {
  const year = HALF_TYPED_YEAR.exec(typed);
  if (year) {
    const head = typed.slice(0, typed.length - year[1]!.length);
    return [...library.years]
      .reverse()
      .filter((candidate) => String(candidate).startsWith(year[1]!))
      .map((candidate) => `${head}${candidate}`);
  }
  const reading = readQuestion(typed, { years: library.years });
  const lastParty = reading.parties.at(-1);
  if (reading.route !== 'passages' && lastParty && typed.endsWith(lastParty)) {
    const head = typed.slice(0, typed.length - lastParty.length);
    const names = peopleMatching(library, lastParty, MAX_CHOICES).map((person) => `${head}${person.name}`);
    if (names.length > 0) return names;
  }
  const runs = reading.searchText.split(' · ');
  // The run of words to search that is being typed (the last, when the text ends with it), or the only
  // one: it is completed, and the question's frame (a date, question words) is kept around it.
  const content = typed.endsWith(runs.at(-1)!) ? runs.at(-1)! : runs.length === 1 ? runs[0]! : '';
  if (content !== '' && content !== typed) {
    const at = typed.lastIndexOf(content);
    const head = typed.slice(0, at);
    const tail = typed.slice(at + content.length);
    return library.index.suggest(content, MAX_CHOICES).map((phrase) => `${head}${phrase}${tail}`);
  }
  return library.index.suggest(typed, MAX_CHOICES);
}

function completeFromIndex(library: Library, typed: string): Choice[] {
  return unique(library.index.suggest(typed, MAX_CHOICES))
    .slice(0, MAX_CHOICES)
    .map((phrase) => choice(phrase, phrase));
}

/** `/cite id`: paragraphs matching what was typed, shown as `2025-06 ¶6 — Hai bên đã nhất trí…`. */
export function completeCiteId(library: Library, typed: string): Choice[] {
  const label = (articleId: string, number: number): Choice | undefined => {
    const article = library.articlesById.get(articleId);
    const paragraph = article?.paragraphs.numbered(number);
    if (!article || !paragraph) return undefined;
    // Only the paragraph's start goes into the label: joined whole, the label was copied whole when cut.
    const { text } = paragraph;
    const start = text.slice(0, flatPrefixEnd(text, MAX_CHOICE_LENGTH + 1));
    return choice(`${article.date.text} ¶${number} — ${start}`, paragraphId(articleId, number));
  };
  const query = typed.trim();
  const choices: Choice[] = [];
  if (query === '') {
    // Newest articles first, walked backwards: copying the list of articles (thousands) to reverse it
    // cost more than the 25 labels.
    const { articles } = library.corpus;
    for (let a = articles.length - 1; a >= 0; a--) {
      const article = articles[a]!;
      for (const paragraph of article.paragraphs) {
        const entry = label(article.id, paragraph.number);
        if (entry) choices.push(entry);
        if (choices.length >= MAX_CHOICES) return choices;
      }
    }
    return choices;
  }
  // Typing an id (or its start) lists that article's paragraphs; `id#5` or `id ¶5` the paragraphs from 5.
  const idPrefix = query.split(/[#¶\s]/)[0] ?? '';
  const typedNumber = /[#¶\s]\s*¶?\s*(\d+)\s*$/u.exec(query)?.[1];
  if (idPrefix.length >= 3) {
    for (const articleId of articleIdsStartingWith(library, idPrefix, MAX_CHOICES)) {
      const article = library.articlesById.get(articleId)!;
      for (const paragraph of article.paragraphs) {
        if (typedNumber !== undefined && !String(paragraph.number).startsWith(typedNumber)) continue;
        const entry = label(article.id, paragraph.number);
        if (entry) choices.push(entry);
        if (choices.length >= MAX_CHOICES) return choices;
      }
    }
  }
  if (choices.length > 0) return choices;
  // Words: the best of the first paragraphs found that hold them, from the last articles on (see
  // SearchMode.enoughAnswers), not the best of the library: a phrase as common as `hợp tác` is in a
  // third of all paragraphs, and ranking them all cost up to 5 ms a keystroke.
  for (const hit of library.index.search(query, {}, MAX_CHOICES, { enoughAnswers: CITE_ID_ANSWERS_RANKED }).hits) {
    const entry = label(hit.articleId, hit.paragraph);
    if (entry) choices.push(entry);
  }
  return choices;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
