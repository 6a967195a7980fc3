// Where something happened: the name after `tại`, `ở` or `bên lề` (`bên lề Hội nghị thượng đỉnh NATO`,
// `tại Hà Lan`), and the known places and organisations a stretch of text names (for agreement parties).
import { ORGANISATION_HEADS, PERSON_TITLES, PORTFOLIOS } from '../language/titles.ts';
import { PLACE_NAMES, PLACE_PREFIXES } from '../language/places.ts';
import { PHRASE_BREAKERS } from '../language/personNames.ts';
import { phraseMatcher } from '../text/phraseMatcher.ts';
import { findWords } from '../text/syllableMatch.ts';
import { wordsAndMarksOf } from '../text/textCut.ts';
import { isAcronym, type Token } from '../text/tokenize.ts';
import { isCapitalised, isLowercaseWord } from '../text/wordsAndMarks.ts';

export interface PlaceMention {
  /** The word that introduced it, as written: `tại`, `ở`, `bên lề`. */
  marker: string;
  /** The place itself: `Hội nghị thượng đỉnh NATO`. */
  name: string;
  /** Offsets of the name in the searched text. */
  start: number;
  end: number;
}

/** Markers of a location, most specific first. */
export const PLACE_MARKERS: readonly string[] = ['bên lề', 'tại', 'ở'];

/**
 * Event and institution names start with a capitalised head noun and go on in lowercase
 * (`Hội nghị thượng đỉnh NATO`, `Diễn đàn Kinh tế thế giới`); only after one of these may a place name
 * continue through lowercase words.
 */
const EVENT_HEADS: readonly string[] = [
  'Hội nghị',
  'Diễn đàn',
  'Đối thoại',
  'Đại hội',
  'Lễ',
  'Tuần lễ',
  'Hội chợ',
  'Triển lãm',
  'Phiên họp',
  'Kỳ họp',
  'Thượng đỉnh',
  'Trụ sở',
  'Cung',
  'Nhà',
  'Dinh',
  'Phủ',
  'Trung tâm',
  'Khách sạn',
  'Đại sứ quán',
  'Tòa Đại sứ',
  'Toà Đại sứ',
  'Lãnh sự quán',
  'Văn phòng',
  'Hội trường',
  'Đại lễ đường',
  'Nhà Quốc hội',
  'Nhà khách',
  ...ORGANISATION_HEADS,
];

const matchPlace = phraseMatcher(PLACE_NAMES);
const matchPrefix = phraseMatcher(PLACE_PREFIXES, { ignoreCase: true });
const matchEventHead = phraseMatcher(EVENT_HEADS);
// Known names that go on in lowercase (`Chính phủ`, `châu Âu`) are taken whole.
// Titles too: `Văn phòng Tổng thống` must not stop at the capitalised `Tổng`.
const matchKnownName = phraseMatcher([...PLACE_NAMES, ...PORTFOLIOS, ...PERSON_TITLES], { ignoreCaseAfterFirstWord: true });
/** `Văn phòng Tổng thống ở quận Yongsan`: a place narrowed by a second one is one phrase. */
const matchInnerMarker = phraseMatcher(['ở', 'tại']);
const breakers = new Set(PHRASE_BREAKERS);

/** Most lowercase words an event name may run through before its next capitalised word. */
const MAX_LOWERCASE_RUN = 4;

/**
 * The capitalised name starting at token `index`: capitalised words, bracketed acronyms, and — when it
 * opens with an event or institution head — short lowercase runs that lead to another capitalised word.
 * Returns the index just past it (equal to `index` when no name starts there).
 */
export function capitalisedPhraseEnd(tokens: readonly Token[], index: number): number {
  if (!isCapitalised(tokens[index])) return index;
  const headLength = matchEventHead(tokens, index);
  const continuesInLowercase = headLength > 0;
  let end = index + headLength;
  while (end < tokens.length) {
    const token = tokens[end]!;
    const known = matchKnownName(tokens, end);
    if (known > 0) {
      end += known;
      continue;
    }
    if (isCapitalised(token)) {
      end += 1;
      continue;
    }
    if (token.text === '(' && isAcronym(tokens[end + 1]) && tokens[end + 2]?.text === ')') {
      end += 3;
      continue;
    }
    if (continuesInLowercase && isLowercaseWord(token)) {
      let run = end;
      while (run < tokens.length && run - end < MAX_LOWERCASE_RUN && isLowercaseWord(tokens[run]) && !breakers.has(tokens[run]!.text))
        run += 1;
      if (run > end && isCapitalised(tokens[run])) {
        end = run;
        continue;
      }
      // A trailing lowercase run closes an event name only when known: `Hội nghị thượng đỉnh` + verb is not.
    }
    break;
  }
  return end;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * The first `tại X`, `ở X` or `bên lề X` whose X is a name (not `tại đây`, `ở mức`). Markers inside the
 * `skip` spans are ignored: `tại` in `Đại sứ Singapore tại Việt Nam Jaya Ratnam` is part of a title.
 */
export function findPlace(text: string, skip: readonly Span[] = []): PlaceMention | undefined {
  const tokens = wordsAndMarksOf(text);
  const candidates: PlaceMention[] = [];
  for (const marker of findWords(text, PLACE_MARKERS)) {
    if (skip.some((span) => marker.start >= span.start && marker.start < span.end)) continue;
    const first = tokens.findIndex((token) => token.start >= marker.end);
    if (first < 0) continue;
    // `tại trụ sở Chính phủ`: the lowercase prefix stays part of the place.
    const index = first + matchPrefix(tokens, first);
    let end = capitalisedPhraseEnd(tokens, index);
    if (end === index) continue;
    for (;;) {
      // `trụ sở Bộ Quốc phòng (Hà Nội)`, `Kuala Lumpur (Malaysia)`: the city or country in brackets is part of it.
      if (tokens[end]?.text === '(') {
        const inside = capitalisedPhraseEnd(tokens, end + 1);
        if (inside > end + 1 && tokens[inside]?.text === ')') {
          end = inside + 1;
          continue;
        }
      }
      const marker = matchInnerMarker(tokens, end);
      if (marker === 0) break;
      const inner = end + marker + matchPrefix(tokens, end + marker);
      const innerEnd = capitalisedPhraseEnd(tokens, inner);
      if (innerEnd === inner) break;
      end = innerEnd;
    }
    const start = tokens[first]!.start;
    const stop = tokens[end - 1]!.end;
    candidates.push({ marker: text.slice(marker.start, marker.end), name: text.slice(start, stop), start, end: stop });
  }
  return candidates.sort((a, b) => a.start - b.start)[0];
}

export interface NamedPlace {
  name: string;
  start: number;
  end: number;
}

/** Every known place or organisation (from the reviewed tables) that `text` names, in order. */
export function findNamedPlaces(text: string): NamedPlace[] {
  const tokens = wordsAndMarksOf(text);
  const found: NamedPlace[] = [];
  for (let index = 0; index < tokens.length;) {
    const length = matchPlace(tokens, index);
    if (length === 0) {
      index += 1;
      continue;
    }
    let last = index + length - 1;
    // `Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)` is one organisation, named by its acronym.
    const bracketed = tokens[last + 1]?.text === '(' && isAcronym(tokens[last + 2]) && tokens[last + 3]?.text === ')';
    const start = tokens[index]!.start;
    if (bracketed) last += 3;
    found.push({
      name: bracketed ? tokens[last - 1]!.text : text.slice(start, tokens[index + length - 1]!.end),
      start,
      end: tokens[last]!.end,
    });
    index = last + 1;
  }
  return found;
}
