// The rules a corpus file must follow, as zod schemas whose messages a moderator can act on.
// Parsing lines into values happens in parseArticle/loadCorpus; these schemas only judge the values.

import { z } from 'zod';
import type { ArticleDate, ArticleMeta } from './types.ts';

const DATE_SHAPE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function malformedDate(text: string): string {
  return `malformed date "${text}": expected YYYY-MM or YYYY-MM-DD`;
}

/** `2025-06` or `2025-06-24` → {@link ArticleDate}; month 01–12 and a day that exists in that month. */
export const articleDateSchema = z.string().transform((text, ctx): ArticleDate => {
  const match = DATE_SHAPE.exec(text);
  const [, yearText, monthText, dayText] = match ?? [];
  const year = Number(yearText);
  const month = Number(monthText);
  if (!match || month < 1 || month > 12) {
    ctx.addIssue({ code: 'custom', message: malformedDate(text) });
    return z.NEVER;
  }
  if (dayText === undefined) return { year, month, text };

  const day = Number(dayText);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    ctx.addIssue({
      code: 'custom',
      message: `malformed date "${text}": ${MONTH_NAMES[month - 1]} ${year} has days 01 to ${lastDay}`,
    });
    return z.NEVER;
  }
  return { year, month, day, text };
});

const HEADER_EXAMPLE = '"date 2025-06-24 Photo : TTXVN"';
const HEADER_SHAPE = /^\s*date(?:\s+(\S+))?\s*(.*)$/i;
const PHOTO_CREDIT_SHAPE = /^photo\s*:\s*(.*?)\s*$/i;

export interface TextHeader {
  date: ArticleDate;
  credit?: string;
}

/**
 * Line 1 of a `.txt` article: `date YYYY-MM[-DD]`, optionally followed by `Photo : <credit>`.
 * Leading spaces and `Photo:`/`Photo :` spacing are tolerated because the scraped seeds vary.
 */
export const textHeaderSchema = z.string().transform((line, ctx): TextHeader => {
  const header = HEADER_SHAPE.exec(line);
  if (!header) {
    ctx.addIssue({ code: 'custom', message: `missing date: the first line must look like ${HEADER_EXAMPLE}` });
    return z.NEVER;
  }
  const [, dateText, rest = ''] = header;
  if (dateText === undefined) {
    ctx.addIssue({ code: 'custom', message: `missing date after "date": expected YYYY-MM or YYYY-MM-DD, e.g. ${HEADER_EXAMPLE}` });
    return z.NEVER;
  }
  const date = articleDateSchema.safeParse(dateText);
  if (!date.success) {
    for (const issue of date.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  }
  if (rest === '') return { date: date.data };

  const photo = PHOTO_CREDIT_SHAPE.exec(rest);
  if (!photo) {
    ctx.addIssue({ code: 'custom', message: `unexpected text after the date: "${rest}" (only "Photo : <credit>" may follow)` });
    return z.NEVER;
  }
  const credit = photo[1]!;
  if (credit === '') {
    ctx.addIssue({ code: 'custom', message: 'empty photo credit: write the credit after "Photo :" or remove it' });
    return z.NEVER;
  }
  const notACredit = whyNotACredit(credit);
  if (notACredit) {
    ctx.addIssue({ code: 'custom', message: photoCreditRefusal(credit, notACredit) });
    return z.NEVER;
  }
  return { date: date.data, credit };
});

/**
 * A photo credit names an agency or a photographer ("YONHAP News", "Ảnh: TTXVN", "Reuters/Yonhap"):
 * short, and not a sentence. Text that fails this is the article's first paragraph pasted onto the
 * header line, which would otherwise become the credit and be lost from the article.
 */
export const MAX_CREDIT_WORDS = 8;
export const MAX_CREDIT_CHARS = 60;
/** Punctuation inside sentences and at their end; a credit has none of it (a "." inside a name such as "J.Smith" is fine). */
const SENTENCE_PUNCTUATION = /[,;!?…]|\.(\s|$)/;

function photoCreditRefusal(credit: string, why: string): string {
  const shown = credit.length > 60 ? `${credit.slice(0, 57)}…` : credit;
  return `the photo credit "${shown}" ${why}: it looks like the article's text. Keep only the credit on its line (e.g. "Photo : TTXVN") and start the text after the blank line that ends the header`;
}

function whyNotACredit(credit: string): string | undefined {
  if (SENTENCE_PUNCTUATION.test(credit)) return 'has sentence punctuation (, ; ! ? … or a full stop)';
  if (credit.split(/\s+/).length > MAX_CREDIT_WORDS) return `has more than ${MAX_CREDIT_WORDS} words`;
  if (credit.length > MAX_CREDIT_CHARS) return `is longer than ${MAX_CREDIT_CHARS} characters`;
  return undefined;
}

/**
 * The lines a `.txt` article's header may add after line 1, up to the blank line that ends the header:
 * `Source : <outlet>`, `Title : <headline>`, `URL : <link>`, `Photo : <photo credit>`, each at most once.
 * The header is every line before the first blank line, so a field can never be read out of the body.
 */
export const TEXT_FIELD_LABELS = { source: 'Source', title: 'Title', url: 'URL', photo: 'Photo' } as const;
export type TextFieldKey = keyof typeof TEXT_FIELD_LABELS;
export const TEXT_FIELD_LINE = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/;

const articleUrlSchema = z.url({
  protocol: /^https?$/,
  error: (issue) => `bad url "${String(issue.input)}": expected a web address starting with http:// or https://`,
});

/** One header field of a `.txt` article, already split into its key and value. */
export function checkTextField(key: TextFieldKey, value: string): string | undefined {
  const label = TEXT_FIELD_LABELS[key];
  if (value === '') return `empty "${label} :" line: write the ${key === 'photo' ? 'photo credit' : key === 'url' ? 'link' : key === 'source' ? 'outlet' : 'headline'} after "${label} :" or remove the line`;
  if (key === 'url') {
    const url = articleUrlSchema.safeParse(value);
    if (!url.success) return url.error.issues[0]?.message ?? `bad url "${value}"`;
  }
  if (key === 'photo') {
    const notACredit = whyNotACredit(value);
    if (notACredit) return photoCreditRefusal(value, notACredit);
  }
  return undefined;
}

/** Keys a Markdown article's front-matter may set; anything else is probably a typo. */
export const FRONT_MATTER_KEYS = ['title', 'date', 'source', 'url', 'credit', 'lang'] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

export interface FrontMatter {
  date: ArticleDate;
  meta: ArticleMeta;
}

const optionalText = z.string().optional();

/** The `key: value` pairs of a `.md` article's `---` block, already unquoted. */
export const frontMatterSchema = z
  .strictObject(
    {
      title: optionalText,
      date: z.string({ error: 'missing date: add a line like "date: 2025-06" to the front-matter' }).pipe(articleDateSchema),
      source: optionalText,
      url: articleUrlSchema.optional(),
      credit: optionalText,
      lang: z
        .string()
        .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: (issue) => `bad lang "${String(issue.input)}": expected a language code such as "vi" or "en"` })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown front-matter key ${issue.keys.map((key) => `"${key}"`).join(', ')} (allowed: ${FRONT_MATTER_KEYS.join(', ')})`
          : undefined,
    },
  )
  .transform(({ date, ...meta }): FrontMatter => ({ date, meta: dropUndefined(meta) }));

function dropUndefined(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as ArticleMeta;
}

const glossaryPhrases = (language: string) =>
  z
    .array(
      z
        .string({ error: `every "${language}" phrase must be a string in quotes` })
        .transform((phrase) => phrase.trim().normalize('NFC'))
        .refine((phrase) => phrase !== '', { error: `"${language}" phrases must not be empty` }),
      { error: `"${language}" must be a list of phrases, e.g. ["${language === 'vi' ? 'hội đàm' : 'talks'}"]` },
    )
    .min(1, { error: `"${language}" must list at least one phrase` });

/** `corpus/glossary.json`: English and Vietnamese phrases that mean the same thing. */
export const glossarySchema = z.array(
  z.strictObject(
    { en: glossaryPhrases('en'), vi: glossaryPhrases('vi') },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')} (allowed: en, vi)`;
        if (issue.code === 'invalid_type') return 'each entry must be an object like {"en": ["talks"], "vi": ["hội đàm"]}';
        return undefined;
      },
    },
  ),
  { error: 'the glossary must be a JSON list of {"en": [...], "vi": [...]} entries' },
);
