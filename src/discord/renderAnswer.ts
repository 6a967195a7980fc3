// The one place an Answer becomes a Discord reply: one embed per item (summary, verbatim quotes with
// the matched words in bold, a citation line), pages when it does not fit, and the buttons to turn
// them or to post a private answer in the channel. Discord's limits are enforced here and nowhere else.
import { ButtonStyle, ComponentType, MessageFlags, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import type { Answer, AnswerItem, Citation, CommandName } from '../answers/answer.ts';
import { BUTTON_OPTION_ORDER, encodeButtonState, type ButtonOptions, type ButtonState } from './customIds.ts';
import { ELLIPSIS, cutPoint, escapeAndTruncate, escapeMarkdown, escapeWithBold, truncate } from './markdown.ts';
import { messagesFor, type Messages } from './messagesFor.ts';
import { LIMITS, allowedMentions, embedLength, type ReplyPayload } from './replyPayload.ts';
import { understandingLines } from '../locales/understandingLines.ts';

export interface RenderAnswerOptions {
  /** Discord locale of the member reading (`vi` → Vietnamese labels). */
  locale: string;
  /** 0-based; clamped to the pages there are. */
  page?: number;
  /** Only the asker sees it (the `hide` option). */
  hidden?: boolean;
  /** Who ran the command: owner of the buttons. */
  askerId: string;
  /** The `mention` option: pinged, and named first in the content. */
  mentionId?: string;
  /** Posted with "Post in channel": says who shared it, pings no one. */
  shared?: boolean;
}

export interface RenderedAnswer {
  payload: ReplyPayload;
  /** 0-based page shown. */
  page: number;
  pageCount: number;
}

/** At most this many items on a page, however short, so a page stays readable. */
export const ITEMS_PER_PAGE = 5;
/** Quotes shown per item; the rest are counted. */
export const CITATIONS_PER_ITEM = 3;
/** A quote in a list of results is cut here (escaped length)… */
export const QUOTE_MAX = 700;
/** …unless it is the only one, as with /cite, which shows a whole paragraph when it can. */
export const SINGLE_QUOTE_MAX = 3500;
/** Room kept on every page for the footer. */
const FOOTER_RESERVE = 120;
const ACCENT_COLOUR = 0x2b6cb0;
const EMPTY_COLOUR = 0x718096;
const PLANNED_COLOUR = 0xb7791f;

export function renderAnswer(answer: Answer, options: RenderAnswerOptions): RenderedAnswer {
  const t = messagesFor(options.locale);
  if (answer.items.length === 0) return { payload: renderNothingFound(answer, t), page: 0, pageCount: 1 };

  const single = answer.items.length === 1 && answer.items[0]!.citations.length === 1;
  const embeds = answer.items.map((item) => renderItem(item, t, single ? SINGLE_QUOTE_MAX : QUOTE_MAX));
  const pages = paginate(embeds);
  const page = Math.min(Math.max(0, Math.trunc(options.page ?? 0)), pages.length - 1);
  const pageEmbeds = pages[page]!.map((embed) => ({ ...embed }));
  const last = pageEmbeds.at(-1)!;
  last.footer = { text: truncate(t.answer.footer(answer.items.length, page + 1, pages.length), FOOTER_RESERVE) };

  const state: Omit<ButtonState, 'action' | 'page'> = {
    command: answer.command,
    ownerId: options.askerId,
    hidden: options.hidden ?? false,
    shared: options.shared ?? false,
    options: buttonOptions(answer.command, answer.options),
  };
  if (options.mentionId && !options.shared) state.mentionId = options.mentionId;

  const buttons: APIButtonComponentWithCustomId[] = [];
  let pagingLost = false;
  if (pages.length > 1) {
    const previous = encodeButtonState({ ...state, action: 'page', page: Math.max(0, page - 1) });
    const next = encodeButtonState({ ...state, action: 'page', page: Math.min(pages.length - 1, page + 1) });
    if (previous?.withOptions && next?.withOptions) {
      buttons.push(button(previous.customId, t.answer.previous, ButtonStyle.Secondary, page === 0));
      buttons.push(button(next.customId, t.answer.next, ButtonStyle.Secondary, page === pages.length - 1));
    } else {
      // The question is too long to travel in a button: say so rather than offer buttons that cannot work.
      pagingLost = true;
    }
  }
  if (options.hidden) {
    const share = encodeButtonState({ ...state, action: 'share', page });
    if (share) buttons.push(button(share.customId, t.answer.share, ButtonStyle.Primary, false));
  }

  const content = renderContent(answer, t, options, pagingLost);
  const mentioned = options.mentionId && !options.shared ? [options.mentionId] : [];
  const payload: ReplyPayload = {
    content,
    embeds: pageEmbeds,
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) }] : [],
    allowed_mentions: allowedMentions(mentioned),
  };
  if (options.hidden) payload.flags = MessageFlags.Ephemeral;
  return { payload, page, pageCount: pages.length };
}

/** Just the options the command takes, as a button stores them. */
function buttonOptions(command: CommandName, options: Answer['options']): ButtonOptions {
  const out: ButtonOptions = {};
  for (const name of BUTTON_OPTION_ORDER[command]) {
    const value = options[name];
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary, disabled: boolean) {
  return {
    type: ComponentType.Button,
    style,
    label: truncate(label, LIMITS.buttonLabel),
    custom_id: customId,
    disabled,
  } satisfies APIButtonComponentWithCustomId;
}

/** `/ask · question: “…” · year: 2025`, with what the member typed escaped. */
export function describeQuestion(command: CommandName, options: Answer['options'], t: Messages, maxValue = 400): string {
  const parts = [`/${t.commands[command].name}`];
  for (const name of BUTTON_OPTION_ORDER[command]) {
    const value = options[name];
    if (value === undefined || value === '') continue;
    const shown = escapeAndTruncate(String(value), maxValue);
    parts.push(`${t.options[name].name}: ${typeof value === 'string' ? `“${shown}”` : shown}`);
  }
  return parts.join(' · ');
}

function renderContent(answer: Answer, t: Messages, options: RenderAnswerOptions, pagingLost: boolean): string {
  const lines: string[] = [];
  const lead: string[] = [];
  if (options.mentionId && !options.shared) lead.push(`<@${options.mentionId}>`);
  if (options.shared) lead.push(t.answer.sharedBy(`<@${options.askerId}>`));
  lead.push(`**${escapeMarkdown(t.commands[answer.command].title)}** — ${describeQuestion(answer.command, answer.options, t)}`);
  lines.push(lead.join(' '));
  for (const line of understandingLines(answer.understood, t)) lines.push(`*${escapeAndTruncate(line, 300)}*`);
  if (answer.message) lines.push(escapeAndTruncate(answer.message, 600));
  if (pagingLost) lines.push(`*${escapeMarkdown(t.answer.noPaging)}*`);
  // Every piece is bounded above; the cut is a last guard, and keeps the leading mention.
  return truncate(lines.join('\n'), LIMITS.content);
}

function renderItem(item: AnswerItem, t: Messages, quoteMax: number): APIEmbed {
  const parts: string[] = [];
  if (item.kind === 'article') {
    const meta: string[] = [];
    if (item.paragraphs !== undefined) meta.push(t.answer.paragraphs(item.paragraphs));
    if (item.credit) meta.push(`${escapeMarkdown(t.answer.credit)}: ${escapeAndTruncate(item.credit, 200)}`);
    if (meta.length > 0) parts.push(meta.join(' · '));
  }
  const details = renderDetails(item, t);
  if (details) parts.push(details);
  for (const citation of item.citations.slice(0, CITATIONS_PER_ITEM)) {
    parts.push(`${renderQuote(citation, quoteMax)}\n${renderCitationLine(citation, t)}`);
  }
  const hiddenCitations = item.citations.length - CITATIONS_PER_ITEM;
  if (hiddenCitations > 0) parts.push(`*${escapeMarkdown(t.answer.moreQuotes(hiddenCitations))}*`);
  if (item.missingWords && item.missingWords.length > 0) {
    parts.push(`*${escapeMarkdown(t.understood.missing)}: ${escapeAndTruncate(item.missingWords.join(', '), 200)}*`);
  }

  const embed: APIEmbed = {
    title: escapeAndTruncate(item.summary || item.title || item.date, LIMITS.embedTitle),
    color: item.status === 'planned' ? PLANNED_COLOUR : ACCENT_COLOUR,
  };
  // Planned meetings and agreements come after the held ones; each says so above its title.
  if (item.status === 'planned') embed.author = { name: t.answer.planned };
  const description = parts.join('\n\n');
  if (description) embed.description = truncate(description, LIMITS.embedDescription);
  const url = item.citations.find((citation) => citation.url && safeUrl(citation.url))?.url;
  if (url) embed.url = safeUrl(url);
  return embed;
}

/** Longest "who / when / where" block of one item; the quotes matter more. */
const DETAILS_MAX = 600;

/** Meetings and agreements: who took part (with titles), when and where, on labelled lines. */
function renderDetails(item: AnswerItem, t: Messages): string | undefined {
  if (item.kind !== 'meeting' && item.kind !== 'agreement') return undefined;
  const people = item.kind === 'meeting' ? item.participants : item.parties;
  const lines: string[] = [];
  if (people && people.length > 0) {
    const names = people.map((person) => `**${escapeMarkdown(person.name)}**${person.role ? ` (${escapeMarkdown(person.role)})` : ''}`);
    lines.push(`${escapeMarkdown(item.kind === 'meeting' ? t.answer.participants : t.answer.parties)}: ${names.join(', ')}`);
  }
  const when = `${escapeMarkdown(t.answer.date)}: ${escapeMarkdown(item.date)}${item.meetingKind === 'call' ? ` · ${escapeMarkdown(t.answer.call)}` : ''}`;
  lines.push(item.place ? `${when} · ${escapeMarkdown(t.answer.place)}: ${escapeAndTruncate(item.place, 200)}` : when);
  return truncate(lines.join('\n'), DETAILS_MAX);
}

/**
 * A quote as a block quote: cut at a sentence or word boundary so the escaped text fits `max`,
 * then escaped, with highlights in bold. Un-escaping gives back the article's exact characters.
 */
export function renderQuote(citation: Citation, max: number): string {
  const quote = citation.quote;
  let budget = max;
  for (;;) {
    const end = cutPoint(quote, budget);
    const cut = end < quote.length;
    const kept = cut ? quote.slice(0, end).trimEnd() : quote;
    const body = escapeWithBold(kept, citation.highlights) + (cut ? ELLIPSIS : '');
    const block = body
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    if (block.length <= max || budget <= 10) return block.length <= max ? block : `> ${ELLIPSIS}`;
    budget -= Math.max(1, block.length - max);
  }
}

/** `2025-06-24 · ¶ 6 · \`001_03677d34c6a97d66#6\` · [source](https://…)` */
export function renderCitationLine(citation: Citation, t: Messages): string {
  const parts = [escapeMarkdown(citation.date), t.answer.paragraph(citation.paragraph)];
  const id = `${citation.articleId}#${citation.paragraph}`.replace(/`/g, '');
  parts.push(`\`${truncate(id, 120)}\``);
  const url = citation.url ? safeUrl(citation.url) : undefined;
  if (url && url.length <= 512) parts.push(`[${escapeMarkdown(t.answer.source)}](${url})`);
  return parts.join(' · ');
}

/** An http(s) link that cannot break out of `[label](url)`, or nothing. */
function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url)) return undefined;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Splits item embeds into pages that respect the 10-embed and 6,000-character limits. */
function paginate(embeds: APIEmbed[]): APIEmbed[][] {
  const budget = LIMITS.embedsTotal - FOOTER_RESERVE;
  const pages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let used = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length >= Math.min(ITEMS_PER_PAGE, LIMITS.embeds) || used + length > budget)) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(embed);
    used += length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** Nothing matched: a private, kind note with what was searched, closer terms and the years there are. */
export function renderNothingFound(answer: Answer, t: Messages): ReplyPayload {
  const lines = [`**${escapeMarkdown(t.nothingFound.searched)}:** ${describeQuestion(answer.command, answer.options, t, 300)}`];
  for (const line of understandingLines(answer.understood, t)) lines.push(`*${escapeAndTruncate(line, 300)}*`);
  // The engine's note is English prose for the CLI; where the years and suggestions below already say
  // the same in the member's language, it is left out. Notes with their own facts (an unknown /cite id) stay.
  if (answer.message && !answer.yearsAvailable) lines.push(escapeAndTruncate(answer.message, 1000));
  const suggestions = (answer.suggestions ?? []).slice(0, 10).map((term) => escapeAndTruncate(term, 100));
  if (suggestions.length > 0) lines.push(`**${escapeMarkdown(t.nothingFound.suggestions)}:** ${suggestions.join(' · ')}`);
  if (answer.yearsAvailable && answer.yearsAvailable.length > 0) {
    lines.push(`**${escapeMarkdown(t.nothingFound.years)}:** ${answer.yearsAvailable.slice(0, 50).join(', ')}`);
  }
  lines.push(`*${escapeMarkdown(t.nothingFound.hint)}*`);
  return {
    embeds: [
      {
        title: truncate(t.nothingFound.title, LIMITS.embedTitle),
        description: truncate(lines.join('\n\n'), LIMITS.embedDescription),
        color: EMPTY_COLOUR,
      },
    ],
    components: [],
    allowed_mentions: allowedMentions(),
    flags: MessageFlags.Ephemeral,
  };
}

/**
 * "Post in channel" when the question was too long to travel in the button: posts the embeds the
 * asker is looking at, attributed to them, without buttons.
 */
export function renderSharedCopy(embeds: readonly APIEmbed[], options: { locale: string; askerId: string }): ReplyPayload {
  const t = messagesFor(options.locale);
  const kept: APIEmbed[] = [];
  let used = 0;
  for (const embed of embeds.slice(0, LIMITS.embeds)) {
    const length = embedLength(embed);
    if (used + length > LIMITS.embedsTotal) break;
    kept.push(embed);
    used += length;
  }
  return {
    content: t.answer.sharedBy(`<@${options.askerId}>`),
    embeds: kept,
    components: [],
    allowed_mentions: allowedMentions(),
  };
}
