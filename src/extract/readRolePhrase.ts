// Reads the role phrase that opens at a title: `Tổng thư ký [kiêm …] [organisation] [country] Name`,
// telling the role's words (titles, offices, places, acronyms) from the name that follows them. The
// title tables live in src/language; findPersonMentions.ts turns a phrase into a person mention.
import { PLACE_NAMES } from '../language/places.ts';
import {
  ORGANISATION_HEADS,
  PERSON_TITLES,
  PORTFOLIOS,
  ROLE_PLACE_LINKS,
  TITLE_LIKE_PHRASES,
  TITLES_FOLLOWED_BY_ORGANISATION,
  TITLE_JOINERS,
  TITLE_SUFFIXES,
} from '../language/titles.ts';
import { NAME_PARTICLES, PHRASE_BREAKERS, VIETNAMESE_FAMILY_NAMES } from '../language/personNames.ts';
import { lowercase } from '../text/characterClasses.ts';
import { phraseMatcher } from '../text/phraseMatcher.ts';
import { isAcronym, type Token } from '../text/tokenize.ts';
import { isCapitalised, isLowercaseWord } from '../text/wordsAndMarks.ts';

const matchTitle = phraseMatcher(PERSON_TITLES, { ignoreCaseAfterFirstWord: true });
const matchTitleLike = phraseMatcher(TITLE_LIKE_PHRASES);
export const matchPlace = phraseMatcher(PLACE_NAMES);
const matchPortfolio = phraseMatcher(PORTFOLIOS);
export const matchOrganisationHead = phraseMatcher(ORGANISATION_HEADS);
const titlesFollowedByOrganisation = new Set(TITLES_FOLLOWED_BY_ORGANISATION.map((title) => title.toLowerCase()));
const joiners = new Set(TITLE_JOINERS);
const matchRolePlaceLink = phraseMatcher(ROLE_PLACE_LINKS);
const matchTitleSuffix = phraseMatcher(TITLE_SUFFIXES);
const familyNames = new Set(VIETNAMESE_FAMILY_NAMES);
/** `von`, `der`, `de`: lowercase words that belong inside a name. */
export const particles = new Set(NAME_PARTICLES);
const breakers = new Set(PHRASE_BREAKERS);

/** Most lowercase syllables an unknown organisation word may have (`An ninh quốc gia`). */
const MAX_ORGANISATION_LOWERCASE = 3;

/** The length in tokens of a (capitalised) title at `index`, or 0. */
export function titleLengthAt(tokens: readonly Token[], index: number): number {
  return isCapitalised(tokens[index]) ? matchTitle(tokens, index) : 0;
}

/** A title, or a phrase standing in for one (`người đồng cấp`), at `index`. */
export function anyTitleLengthAt(tokens: readonly Token[], index: number): number {
  return titleLengthAt(tokens, index) || matchTitleLike(tokens, index);
}

export function textOf(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((token) => token.text)
    .join(' ');
}

/** Does the phrase tokens[from, to) end with an organisation head such as `Văn phòng`? */
function endsWithOrganisationHead(tokens: readonly Token[], from: number, to: number): boolean {
  for (let start = from; start < to; start += 1) {
    if (matchOrganisationHead(tokens, start) === to - start) return true;
  }
  return false;
}

export interface RolePhrase {
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
export function readRolePhrase(tokens: readonly Token[], titleIndex: number, guessOrganisations: boolean): RolePhrase {
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
    if (
      guessOrganisations &&
      expectsOrganisation &&
      isCapitalised(token) &&
      isLowercaseWord(tokens[index + 1]) &&
      !breakers.has(tokens[index + 1]!.text)
    ) {
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
  if (index - nameStart === 1 && nameStart > 0 && matchPlace(tokens, nameStart - 1) >= 2)
    return { titlesEnd, nameStart: index, nameEnd: index, end: index };
  return { titlesEnd, nameStart: startOfVietnameseName(tokens, nameStart, index), nameEnd: index, end: index };
}

/** `von der Leyen`: one or more particles, then a capitalised word. */
export function particlesThenCapital(tokens: readonly Token[], index: number): boolean {
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
