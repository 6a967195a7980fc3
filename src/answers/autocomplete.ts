// Suggestions while a member types an option. Discord shows at most 25 choices of at most
// 100 characters and gives us 3 seconds; everything here reads what the Library already holds.
import type { Library } from './library.ts';
import { foldedWords } from './matchText.ts';
import { articleIdsStartingWith, peopleMatching } from './libraryLookups.ts';
import { paragraphId } from './cite.ts';

export interface Choice {
  name: string;
  value: string | number;
}

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** Cuts a label to Discord's 100 characters, at a word boundary, with an ellipsis. */
export function fitChoiceName(text: string, max = MAX_CHOICE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

function choice(name: string, value: string | number): Choice {
  return { name: fitChoiceName(name), value: typeof value === 'string' ? value.slice(0, MAX_CHOICE_LENGTH) : value };
}

/** `stolt` → "Jens Stoltenberg — Tổng thư ký NATO". */
export function completePerson(library: Library, typed: string): Choice[] {
  return peopleMatching(library, typed, MAX_CHOICES).map((person) => choice(person.role ? `${person.name} — ${person.role}` : person.name, person.name));
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

/** Questions: the text typed so far first (so Enter keeps it), then phrases from the corpus. */
export function completeQuestion(library: Library, typed: string): Choice[] {
  const own = typed.replace(/\s+/g, ' ').trim();
  const fromIndex = foldedWords(typed).length === 0 ? [] : completeFromIndex(library, typed);
  const choices = own ? [choice(own, own), ...fromIndex.filter((entry) => entry.value !== own)] : fromIndex;
  return choices.slice(0, MAX_CHOICES);
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
    const paragraph = article?.paragraphs[number - 1];
    if (!article || !paragraph) return undefined;
    return choice(`${article.date.text} ¶${number} — ${paragraph.text}`, paragraphId(articleId, number));
  };
  const query = typed.trim();
  const choices: Choice[] = [];
  if (query === '') {
    for (const article of [...library.corpus.articles].reverse()) {
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
  for (const hit of library.index.search(query, {}, MAX_CHOICES).hits) {
    const entry = label(hit.articleId, hit.paragraph);
    if (entry) choices.push(entry);
  }
  return choices;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
