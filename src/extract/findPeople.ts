// Finds the people a sentence names and who they are: a title (with its organisation and country)
// followed by a name (`Tổng thống Pháp Emmanuel Macron`), a courtesy word before a name (`ông Macron`),
// or a full name met before. Short references (`Tổng thống Macron`, `bà Kallas`) are resolved to the
// full name the article used earlier, so every mention of one person carries one name.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import type { Person } from './items.ts';
import { PLACE_NAMES } from '../language/places.ts';
import {
  HONORIFICS,
  ORGANISATION_HEADS,
  PERSON_TITLES,
  PORTFOLIOS,
  ROLE_PLACE_LINKS,
  TITLE_LIKE_PHRASES,
  TITLES_FOLLOWED_BY_ORGANISATION,
  TITLE_JOINERS,
  TITLE_QUALIFIERS,
  TITLE_SUFFIXES,
  MILITARY_RANKS,
  UNNAMED_COUNTERPARTS,
} from '../language/titles.ts';
import { NAME_PARTICLES, PHRASE_BREAKERS, VIETNAMESE_FAMILY_NAMES } from '../language/personNames.ts';
import { personKey } from './mergeReports.ts';
import { lowercase } from '../text/characterClasses.ts';
import { phraseMatcher } from '../text/phraseMatcher.ts';
import { wordsAndMarksOf } from '../text/textCut.ts';
import { isAcronym, type Token } from '../text/tokenize.ts';
import { isCapitalised, isLowercaseWord } from '../text/wordsAndMarks.ts';

export interface PersonMention {
  /** The person's full name: as written here, or the earlier full name this short reference points to. */
  name: string;
  /** The name exactly as written at this mention: `Macron`, `Emmanuel Macron`. */
  writtenName: string;
  /** Title, organisation and country as written here (`Tổng thư ký NATO`), when a title was used. */
  role?: string;
  /** The first title alone (`Tổng thư ký`), used to prefer the right person when resolving `Tổng thống Lee`. */
  title?: string;
  /** Offsets of the whole mention, title through name, in the sentence's text. */
  start: number;
  end: number;
  /** How the sentence referred to the person. */
  /** `unnamed`: a counterpart the text gives no name (`người đồng cấp Nhật Bản`), shown as written. */
  via: 'title' | 'honorific' | 'name' | 'unnamed';
}

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

const matchTitle = phraseMatcher(PERSON_TITLES, { ignoreCaseAfterFirstWord: true });
const matchTitleLike = phraseMatcher(TITLE_LIKE_PHRASES);
const matchPlace = phraseMatcher(PLACE_NAMES);
const matchPortfolio = phraseMatcher(PORTFOLIOS);
const matchOrganisationHead = phraseMatcher(ORGANISATION_HEADS);
const titlesFollowedByOrganisation = new Set(TITLES_FOLLOWED_BY_ORGANISATION.map((title) => title.toLowerCase()));
const joiners = new Set(TITLE_JOINERS);
const matchRolePlaceLink = phraseMatcher(ROLE_PLACE_LINKS);
const matchQualifier = phraseMatcher(TITLE_QUALIFIERS, { ignoreCase: true });
const matchTitleSuffix = phraseMatcher(TITLE_SUFFIXES);
const matchUnnamedCounterpart = phraseMatcher(UNNAMED_COUNTERPARTS);
const honorifics = new Set(HONORIFICS);
const familyNames = new Set(VIETNAMESE_FAMILY_NAMES);
const particles = new Set(NAME_PARTICLES);
const breakers = new Set(PHRASE_BREAKERS);

/** Most lowercase syllables an unknown organisation word may have (`An ninh quốc gia`). */
const MAX_ORGANISATION_LOWERCASE = 3;

function titleLengthAt(tokens: readonly Token[], index: number): number {
  return isCapitalised(tokens[index]) ? matchTitle(tokens, index) : 0;
}

/** A title, or a phrase standing in for one (`người đồng cấp`), at `index`. */
function anyTitleLengthAt(tokens: readonly Token[], index: number): number {
  return titleLengthAt(tokens, index) || matchTitleLike(tokens, index);
}

function textOf(tokens: readonly Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((token) => token.text).join(' ');
}

/** Does the phrase tokens[from, to) end with an organisation head such as `Văn phòng`? */
function endsWithOrganisationHead(tokens: readonly Token[], from: number, to: number): boolean {
  for (let start = from; start < to; start += 1) {
    if (matchOrganisationHead(tokens, start) === to - start) return true;
  }
  return false;
}

interface RolePhrase {
  /** Token index just past the last title (`kiêm` chains included). */
  titlesEnd: number;
  /** Token range of the name; nameStart === nameEnd when the title names nobody (`Tổng thống Hàn Quốc cho biết`). */
  nameStart: number;
  nameEnd: number;
  /** Token index just past everything the phrase consumed. */
  end: number;
}

/**
 * Reads `title [kiêm title] [organisation] [country] Name` from a title at `titleIndex`. Everything
 * before the name is role; the name is the capitalised run after it. With `guessOrganisations`, a
 * capitalised word plus lowercase syllables right after an organisation head is read as an unknown
 * department (`Văn phòng An ninh quốc gia`) rather than as a name.
 */
function readRolePhrase(tokens: readonly Token[], titleIndex: number, guessOrganisations: boolean): RolePhrase {
  let index = titleIndex + anyTitleLengthAt(tokens, titleIndex);
  let titlesEnd = index;
  const firstTitle = lowercase(textOf(tokens, titleIndex, index));
  let expectsOrganisation = titlesFollowedByOrganisation.has(firstTitle) || endsWithOrganisationHead(tokens, titleIndex, index);
  let afterOrganisationHead = endsWithOrganisationHead(tokens, titleIndex, index);
  let nameStart = -1;

  while (index < tokens.length) {
    const token = tokens[index]!;
    if (nameStart >= 0) {
      // Inside the name: capitalised words and particles (`von der`), up to the next title.
      if (isCapitalised(token) && titleLengthAt(tokens, index) === 0) index += 1;
      else if (particles.has(token.text) && particlesThenCapital(tokens, index)) index += 1;
      else break;
      continue;
    }
    const nextTitle = titleLengthAt(tokens, index + 1);
    if (joiners.has(token.text) && nextTitle > 0) {
      const secondTitle = lowercase(textOf(tokens, index + 1, index + 1 + nextTitle));
      index += 1 + nextTitle;
      titlesEnd = index;
      expectsOrganisation = titlesFollowedByOrganisation.has(secondTitle) || endsWithOrganisationHead(tokens, index - nextTitle, index);
      afterOrganisationHead = endsWithOrganisationHead(tokens, index - nextTitle, index);
      continue;
    }
    const suffix = matchTitleSuffix(tokens, index);
    if (suffix > 0) {
      index += suffix;
      continue;
    }
    const titleHere = titleLengthAt(tokens, index);
    if (titleHere > 0) {
      // `Văn phòng Tổng thống …` is an office; any other title starts the next person.
      if (!afterOrganisationHead) break;
      index += titleHere;
      afterOrganisationHead = false;
      continue;
    }
    const link = matchRolePlaceLink(tokens, index);
    if (link > 0 && matchPlace(tokens, index + link) > 0) {
      index += link + matchPlace(tokens, index + link);
      continue;
    }
    const place = matchPlace(tokens, index);
    if (place > 0) {
      index += place;
      expectsOrganisation = false;
      afterOrganisationHead = false;
      continue;
    }
    const portfolio = matchPortfolio(tokens, index);
    if (portfolio > 0) {
      index += portfolio;
      // `Bộ Kinh tế số Estonia`: a known portfolio may go on in lowercase up to the country.
      if (guessOrganisations) index = lowercaseRunBeforeCapital(tokens, index);
      expectsOrganisation = false;
      afterOrganisationHead = false;
      continue;
    }
    const head = isCapitalised(token) ? matchOrganisationHead(tokens, index) : 0;
    if (head > 0) {
      index += head;
      expectsOrganisation = true;
      afterOrganisationHead = true;
      // `Hội đồng quản trị Tập đoàn …`: a board or committee named in lowercase before the next name.
      if (guessOrganisations) index = lowercaseRunBeforeCapital(tokens, index);
      continue;
    }
    if (token.text === '(' && isAcronym(tokens[index + 1]) && tokens[index + 2]?.text === ')') {
      index += 3;
      continue;
    }
    if (isAcronym(token)) {
      index += 1;
      continue;
    }
    if (guessOrganisations && expectsOrganisation && isCapitalised(token) && isLowercaseWord(tokens[index + 1]) && !breakers.has(tokens[index + 1]!.text)) {
      let run = index + 1;
      while (run - index <= MAX_ORGANISATION_LOWERCASE && isLowercaseWord(tokens[run]) && !breakers.has(tokens[run]!.text)) run += 1;
      index = run;
      afterOrganisationHead = false;
      continue;
    }
    if (isCapitalised(token)) {
      nameStart = index;
      index += 1;
      continue;
    }
    break;
  }

  if (nameStart < 0) return { titlesEnd, nameStart: index, nameEnd: index, end: index };
  // `… Giao thông Trung Quốc`: a lone word that ends a place the words before began is not a name.
  if (index - nameStart === 1 && nameStart > 0 && matchPlace(tokens, nameStart - 1) >= 2) return { titlesEnd, nameStart: index, nameEnd: index, end: index };
  return { titlesEnd, nameStart: startOfVietnameseName(tokens, nameStart, index), nameEnd: index, end: index };
}

/** `von der Leyen`: one or more particles, then a capitalised word. */
function particlesThenCapital(tokens: readonly Token[], index: number): boolean {
  let next = index;
  while (tokens[next] && particles.has(tokens[next]!.text)) next += 1;
  return isCapitalised(tokens[next]);
}

/** Past a few lowercase syllables (no breakers) when a capitalised word follows them; else `index`. */
function lowercaseRunBeforeCapital(tokens: readonly Token[], index: number): number {
  let run = index;
  while (run - index < MAX_ORGANISATION_LOWERCASE && isLowercaseWord(tokens[run]) && !breakers.has(tokens[run]!.text)) run += 1;
  return run > index && isCapitalised(tokens[run]) ? run : index;
}

/**
 * In `Công Thương Nguyễn Hồng Diên` the name starts at the family name: the words before it are an
 * organisation we did not know. The first family name wins, so `Nguyễn Thị Kim Ngân` stays whole.
 */
function startOfVietnameseName(tokens: readonly Token[], from: number, to: number): number {
  for (let index = from + 1; index <= to - 2; index += 1) {
    if (familyNames.has(tokens[index]!.text) && matchPlace(tokens, index) === 0) return index;
  }
  return from;
}

/** `Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)` → `NATO`: a role reads better with the short name. */
function preferAcronym(organisation: string): string {
  const match = /^(.*?)\s*\((\p{Lu}[\p{Lu}\p{N}]+)\)\s*(.*)$/u.exec(organisation);
  if (!match) return organisation;
  const [, , acronym, rest] = match;
  return rest ? `${acronym} ${rest}` : acronym!;
}

function mentionFromTitle(text: string, tokens: readonly Token[], titleIndex: number): { mention?: PersonMention; end: number } {
  let phrase = readRolePhrase(tokens, titleIndex, true);
  if (phrase.nameStart === phrase.nameEnd) phrase = readRolePhrase(tokens, titleIndex, false);
  if (phrase.nameStart === phrase.nameEnd) {
    // `người đồng cấp Hàn Quốc` with no name after it: a participant all the same, shown as written,
    // never dropped and never guessed.
    const counterpart = matchUnnamedCounterpart(tokens, titleIndex);
    if (counterpart > 0 && phrase.end > titleIndex + counterpart) {
      const written = text.slice(tokens[titleIndex]!.start, tokens[phrase.end - 1]!.end);
      return { mention: { name: written, writtenName: written, start: tokens[titleIndex]!.start, end: tokens[phrase.end - 1]!.end, via: 'unnamed' }, end: phrase.end };
    }
    return { end: Math.max(phrase.end, titleIndex + 1) };
  }

  const titleLength = anyTitleLengthAt(tokens, titleIndex);
  const titles = text.slice(tokens[titleIndex]!.start, tokens[phrase.titlesEnd - 1]!.end);
  const organisation = phrase.nameStart > phrase.titlesEnd ? text.slice(tokens[phrase.titlesEnd]!.start, tokens[phrase.nameStart - 1]!.end) : '';
  const writtenName = text.slice(tokens[phrase.nameStart]!.start, tokens[phrase.nameEnd - 1]!.end);
  return {
    mention: {
      name: writtenName,
      writtenName,
      role: organisation ? `${titles} ${preferAcronym(organisation)}` : titles,
      title: textOf(tokens, titleIndex, titleIndex + titleLength),
      start: tokens[titleIndex]!.start,
      end: tokens[phrase.nameEnd - 1]!.end,
      via: 'title',
    },
    end: phrase.nameEnd,
  };
}

function mentionFromHonorific(text: string, tokens: readonly Token[], index: number): { mention?: PersonMention; end: number } {
  const first = index + 1;
  let end = first;
  while (end < tokens.length) {
    const token = tokens[end]!;
    if (isCapitalised(token) && titleLengthAt(tokens, end) === 0 && (end > first || matchPlace(tokens, end) === 0)) end += 1;
    else if (end > first && particles.has(token.text) && particlesThenCapital(tokens, end)) end += 1;
    else break;
  }
  if (end === first) return { end: index + 1 };
  const writtenName = text.slice(tokens[first]!.start, tokens[end - 1]!.end);
  return { mention: { name: writtenName, writtenName, start: tokens[index]!.start, end: tokens[end - 1]!.end, via: 'honorific' }, end };
}

/**
 * May a nameless title at `index` open a chain of offices? Not inside a name (`Phủ Chủ tịch, …`: after
 * a capitalised word), not as someone's title mentioned in passing (`người phát ngôn của Tổng thống, …`),
 * and not when the next title repeats it (`Tổng thống đắc cử, Tổng thống đắc cử Hàn Quốc Yoon`).
 */
function mayOpenChain(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  if (before && (isCapitalised(before) || CHAIN_BREAKERS.has(lowercase(before.text)))) return false;
  const length = titleLengthAt(tokens, index);
  let next = index + length;
  while (next < tokens.length && tokens[next]!.text !== ',') next += 1;
  const repeated = textOf(tokens, index, index + length) === textOf(tokens, next + 1, next + 1 + length);
  return !repeated;
}

/**
 * `ông Kenji Morita, Chủ tịch Tập đoàn Sakura Energy`, `Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc
 * phòng Việt Nam`: the office written after the name, between commas, is the person's role when the
 * name came without one (or with a military rank only).
 */
function withAppositiveRole(text: string, tokens: readonly Token[], mention: PersonMention): number | undefined {
  if (mention.role !== undefined && !militaryRanks.has(mention.role)) return undefined;
  const comma = tokens.findIndex((token) => token.start >= mention.end);
  if (comma < 0 || tokens[comma]!.text !== ',' || titleLengthAt(tokens, comma + 1) === 0) return undefined;
  const phrase = readRolePhrase(tokens, comma + 1, true);
  // `ông Kenji Morita, Chủ tịch Tập đoàn Sakura Energy`: after an organisation, capitalised words are
  // its name, not a second person's.
  const named = phrase.nameStart !== phrase.nameEnd;
  if (named && !endsWithOrganisationHeadBefore(tokens, comma + 1, phrase.nameStart)) return undefined;
  const end = named ? phrase.nameEnd : phrase.end;
  if (end <= comma + 1) return undefined;
  const after = tokens[end];
  if (after && !APPOSITION_ENDS.has(after.text) && !isLowercaseWord(after)) return undefined;
  mention.role = text.slice(tokens[comma + 1]!.start, tokens[end - 1]!.end);
  return end;
}

/** Does an organisation head (`Tập đoàn`, `Bộ`) stand somewhere in tokens[from, to)? */
function endsWithOrganisationHeadBefore(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    if (isCapitalised(tokens[index]) && matchOrganisationHead(tokens, index) > 0) return true;
  }
  return false;
}

const APPOSITION_ENDS = new Set([',', '.', ')', ';', '(']);
const militaryRanks = new Set(MILITARY_RANKS);

/** Words after which a title is someone else's, mentioned in passing: `của Tổng thống`. */
const CHAIN_BREAKERS = new Set(['của', 'thay', 'mặt']);

/** `cựu Thủ tướng Nhật Bản Kishida Fumio`: the qualifier before the title is part of the role. */
function withQualifier(text: string, tokens: readonly Token[], titleIndex: number, mention: PersonMention): void {
  for (let length = 2; length >= 1; length--) {
    const first = titleIndex - length;
    if (first < 0 || matchQualifier(tokens, first) !== length) continue;
    mention.role = `${text.slice(tokens[first]!.start, tokens[titleIndex]!.start)}${mention.role ?? ''}`;
    mention.start = tokens[first]!.start;
    return;
  }
}

/**
 * The people one sentence names through a title or a courtesy word, as written (not yet resolved to
 * earlier full names). `Quan chức này` ("this official") names nobody and is not returned.
 */
export function findPersonMentions(text: string): PersonMention[] {
  const tokens = wordsAndMarksOf(text);
  const mentions: PersonMention[] = [];
  // `Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn`: titles without a name, each followed by a
  // comma, are more offices of the person named after the last one.
  let chain: { start: number; next: number } | undefined;
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index]!;
    let found: { mention?: PersonMention; end: number } | undefined;
    if (chain && chain.next < index) chain = undefined;
    if (anyTitleLengthAt(tokens, index) > 0) {
      found = mentionFromTitle(text, tokens, index);
      if (found.mention) {
        withQualifier(text, tokens, index, found.mention);
        if (chain?.next === index && found.mention.role !== undefined) {
          found.mention.role = `${text.slice(chain.start, found.mention.start)}${found.mention.role}`;
          found.mention.start = chain.start;
        }
        chain = undefined;
      } else if (tokens[found.end]?.text === ',' && titleLengthAt(tokens, index) > 0 && (chain?.next === index || mayOpenChain(tokens, index))) {
        chain = { start: chain?.next === index ? chain.start : tokens[index]!.start, next: found.end + 1 };
      }
    }
    else if (token.isWord && honorifics.has(lowercase(token.text)) && matchPlace(tokens, index) === 0) {
      found = mentionFromHonorific(text, tokens, index);
    }
    if (found?.mention) {
      const appositionEnd = withAppositiveRole(text, tokens, found.mention);
      if (appositionEnd !== undefined) found.end = appositionEnd;
      mentions.push(found.mention);
    }
    index = found ? Math.max(found.end, index + 1) : index + 1;
  }
  return mentions;
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
  return wordsAndMarksOf(name).filter((token) => token.isWord).map((token) => token.text);
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
