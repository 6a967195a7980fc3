// Text that goes into Discord markdown: escaping (reversibly, so a quote stays verbatim once the
// backslashes are read away), bolding highlight spans, and cutting at a sentence or word boundary.
//
// The markup itself (bold, links, code, mentions, timestamps) comes from @discordjs/formatters; its
// `escapeMarkdown` is not used, because it does not do what a verbatim quote needs:
// - it leaves `<` alone, so `<@123>`, `<@&456>`, `<#789>` or `<t:0>` in an article would show as a
//   mention, a channel or a date, and `>` / `-# ` / `+ ` at a line start, `[…](…)` (unless asked), a
//   lone `|` or `~` keep their meaning;
// - it escapes by context (a `*` or `_` inside a link is left, yet its backslashes are doubled), so
//   "drop the backslash before each ASCII punctuation character" does not give the text back.
// Here every markdown character is escaped the same way everywhere, so that one rule reads the
// article's exact characters back (test/discord/markdown.test.ts checks it on arbitrary text).
import { bold } from '@discordjs/formatters';
import type { Highlight } from '../answers/answer.ts';

export const ELLIPSIS = '…';

// Every ASCII character Discord's markdown gives a meaning to anywhere in a line. A backslash before
// ASCII punctuation shows that character as is, so escaping them all can never change the text read.
const ALWAYS = /[\\*_~`|<>[\]#]/g;
// These only matter at the start of a line: lists (`- `, `+ `, `1. `) and subtext (`-# `).
const LINE_START = /^([ \t]*)([-+]|\d+(?=\.))/gm;

/** Escapes markdown so Discord shows `text` exactly; `@everyone` and `<@&id>` show as text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(ALWAYS, (char) => `\\${char}`)
    .replace(LINE_START, (_, indent: string, marker: string) =>
      // `1.` becomes `1\.`; `-` becomes `\-`.
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}

/**
 * Turns highlight offsets into non-overlapping spans that can be bolded: clipped to the text,
 * trimmed of spaces (`** word**` would not render bold), split at line breaks, merged when touching.
 */
export function normaliseHighlights(text: string, highlights: readonly Highlight[] = []): Highlight[] {
  const spans: Highlight[] = [];
  for (const { start, end } of highlights) {
    let from = Math.max(0, Math.min(start, text.length));
    const to = Math.max(0, Math.min(end, text.length));
    // Split at line breaks: bold does not cross lines.
    for (let index = from; index <= to; index += 1) {
      if (index === to || text[index] === '\n') {
        let a = from;
        let b = index;
        while (a < b && /\s/.test(text[a]!)) a += 1;
        while (b > a && /\s/.test(text[b - 1]!)) b -= 1;
        if (b > a) spans.push({ start: a, end: b });
        from = index + 1;
      }
    }
  }
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: Highlight[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Escapes `text` and wraps each highlight in `**`; every `*` of the text itself is escaped, so the markers are unambiguous. */
export function escapeWithBold(text: string, highlights: readonly Highlight[] = []): string {
  let out = '';
  let at = 0;
  for (const { start, end } of normaliseHighlights(text, highlights)) {
    out += escapeMarkdown(text.slice(at, start));
    out += bold(escapeMarkdown(text.slice(start, end)));
    at = end;
  }
  return out + escapeMarkdown(text.slice(at));
}

/** Does not split a surrogate pair (an emoji) when cutting at `index`. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/**
 * Where to cut `text` so that the kept part has at most `max` characters: after the last sentence end
 * if one falls in the second half, else at the last space, else anywhere. Returns `text.length` when it fits.
 */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  if (max <= 0) return 0;
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  let sentenceEnd = -1;
  for (const match of window.matchAll(/[.!?…。](?=[\s"”’)\]]|$)["”’)\]]*/gu)) {
    const end = match.index + match[0].length;
    if (end <= max && end >= floor) sentenceEnd = end;
  }
  if (sentenceEnd > 0) return sentenceEnd;
  const space = window.lastIndexOf(' ', max);
  if (space >= floor) return space;
  const newline = window.lastIndexOf('\n', max);
  if (newline >= floor) return newline;
  return safeIndex(text, max);
}

/** Cuts plain text to `max` characters including the `…`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  return `${text.slice(0, cutPoint(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/** Escapes a piece of member-typed text and cuts it so that the escaped form fits `max`. */
export function escapeAndTruncate(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const cut = truncate(text, budget);
    const escaped = escapeMarkdown(cut);
    if (escaped.length <= max || budget <= 1) return escaped.length <= max ? escaped : ELLIPSIS;
    budget -= Math.max(1, escaped.length - max);
  }
}

/** Joins lines within `max` characters; when some do not fit, ends with `more(count left out)`. */
export function fitLines(lines: readonly string[], max: number, more: (left: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const separator = kept.length > 0 ? 1 : 0;
    const left = lines.length - index - 1;
    const tail = left > 0 ? 1 + more(left).length : 0;
    if (length + separator + line.length + tail <= max) {
      kept.push(line);
      length += separator + line.length;
      continue;
    }
    const moreLine = more(lines.length - index);
    if (kept.length === 0) {
      // Not even the first line fits whole: show as much of it as fits.
      return truncate(line, Math.max(1, max - moreLine.length - 1)) + (max > moreLine.length + 2 ? `\n${moreLine}` : '');
    }
    if (length + 1 + moreLine.length <= max) kept.push(moreLine);
    break;
  }
  return truncate(kept.join('\n'), max);
}
