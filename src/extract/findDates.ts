// Finds the calendar dates a sentence mentions, in the shapes Vietnamese news use (`ngày 11/7`,
// `hai ngày 24-25/6`, `chiều 25/6`, `ngày 3 tháng 5`, `tháng 6/2025`, `11/7/2023`). A bare `24/7` or
// `5.800` is not a date: day/month pairs count only after a time word, or with a four-digit year.

export interface DateMention {
  /** `2025-06-24`, `2025-06` when only the month is given, `2004` when only the year. */
  iso: string;
  year: number;
  /** Absent when only the year is given (`vào năm 2004`). */
  month?: number;
  day?: number;
  /** Last day of a range such as `24-25/6`. */
  lastDay?: number;
  /** The words as written, e.g. `hai ngày 24-25/6`. */
  text: string;
  start: number;
  end: number;
}

/** Words right after a date without a year that move it from the article's year: `24-25/6 năm ngoái`. */
export const RELATIVE_YEARS: readonly { phrase: string; offset: number }[] = [
  { phrase: 'năm ngoái', offset: -1 },
  { phrase: 'năm trước', offset: -1 },
  { phrase: 'năm tới', offset: 1 },
  { phrase: 'năm sau', offset: 1 },
];

/** Sentence openers meaning "on the same day" as the date told just before. */
export const SAME_DAY_OPENERS: readonly string[] = ['cùng ngày', 'cũng trong ngày', 'trong cùng ngày', 'cùng ngày hôm đó'];

/** The article's own date, for the year (and to tell December news in a January article). */
export interface DateContext {
  year: number;
  month: number;
  /** The article's day, when it gives one: `hôm qua` can only be read against a day. */
  day?: number;
}

/** Words for a day counted from the article's own (`hôm qua` is the day before it). */
export const RELATIVE_DAYS: readonly { phrase: string; offset: number }[] = [
  { phrase: 'hôm nay', offset: 0 },
  { phrase: 'sáng nay', offset: 0 },
  { phrase: 'trưa nay', offset: 0 },
  { phrase: 'chiều nay', offset: 0 },
  { phrase: 'tối nay', offset: 0 },
  { phrase: 'hôm qua', offset: -1 },
  { phrase: 'ngày hôm qua', offset: -1 },
  { phrase: 'sáng qua', offset: -1 },
  { phrase: 'trưa qua', offset: -1 },
  { phrase: 'chiều qua', offset: -1 },
  { phrase: 'tối qua', offset: -1 },
  { phrase: 'đêm qua', offset: -1 },
  { phrase: 'hôm kia', offset: -2 },
];

/** Words for a whole year counted from the article's (`hồi năm ngoái`); after a number they count years back instead. */
export const RELATIVE_WHOLE_YEARS: readonly { phrase: string; offset: number }[] = [
  { phrase: 'năm nay', offset: 0 },
  { phrase: 'năm ngoái', offset: -1 },
  { phrase: 'năm trước', offset: -1 },
];

/** Words before `năm 2004` that make it the time of the event, not a span (`từ năm 1992` is "since"). */
const YEAR_TIME_WORDS = '(?:vào|hồi|trong|cuối|đầu|giữa)';

/** Words before `D/M` that make it a date: on the day, morning, afternoon, evening, night of. */
const TIME_WORDS = '(?:(?:hai|ba|các|những)\\s+)?(?:ngày|sáng|chiều|tối|trưa|đêm|rạng sáng|hôm|mùng|mồng|từ)';
const L = '(?<![\\p{L}\\p{M}\\p{N}])';
const N = '(?![\\p{L}\\p{M}\\p{N}])';

/** Day (or a range of days), month and an optional year, as the two day-month shapes capture them. */
function readDayRange([day, lastDay, month, year]: string[]) {
  return {
    day: Number(day),
    lastDay: lastDay ? Number(lastDay) : undefined,
    month: Number(month),
    year: year ? Number(year) : undefined,
  };
}

/** Each shape: a pattern and how to read its groups. Tried in order; earlier shapes win overlaps. */
const DATE_SHAPES: readonly {
  pattern: RegExp;
  read: (groups: string[]) => { day?: number; lastDay?: number; month: number; year?: number };
}[] = [
  // ngày 3 tháng 5 (năm 2024)
  {
    pattern: new RegExp(
      `${L}${TIME_WORDS}\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm\\s+|\\/\\s*)(\\d{4}))?${N}`,
      'giu',
    ),
    read: readDayRange,
  },
  // ngày 11/7, hai ngày 24-25/6, chiều 25/6/2025, ngày 25/6 năm 2025, and with a dot as some papers write it: ngày 11.11
  {
    pattern: new RegExp(
      `${L}${TIME_WORDS}\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\s*[\\/.]\\s*(\\d{1,2})(?:(?:\\s*[\\/.]\\s*|\\s+năm\\s+)(\\d{4}))?${N}`,
      'giu',
    ),
    read: readDayRange,
  },
  // chiều 11-9, ngày 17-4-2025: day-month with a dash after a time word (a range has its month after a slash).
  {
    pattern: new RegExp(`${L}${TIME_WORDS}\\s+(\\d{1,2})\\s*-\\s*(\\d{1,2})(?:-(\\d{4}))?(?![\\/.\\d])${N}`, 'giu'),
    read: ([day, month, year]) => ({ day: Number(day), month: Number(month), year: year ? Number(year) : undefined }),
  },
  // 11/7/2023 on its own: the four-digit year makes it unambiguous.
  {
    pattern: new RegExp(`${L}(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})${N}`, 'gu'),
    read: ([day, month, year]) => ({ day: Number(day), month: Number(month), year: Number(year) }),
  },
  // tháng 6/2025, tháng 6 năm 2025, tháng 6
  {
    pattern: new RegExp(`${L}tháng\\s+(\\d{1,2})(?:\\s*(?:\\/|năm)\\s*(\\d{4}))?${N}`, 'giu'),
    read: ([month, year]) => ({ month: Number(month), year: year ? Number(year) : undefined }),
  },
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date without a year takes the article's year, except that a month far after the article's
 * (`ngày 28/12` in a January article) is last year's.
 */
function yearFor(month: number, context: DateContext): number {
  return month - context.month > 6 ? context.year - 1 : context.year;
}

/** Every shape but the relative words needs a digit: most sentences have none, and are done with in one scan. */
const DIGIT = /[0-9]/;
const RELATIVE_DAY = new RegExp(`${L}(${RELATIVE_DAYS.map((entry) => entry.phrase).join('|')})${N}`, 'giu');
const RELATIVE_WHOLE_YEAR = new RegExp(`(?<![\\p{N}]\\s*)${L}(${RELATIVE_WHOLE_YEARS.map((entry) => entry.phrase).join('|')})${N}`, 'giu');
const YEAR_ONLY = new RegExp(`${L}${YEAR_TIME_WORDS}\\s+năm\\s+(\\d{4})${N}`, 'giu');
/** Words that may be in a sentence without a digit and still make a date. */
const RELATIVE_WORD = /qua|nay|kia|ngoái|năm trước/iu;

function addDays(context: DateContext, offset: number): { year: number; month: number; day: number } | undefined {
  if (context.day === undefined) return undefined;
  const date = new Date(Date.UTC(context.year, context.month - 1, context.day + offset));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `hôm qua`, `hồi năm ngoái`, `vào năm 2004`: days and years told relative to the article, or a year alone. */
function relativeDates(text: string, context: DateContext, found: readonly DateMention[]): DateMention[] {
  const more: DateMention[] = [];
  const free = (start: number, end: number) => ![...found, ...more].some((other) => start < other.end && end > other.start);
  for (const match of text.matchAll(RELATIVE_DAY)) {
    const offset = RELATIVE_DAYS.find((entry) => entry.phrase === match[1]!.toLowerCase())?.offset;
    const day = offset === undefined ? undefined : addDays(context, offset);
    const end = match.index + match[0].length;
    if (!day || !free(match.index, end)) continue;
    more.push({ iso: `${day.year}-${pad(day.month)}-${pad(day.day)}`, ...day, text: match[0], start: match.index, end });
  }
  for (const match of text.matchAll(YEAR_ONLY)) {
    const end = match.index + match[0].length;
    if (!free(match.index, end)) continue;
    more.push({ iso: match[1]!, year: Number(match[1]), text: match[0], start: match.index, end });
  }
  for (const match of text.matchAll(RELATIVE_WHOLE_YEAR)) {
    const end = match.index + match[0].length;
    const offset = RELATIVE_WHOLE_YEARS.find((entry) => entry.phrase === match[1]!.toLowerCase())?.offset;
    // `24-25/6 năm ngoái` was read with its day; only a year on its own is left here.
    if (offset === undefined || !free(match.index, end) || /\d[\s/.-]*$/u.test(text.slice(0, match.index))) continue;
    const year = context.year + offset;
    more.push({ iso: String(year), year, text: match[0], start: match.index, end });
  }
  return more;
}

export function findDates(text: string, context: DateContext): DateMention[] {
  const found: DateMention[] = [];
  if (!DIGIT.test(text)) return RELATIVE_WORD.test(text) ? relativeDates(text, context, found).sort((a, b) => a.start - b.start) : found;
  for (const shape of DATE_SHAPES) {
    for (const match of text.matchAll(shape.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      const read = shape.read(match.slice(1).map((group) => group ?? ''));
      if (read.month < 1 || read.month > 12) continue;
      const after = text.slice(end).trimStart().toLowerCase();
      const relative = RELATIVE_YEARS.find((entry) => after.startsWith(entry.phrase));
      const year = read.year ?? (relative ? context.year + relative.offset : yearFor(read.month, context));
      if (read.day !== undefined && (read.day < 1 || read.day > daysInMonth(year, read.month))) continue;
      if (
        read.lastDay !== undefined &&
        (read.day === undefined || read.lastDay <= read.day || read.lastDay > daysInMonth(year, read.month))
      )
        continue;
      found.push({
        iso: read.day === undefined ? `${year}-${pad(read.month)}` : `${year}-${pad(read.month)}-${pad(read.day)}`,
        year,
        month: read.month,
        ...(read.day !== undefined ? { day: read.day } : {}),
        ...(read.lastDay !== undefined ? { lastDay: read.lastDay } : {}),
        text: match[0],
        start,
        end,
      });
    }
  }
  found.push(...relativeDates(text, context, found));
  return found.sort((a, b) => a.start - b.start);
}

/** The first day-precise date of the texts, else the first month-only one, else undefined. */
export function firstDate(texts: readonly string[], context: DateContext): DateMention | undefined {
  const all = texts.flatMap((text) => findDates(text, context));
  return all.find((mention) => mention.day !== undefined) ?? all.find((mention) => mention.month !== undefined) ?? all[0];
}

/**
 * The date of an event the text gives no date for: the article's month. The article's day is when it
 * was written, often a day or two after the event, so it would claim a precision the text does not have.
 */
export function undatedEventDate(articleDate: { year: number; month: number }): string {
  return `${articleDate.year}-${pad(articleDate.month)}`;
}
