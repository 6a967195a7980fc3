// The CLI's English for an Answer's structured "nothing found" reason: what was searched, why nothing
// matched and what to try. The text output prints it, and the JSON keeps it as `message` (the public
// contract had that field before the reason was structured), word for word as the engines wrote it.
import type { Answer, NothingFound } from '../answers/answer.ts';

export function nothingFoundText(answer: Answer): string | undefined {
  const why = answer.nothingFound;
  return why ? sentenceFor(why, searchedFor(answer.options), yearsHint(answer.yearsAvailable ?? [])) : undefined;
}

function sentenceFor(why: NothingFound, searched: string, years: string): string {
  switch (why.reason) {
    case 'no-meetings':
      return `No meeting found${searched}.${years}${why.person ? ' Try a part of the name, with or without diacritics (e.g. a family name).' : ''}`;
    case 'met-in-other-years':
      return `No meeting found${searched}, but "${why.person}" met someone in ${why.years.join(', ')}.`;
    case 'no-agreements':
      return `No agreement found${searched}.${years}${why.topic ? ' Try fewer or broader words, or leave the topic out.' : ''}`;
    case 'no-passages': {
      const words = why.year !== undefined ? `no article of ${why.year} holds any of its words` : 'none of its words are in the articles';
      return `Nothing in the corpus answers${searched}: ${words}.${years} Try other words, fewer words, or the suggestions.`;
    }
    case 'not-a-paragraph-id':
      return `"${why.id}" is not a paragraph id: use the form article#paragraph, e.g. ${why.example}.`;
    case 'no-such-article':
      return `No article "${why.articleId}" in the corpus. /sources lists the articles.`;
    case 'no-such-paragraph':
      return `Article ${why.articleId} has paragraphs 1 to ${why.paragraphCount}; there is no ¶${why.paragraph}.`;
    case 'no-such-sentence': {
      const sentences = why.sentenceCount === 1 ? 'one sentence' : `sentences 1 to ${why.sentenceCount}`;
      return `¶${why.paragraph} of ${why.articleId} has ${sentences}; there is no sentence ${why.sentence}.`;
    }
    case 'empty-library':
      return 'The corpus has no articles yet.';
  }
}

/** ` for year "2030", person "Rutte"`: the options searched, as typed. */
function searchedFor(options: Answer['options']): string {
  const parts = Object.entries(options)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name} "${value}"`);
  return parts.length > 0 ? ` for ${parts.join(', ')}` : '';
}

function yearsHint(years: readonly number[]): string {
  return years.length > 0 ? ` Years in the corpus: ${years.join(', ')}.` : ' The corpus is empty.';
}
