// Examples for /help taken from the library loaded now, so they always exist: a year, a person who met
// someone, a topic of an agreement and a paragraph id. Each is left out when the library has none.
import type { Library } from '../library/library.ts';
import { paragraphId } from './citationText.ts';
import { popularTopics, prominentPeople } from '../library/lookups/popularTopics.ts';

export interface LibraryExamples {
  year?: number;
  person?: string;
  topic?: string;
  id?: string;
}

export function libraryExamples(library: Library): LibraryExamples {
  const examples: LibraryExamples = {};
  const year = library.years.at(-1);
  if (year !== undefined) examples.year = year;
  const [person] = prominentPeople(library, 1);
  if (person) examples.person = person;
  const [topic] = popularTopics(library, 1);
  if (topic) examples.topic = topic;
  // The newest article's second paragraph (its first when it has one): a citation worth reading in full.
  let newest = library.corpus.articles[0];
  for (const article of library.corpus.articles) {
    if (newest && (article.date.text > newest.date.text || (article.date.text === newest.date.text && article.id < newest.id)))
      newest = article;
  }
  if (newest && newest.paragraphs.length > 0) examples.id = paragraphId(newest.id, Math.min(2, newest.paragraphs.length));
  return examples;
}
