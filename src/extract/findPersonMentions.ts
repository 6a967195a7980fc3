// Finds the people one sentence names through a title (`Tổng thống Pháp Emmanuel Macron`, read by
// readRolePhrase.ts) or a courtesy word (`ông Macron`), as written: findPeople.ts resolves them to the
// full names the article used earlier.
import { HONORIFICS, MILITARY_RANKS, TITLE_QUALIFIERS, UNNAMED_COUNTERPARTS } from '../language/titles.ts';
import { lowercase } from '../text/characterClasses.ts';
import { phraseMatcher } from '../text/phraseMatcher.ts';
import { wordsAndMarksOf } from '../text/textCut.ts';
import type { Token } from '../text/tokenize.ts';
import { isCapitalised, isLowercaseWord } from '../text/wordsAndMarks.ts';
import {
  anyTitleLengthAt,
  matchOrganisationHead,
  matchPlace,
  particles,
  particlesThenCapital,
  readRolePhrase,
  textOf,
  titleLengthAt,
} from './readRolePhrase.ts';

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

const matchQualifier = phraseMatcher(TITLE_QUALIFIERS, { ignoreCase: true });
const matchUnnamedCounterpart = phraseMatcher(UNNAMED_COUNTERPARTS);
const honorifics = new Set(HONORIFICS);

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
      return {
        mention: {
          name: written,
          writtenName: written,
          start: tokens[titleIndex]!.start,
          end: tokens[phrase.end - 1]!.end,
          via: 'unnamed',
        },
        end: phrase.end,
      };
    }
    return { end: Math.max(phrase.end, titleIndex + 1) };
  }

  const titleLength = anyTitleLengthAt(tokens, titleIndex);
  const titles = text.slice(tokens[titleIndex]!.start, tokens[phrase.titlesEnd - 1]!.end);
  const organisation =
    phrase.nameStart > phrase.titlesEnd ? text.slice(tokens[phrase.titlesEnd]!.start, tokens[phrase.nameStart - 1]!.end) : '';
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
  for (let index = 0; index < tokens.length;) {
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
      } else if (
        tokens[found.end]?.text === ',' &&
        titleLengthAt(tokens, index) > 0 &&
        (chain?.next === index || mayOpenChain(tokens, index))
      ) {
        chain = { start: chain?.next === index ? chain.start : tokens[index]!.start, next: found.end + 1 };
      }
    } else if (token.isWord && honorifics.has(lowercase(token.text)) && matchPlace(tokens, index) === 0) {
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
