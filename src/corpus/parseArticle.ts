// Turns one corpus file's bytes into an Article, or into every `file:line: reason` wrong with it.
// Pure: the loader does the file-system work, so every rule here is testable with a Buffer.

import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ZodError } from 'zod';
import { TEXT_FIELD_LABELS, TEXT_FIELD_LINE, checkTextField, frontMatterSchema, textHeaderSchema, type TextFieldKey } from './articleSchemas.ts';
import { segmentBody } from './segment.ts';
import { ParagraphArray } from './paragraphArray.ts';
import type { Article, ArticleDate, ArticleMeta, CorpusError } from './types.ts';

export type ParseArticleResult = { ok: true; article: Article } | { ok: false; errors: CorpusError[] };

/** Ids appear in citations and commands, so keep them to characters that survive everywhere. */
const ARTICLE_ID_SHAPE = /^[A-Za-z0-9_-]+$/;
const FORMAT_BY_EXTENSION: Record<string, Article['format']> = { '.txt': 'text', '.md': 'markdown' };

/** What the format-specific readers agree on: where the body is and what the header said. */
interface ParsedLayout {
  date: ArticleDate;
  meta: ArticleMeta;
  /** 0-based index of the first line after the header. */
  bodyFromLine: number;
}

type LayoutResult = { ok: true; layout: ParsedLayout } | { ok: false; errors: LineError[] };
type LineError = Omit<CorpusError, 'file'>;

export function parseArticle(file: string, bytes: Buffer): ParseArticleResult {
  const extension = extname(file);
  const format = FORMAT_BY_EXTENSION[extension.toLowerCase()];
  const id = file.slice(file.lastIndexOf('/') + 1, file.length - extension.length);
  const fail = (errors: LineError[]): ParseArticleResult => ({ ok: false, errors: errors.map((error) => ({ file, ...error })) });

  if (format === undefined) return fail([{ line: 0, reason: `unsupported file type "${extension}": use .txt or .md` }]);
  if (!ARTICLE_ID_SHAPE.test(id)) {
    return fail([{ line: 0, reason: `bad file name "${id}": use only letters A-Z, digits, "_" and "-" (the name becomes the article id)` }]);
  }

  const text = decodeArticleText(bytes);
  if (!text.ok) return fail([text.error]);

  const lines = text.value.split('\n');
  const layout = format === 'text' ? readTextLayout(lines) : readMarkdownLayout(lines);
  const errors = layout.ok ? [] : [...layout.errors];
  const bodyFromLine = layout.ok ? layout.layout.bodyFromLine : bodyStartAfterFailedHeader(format, lines);

  const body = readBody(lines, bodyFromLine ?? lines.length);
  if (bodyFromLine !== undefined && body.text === '') {
    errors.push({ line: bodyFromLine + 1, reason: 'empty body: write the article text after the header' });
  }
  if (!layout.ok || errors.length > 0) return fail(errors);

  return {
    ok: true,
    article: {
      id,
      file,
      format,
      date: layout.layout.date,
      meta: layout.layout.meta,
      body: body.text,
      bodyLine: body.line,
      paragraphs: new ParagraphArray(segmentBody(id, body.text)),
      hash: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/** UTF-8 → NFC text with LF line ends and no BOM, so offsets mean the same on every platform. */
function decodeArticleText(bytes: Buffer): { ok: true; value: string } | { ok: false; error: LineError } {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const badOffset = firstInvalidUtf8Offset(bytes);
    return {
      ok: false,
      error: { line: lineOfByte(bytes, badOffset), reason: 'not UTF-8: this line has bytes that are not valid UTF-8 (save the file as UTF-8)' },
    };
  }
  const withoutBom = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  return { ok: true, value: withoutBom.replace(/\r\n?/g, '\n').normalize('NFC') };
}

/**
 * Byte offset of the first byte that breaks UTF-8 (bad lead byte, missing continuation, overlong form,
 * surrogate or beyond U+10FFFF), so a moderator is pointed at the right line.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    let length: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) secondMin = 0xa0;
      if (lead === 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) secondMin = 0x90;
      if (lead === 0xf4) secondMax = 0x8f;
    } else return index;

    for (let offset = 1; offset < length; offset++) {
      const continuation = bytes[index + offset];
      const min = offset === 1 ? secondMin : 0x80;
      const max = offset === 1 ? secondMax : 0xbf;
      if (continuation === undefined || continuation < min || continuation > max) return index;
    }
    index += length;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/**
 * `.txt`: line 1 is `date YYYY-MM[-DD] [Photo : credit]`; the lines after it up to the first blank line
 * are header fields (`Source :`, `Title :`, `URL :`, `Photo :`); the body follows the blank line.
 */
function readTextLayout(lines: string[]): LayoutResult {
  const header = textHeaderSchema.safeParse(lines[0] ?? '');
  const fields = readTextFields(lines, header.success && header.data.credit !== undefined);
  const errors = [...(header.success ? [] : issuesAt(header.error, () => 1)), ...fields.errors];
  if (!header.success || errors.length > 0) return { ok: false, errors };
  const meta: ArticleMeta = { ...fields.meta };
  if (header.data.credit !== undefined) meta.credit = header.data.credit;
  return { ok: true, layout: { date: header.data.date, meta, bodyFromLine: fields.bodyFromLine } };
}

const META_OF_TEXT_FIELD = { source: 'source', title: 'title', url: 'url', photo: 'credit' } as const satisfies Record<TextFieldKey, keyof ArticleMeta>;

/** The `Key : value` lines between line 1 and the first blank line of a `.txt` article. */
function readTextFields(lines: string[], creditOnLineOne: boolean): { meta: ArticleMeta; errors: LineError[]; bodyFromLine: number } {
  const meta: ArticleMeta = {};
  const errors: LineError[] = [];
  const lineOfKey = new Map<TextFieldKey, number>(creditOnLineOne ? [['photo', 1]] : []);
  const allowed = Object.values(TEXT_FIELD_LABELS).map((label) => `"${label} :"`).join(', ');
  let index = 1;
  for (; index < lines.length && lines[index]!.trim() !== ''; index++) {
    const line = lines[index]!;
    const field = TEXT_FIELD_LINE.exec(line);
    const key = field?.[1]!.toLowerCase();
    if (!field || !key || !Object.hasOwn(TEXT_FIELD_LABELS, key)) {
      const shown = line.trim().length > 60 ? `${line.trim().slice(0, 60)}…` : line.trim();
      errors.push({
        line: index + 1,
        reason: `unexpected header line "${shown}": only ${allowed} lines may follow the date line; leave a blank line before the article text`,
      });
      continue;
    }
    const fieldKey = key as TextFieldKey;
    const firstLine = lineOfKey.get(fieldKey);
    if (firstLine !== undefined) {
      errors.push({ line: index + 1, reason: `duplicate "${TEXT_FIELD_LABELS[fieldKey]} :" (first set on line ${firstLine})` });
      continue;
    }
    lineOfKey.set(fieldKey, index + 1);
    const value = field[2]!;
    const problem = checkTextField(fieldKey, value);
    if (problem) errors.push({ line: index + 1, reason: problem });
    else meta[META_OF_TEXT_FIELD[fieldKey]] = value;
  }
  return { meta, errors, bodyFromLine: index };
}

const FRONT_MATTER_FENCE = /^---\s*$/;
const FRONT_MATTER_LINE = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/;

/** `.md`: a `---` block of `key: value` lines (values optionally quoted), then the body. */
function readMarkdownLayout(lines: string[]): LayoutResult {
  if (!FRONT_MATTER_FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      errors: [{ line: 1, reason: 'missing front-matter: a .md article must start with a "---" line, then "date: 2025-06", then "---"' }],
    };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && FRONT_MATTER_FENCE.test(line));
  if (closingIndex === -1) {
    return { ok: false, errors: [{ line: 1, reason: 'front-matter not closed: add a "---" line after the last "key: value" line' }] };
  }

  const errors: LineError[] = [];
  const values: Record<string, string> = {};
  const lineOfKey = new Map<string, number>();
  for (let index = 1; index < closingIndex; index++) {
    const line = lines[index]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const entry = FRONT_MATTER_LINE.exec(line);
    if (!entry) {
      errors.push({ line: index + 1, reason: `cannot read front-matter line "${line.trim()}": expected "key: value"` });
      continue;
    }
    const key = entry[1]!.toLowerCase();
    if (lineOfKey.has(key)) {
      errors.push({ line: index + 1, reason: `duplicate front-matter key "${key}" (first set on line ${lineOfKey.get(key)})` });
      continue;
    }
    lineOfKey.set(key, index + 1);
    const value = unquote(entry[2]!);
    // An empty value means "not set", so `title:` left blank is not an error.
    if (value !== '') values[key] = value;
  }

  const frontMatter = frontMatterSchema.safeParse(values);
  if (!frontMatter.success) {
    errors.push(...issuesAt(frontMatter.error, (key) => (key === undefined ? 1 : (lineOfKey.get(key) ?? 1))));
  }
  if (errors.length > 0 || !frontMatter.success) return { ok: false, errors };
  return { ok: true, layout: { ...frontMatter.data, bodyFromLine: closingIndex + 1 } };
}

function unquote(value: string): string {
  const quote = value[0];
  if (value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote)) return value.slice(1, -1);
  return value;
}

/** One error per zod issue, placed on the line of the key it is about (unknown keys: the first of them). */
function issuesAt(error: ZodError, lineOf: (key: string | undefined) => number): LineError[] {
  return error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
    return { line: lineOf(typeof key === 'string' ? key : undefined), reason: issue.message };
  });
}

/**
 * Where the body would start when the header was bad, so an empty body is reported alongside;
 * undefined when the header is unrecognisable and its lines may well be the body.
 */
function bodyStartAfterFailedHeader(format: Article['format'], lines: string[]): number | undefined {
  if (format === 'text') {
    if (!/^\s*date\b/i.test(lines[0] ?? '')) return undefined;
    const blank = lines.findIndex((line, index) => index > 0 && line.trim() === '');
    return blank === -1 ? lines.length : blank;
  }
  if (!FRONT_MATTER_FENCE.test(lines[0] ?? '')) return undefined;
  const closingIndex = lines.findIndex((line, index) => index > 0 && FRONT_MATTER_FENCE.test(line));
  return closingIndex === -1 ? undefined : closingIndex + 1;
}

/** The body starts at its first non-blank line and loses trailing whitespace; inner text is untouched. */
function readBody(lines: string[], fromLine: number): { text: string; line: number } {
  let firstLine = fromLine;
  while (firstLine < lines.length && lines[firstLine]!.trim() === '') firstLine++;
  return { text: lines.slice(firstLine).join('\n').trimEnd(), line: firstLine + 1 };
}
