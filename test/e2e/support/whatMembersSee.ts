// Reads a stored Discord message the way a member sees it: the text with markdown escapes undone,
// the block quotes an answer cites, and the buttons under it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { StoredMessage } from '../../../tools/discord-stand-in/messageStore.ts';
import { readMarkdown, unquote } from '../../discord/markdownText.ts';
import { BUNDLED_CORPUS } from './citebotOnStandIn.ts';

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

export interface Button {
  label: string;
  customId: string;
  disabled: boolean;
}

function embedsOf(message: StoredMessage | undefined): Embed[] {
  return (message?.embeds ?? []) as Embed[];
}

/** Everything written on the message, escapes read away, one piece per line. */
export function visibleText(message: StoredMessage | undefined): string {
  const pieces = [message?.content ?? ''];
  for (const embed of embedsOf(message)) {
    pieces.push(embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) pieces.push(field.name, field.value);
    pieces.push(embed.footer?.text ?? '');
  }
  return pieces
    .filter((piece) => piece !== '')
    .map((piece) => readMarkdown(piece).text)
    .join('\n');
}

export function footerOf(message: StoredMessage | undefined): string | undefined {
  return embedsOf(message).at(-1)?.footer?.text;
}

export interface Quote {
  /** The quoted words as a member reads them (escapes undone, bold markers gone). */
  text: string;
  /** The words shown in bold: what matched. */
  bold: string[];
  /** The quote was cut and ends in "…": `text` is then a prefix of the passage. */
  cut: boolean;
}

/** The `> ` block quotes in the message's embeds. */
export function quotesIn(message: StoredMessage | undefined): Quote[] {
  const quotes: Quote[] = [];
  for (const embed of embedsOf(message)) {
    const lines = (embed.description ?? '').split('\n');
    let block: string[] = [];
    const flush = () => {
      if (block.length === 0) return;
      const { text, bold } = readMarkdown(unquote(block.join('\n')));
      const cut = text.endsWith('…');
      quotes.push({ text: cut ? text.slice(0, -1) : text, bold, cut });
      block = [];
    };
    for (const line of lines) {
      if (line.startsWith('> ')) block.push(line);
      else flush();
    }
    flush();
  }
  return quotes;
}

/** True when every quote is word for word in one of the texts (a cut quote: its kept start). */
export function quotesAreVerbatim(quotes: readonly Quote[], texts: readonly string[]): { ok: boolean; notFound: string[] } {
  const notFound = quotes.filter((quote) => !texts.some((text) => text.includes(quote.text))).map((quote) => quote.text);
  return { ok: notFound.length === 0, notFound };
}

/**
 * The message's quotes, once checked that there is at least one (an answer that quotes nothing would
 * pass a check of every quote) and that each is word for word in one of the texts.
 */
export function expectVerbatimQuotes(message: StoredMessage | undefined, texts: readonly string[]): Quote[] {
  const quotes = quotesIn(message);
  expect(quotes.length, 'the reply quotes nothing').toBeGreaterThan(0);
  expect(quotesAreVerbatim(quotes, texts).notFound).toEqual([]);
  return quotes;
}

export function buttonsOf(message: StoredMessage | undefined): Button[] {
  return (message?.components ?? []).flatMap((row) =>
    ((row.components as Record<string, unknown>[] | undefined) ?? []).map((component) => ({
      label: String(component.label ?? ''),
      customId: String(component.custom_id ?? ''),
      disabled: component.disabled === true,
    })),
  );
}

export function buttonLabelled(message: StoredMessage | undefined, label: string): Button {
  const found = buttonsOf(message).find((button) => button.label.includes(label));
  if (!found)
    throw new Error(
      `No "${label}" button; the message has: ${
        buttonsOf(message)
          .map((button) => button.label)
          .join(', ') || 'none'
      }`,
    );
  return found;
}

/** An article of the bundled corpus as a file on disk, NFC (the form quotes are cut from). */
export function corpusFile(file: string, dir = BUNDLED_CORPUS): string {
  return readFileSync(join(dir, file), 'utf8').normalize('NFC');
}
