// Finds the people an article names and who they are: the mentions of each sentence (a title before a
// name, a courtesy word before a name: findPersonMentions.ts) and the full names met before. Short
// references (`Tổng thống Macron`, `bà Kallas`) are resolved to the full name the article used earlier,
// so every mention of one person carries one name.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import type { Person } from './items.ts';
import { personKey } from './mergeReports.ts';
import { wordsAndMarksOf } from '../text/textCut.ts';
import { findPersonMentions, type PersonMention } from './findPersonMentions.ts';

export interface SentencePeople {
  paragraph: Paragraph;
  sentence: Sentence;
  mentions: PersonMention[];
}

export interface ArticlePeople {
  /** Every sentence of the article, in order, with the people it names. */
  sentences: SentencePeople[];
  /** Each person once, with the most informative role the article gives them, in order of appearance. */
  people: Person[];
}
interface KnownPerson {
  name: string;
  words: string[];
  titles: Set<string>;
  roles: string[];
  /** When this person was last mentioned (a running count), so the nearest earlier one wins. */
  lastSeen: number;
}

function nameWords(name: string): string[] {
  return wordsAndMarksOf(name)
    .filter((token) => token.isWord)
    .map((token) => token.text);
}

/**
 * The earlier person a short reference means: someone whose full name contains every word written
 * here, preferring the same title (`Tổng thống Lee` is the president, not the spokesman Lee), then the
 * one mentioned most recently.
 */
function resolve(mention: PersonMention, known: readonly KnownPerson[]): KnownPerson | undefined {
  // `Yoon Suk Yeol` after `Yoon Suk-yeol`: the same name, spaced or hyphenated differently.
  const key = personKey(mention.writtenName);
  const exact = known.find((person) => person.name === mention.writtenName) ?? known.find((person) => personKey(person.name) === key);
  if (exact) return exact;
  const words = nameWords(mention.writtenName);
  const candidates = known.filter((person) => person.words.length > words.length && words.every((word) => person.words.includes(word)));
  const sameTitle = (person: KnownPerson) => (mention.title !== undefined && person.titles.has(mention.title) ? 1 : 0);
  return candidates.sort((a, b) => sameTitle(b) - sameTitle(a) || b.lastSeen - a.lastSeen)[0];
}

/** Full names met before, written again without a title (`… của Emmanuel Macron`). */
function bareNameMentions(text: string, known: readonly KnownPerson[], taken: readonly PersonMention[]): PersonMention[] {
  const found: PersonMention[] = [];
  for (const person of known) {
    if (person.words.length < 2) continue;
    let from = 0;
    for (let at = text.indexOf(person.name, from); at >= 0; at = text.indexOf(person.name, from)) {
      const end = at + person.name.length;
      from = end;
      const boundaryBefore = at === 0 || !/[\p{L}\p{M}\p{N}]/u.test(text[at - 1]!);
      const boundaryAfter = end === text.length || !/[\p{L}\p{M}\p{N}]/u.test(text[end]!);
      const overlaps = [...taken, ...found].some((other) => at < other.end && end > other.start);
      if (boundaryBefore && boundaryAfter && !overlaps) {
        found.push({ name: person.name, writtenName: person.name, start: at, end, via: 'name' });
      }
    }
  }
  return found;
}

// Meetings, agreements and the cast of an article are read one after the other: remembering the last
// article is enough, and keeps no sentence's people alive once its article is done.
let lastRead: { article: Article; people: ArticlePeople } | undefined;

/** Every sentence's people, with short references resolved, and the article's cast. */
export function findPeopleInArticle(article: Article): ArticlePeople {
  if (lastRead?.article === article) return lastRead.people;

  const known: KnownPerson[] = [];
  const sentences: SentencePeople[] = [];
  let clock = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const written = findPersonMentions(sentence.text);
      const mentions: PersonMention[] = [];
      for (const mention of written) {
        if (mention.via === 'unnamed') {
          // Not a person of the article's cast: nobody to resolve it to, nothing to offer in autocomplete.
          mentions.push(mention);
          continue;
        }
        clock += 1;
        let person = resolve(mention, known);
        if (!person) {
          person = { name: mention.writtenName, words: nameWords(mention.writtenName), titles: new Set(), roles: [], lastSeen: clock };
          known.push(person);
        }
        person.lastSeen = clock;
        if (mention.title) person.titles.add(mention.title);
        if (mention.role) person.roles.push(mention.role);
        mentions.push({ ...mention, name: person.name });
      }
      mentions.push(...bareNameMentions(sentence.text, known, mentions));
      mentions.sort((a, b) => a.start - b.start);
      sentences.push({ paragraph, sentence, mentions });
    }
  }

  const people: Person[] = known
    // A lone word met only after `ông`/`bà` may be anyone; a title or a full name makes a person.
    .filter((person) => person.words.length >= 2 || person.roles.length > 0)
    .map((person) => {
      const role = bestRole(person.roles);
      return role ? { name: person.name, role } : { name: person.name };
    });
  const result = { sentences, people };
  lastRead = { article, people: result };
  return result;
}

/** The most informative role: the longest (`Tổng thư ký NATO` over `Tổng thư ký`), first on ties. */
function bestRole(roles: readonly string[]): string | undefined {
  return roles.reduce<string | undefined>((best, role) => (best === undefined || role.length > best.length ? role : best), undefined);
}

/** Each person the article names, once, with their best role: what autocomplete offers. */
export function peopleInArticle(article: Article): Person[] {
  return findPeopleInArticle(article).people;
}
