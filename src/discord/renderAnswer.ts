// The one place an Answer becomes a Discord reply: one embed per item (summary, verbatim quotes with
// the matched words in bold, a citation line naming the source), pages when it does not fit, the
// buttons to turn them, and on a private answer one "Post in channel" button per result, which posts
// that one result, frozen (see renderSharedItem). Discord's limits are enforced here and nowhere else.
// Pages hold ITEMS_PER_PAGE items each, so only the page shown is rendered: the work per reply or page
// press is the same for 10 results as for 10,000 (a page whose quotes are too long for Discord's
// 6,000 characters shows them shorter, never fewer items).
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord.js';
import { bold, hyperlink, inlineCode, quote as quoteLine, userMention } from '@discordjs/formatters';
import type { Answer, AnswerItem, Citation, CommandName, ItemList, ItemStatus } from '../answers/answer.ts';
import { paragraphId } from '../answers/citationText.ts';
import { BUTTON_OPTION_ORDER, encodeButtonState, itemFingerprint, type ButtonOptions, type ButtonState } from './customIds.ts';
import { ELLIPSIS, cutPoint, escapeAndTruncate, escapeMarkdown, escapeWithBold, truncate } from './markdown.ts';
import { messagesFor, type Messages } from './messagesFor.ts';
import { pasteBlock } from './pasteBlock.ts';
import { LIMITS, allowedMentions, replyButton, embedLength, type ReplyPayload } from './replyPayload.ts';
import { understandingLines } from '../locales/understandingLines.ts';
import { describeQuestion } from './describeQuestion.ts';
import { renderNothingFound } from './renderNothingFound.ts';

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
  /** A page of someone else's public answer, shown privately to the member who pressed its button. */
  ownCopy?: boolean;
}

export interface RenderedAnswer {
  payload: ReplyPayload;
  /** 0-based page shown. */
  page: number;
  pageCount: number;
}

/** At most this many items on a page, however short, so a page stays readable (and each gets a button). */
export const ITEMS_PER_PAGE = Math.min(5, LIMITS.buttonsPerRow);
/** Quotes shown per item; the rest are counted. */
export const CITATIONS_PER_ITEM = 3;
/** A quote in a list of results is cut here (escaped length)… */
export const QUOTE_MAX = 700;
/** …unless it is the only one, as with /cite, which shows a whole paragraph when it can. */
export const SINGLE_QUOTE_MAX = 3500;
/** Room kept on every page for the footer. */
const FOOTER_RESERVE = 120;
const ACCENT_COLOUR = 0x2b6cb0;
const PLANNED_COLOUR = 0xb7791f;

export function renderAnswer(answer: Answer, options: RenderAnswerOptions): RenderedAnswer {
  const t = messagesFor(options.locale);
  if (answer.items.length === 0) return { payload: renderNothingFound(answer, t), page: 0, pageCount: 1 };

  const numbered = answer.items.length > 1;
  const quoteMax = isSingleQuote(answer.items) ? SINGLE_QUOTE_MAX : QUOTE_MAX;
  const pageCount = Math.ceil(answer.items.length / ITEMS_PER_PAGE);
  const requested = Math.trunc(options.page ?? 0);
  const page = Math.min(Math.max(0, Number.isFinite(requested) ? requested : 0), pageCount - 1);
  const first = page * ITEMS_PER_PAGE;
  const itemsOnPage = Array.from({ length: Math.min(ITEMS_PER_PAGE, answer.items.length - first) }, (_, offset) => first + offset);
  const pageEmbeds = renderPage(answer.items, itemsOnPage, t, quoteMax, numbered);
  const pages = { length: pageCount };
  // A citation is one item, not a list: no "1 result · page 1 of 1".
  if (answer.command !== 'cite') {
    pageEmbeds.at(-1)!.footer = { text: truncate(t.answer.footer(answer.items.length, page + 1, pages.length), FOOTER_RESERVE) };
  }

  const state: Omit<ButtonState, 'action' | 'page'> = {
    command: answer.command,
    ownerId: options.askerId,
    hidden: options.hidden ?? false,
    shared: false,
    options: buttonOptions(answer.command, answer.options),
  };
  if (options.mentionId) state.mentionId = options.mentionId;

  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  let pagingLost = false;
  if (pages.length > 1) {
    const previous = encodeButtonState({ ...state, action: 'page', page: Math.max(0, page - 1) });
    const next = encodeButtonState({ ...state, action: 'page', page: Math.min(pages.length - 1, page + 1) });
    if (previous?.withOptions && next?.withOptions) {
      rows.push(
        row([
          replyButton(previous.customId, t.answer.previous, ButtonStyle.Secondary, page === 0),
          replyButton(next.customId, t.answer.next, ButtonStyle.Secondary, page === pages.length - 1),
        ]),
      );
    } else {
      // The question is too long to travel in a button: say so rather than offer buttons that cannot work.
      pagingLost = true;
    }
  }
  if (options.hidden) {
    // One button per result on the page; each posts that result alone.
    const shares = itemsOnPage.flatMap((index) => {
      const share = encodeButtonState({ ...state, action: 'share', page: index, check: itemFingerprint(answer.items.at(index)!) });
      return share
        ? [replyButton(share.customId, numbered ? t.answer.shareItem(index + 1) : t.answer.share, ButtonStyle.Primary, false)]
        : [];
    });
    if (shares.length > 0) rows.push(row(shares));
  }

  const lines = [contentLead(answer, t, options.mentionId ? [userMention(options.mentionId)] : [])];
  for (const line of understandingLines(answer.understood, t)) lines.push(`*${escapeAndTruncate(line, 300)}*`);
  if (options.ownCopy) lines.push(`*${escapeMarkdown(t.answer.ownCopy)}*`);
  if (pagingLost) lines.push(`*${escapeMarkdown(t.answer.noPaging)}*`);
  const payload: ReplyPayload = {
    content: withPasteBlock(answer, t, lines),
    embeds: pageEmbeds,
    components: rows.slice(0, LIMITS.rows),
    allowed_mentions: allowedMentions(options.mentionId ? [options.mentionId] : []),
  };
  if (options.hidden || options.ownCopy) payload.flags = MessageFlags.Ephemeral;
  return { payload, page, pageCount: pages.length };
}

/**
 * "Post in channel" for one result: that item alone, with its full citation, attributed to the asker,
 * pinging only the member the asker named. It has no buttons, so nothing can change it once posted.
 */
export function renderSharedItem(
  answer: Answer,
  index: number,
  options: { locale: string; askerId: string; mentionId?: string },
): ReplyPayload {
  const t = messagesFor(options.locale);
  const item = answer.items.at(index)!;
  const embed = renderItem(item, t, isSingleQuote([item]) ? SINGLE_QUOTE_MAX : QUOTE_MAX);
  return sharedPayload(t, options, [embed], (lead) => withPasteBlock({ ...answer, items: [item] }, t, [contentLead(answer, t, lead)]));
}

/**
 * "Post in channel" when the question was too long to travel in the button: posts the result's embed
 * the asker is looking at (without its list number), attributed to them, without buttons.
 */
export function renderSharedEmbed(
  embed: APIEmbed,
  options: { locale: string; askerId: string; mentionId?: string; number?: number },
): ReplyPayload {
  const t = messagesFor(options.locale);
  const { footer: _footer, ...kept } = embed;
  const prefix = options.number === undefined ? undefined : `${options.number}. `;
  if (prefix && kept.title?.startsWith(prefix)) kept.title = kept.title.slice(prefix.length) || kept.title;
  return sharedPayload(t, options, embedLength(kept) <= LIMITS.embedsTotal ? [kept] : [], (lead) => lead.join(' ').replace(/ ·$/, ''));
}

function sharedPayload(
  t: Messages,
  options: { askerId: string; mentionId?: string },
  embeds: APIEmbed[],
  content: (lead: string[]) => string,
): ReplyPayload {
  const lead = [...(options.mentionId ? [userMention(options.mentionId)] : []), `${t.answer.sharedBy(userMention(options.askerId))} ·`];
  return {
    content: content(lead),
    embeds,
    components: [],
    allowed_mentions: allowedMentions(options.mentionId ? [options.mentionId] : []),
  };
}

function isSingleQuote(items: ItemList): boolean {
  return items.length === 1 && items.at(0)!.citations.length === 1;
}

function row(buttons: APIButtonComponentWithCustomId[]): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return { type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) };
}

/** `<@mention> **Who met whom** — /who-met · year: 2025` */
function contentLead(answer: Answer, t: Messages, lead: string[]): string {
  return [
    ...lead,
    `${bold(escapeMarkdown(t.commands[answer.command].title))} — ${describeQuestion(answer.command, answer.options, t)}`,
  ].join(' ');
}

/**
 * The content lines, and for /cite the citation in the standard plain form below them, ready to paste.
 * Every piece is bounded; the final cut is a last guard, and keeps the leading mention.
 */
function withPasteBlock(answer: Answer, t: Messages, lines: string[]): string {
  const text = truncate(lines.join('\n'), LIMITS.content);
  const citation = answer.command === 'cite' && answer.items.length === 1 ? answer.items.at(0)!.citations[0] : undefined;
  if (!citation) return text;
  const label = `\n${escapeMarkdown(t.answer.toPaste)}\n`;
  const block = pasteBlock(citation, LIMITS.content - text.length - label.length);
  return block ? `${text}${label}${block}` : text;
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

function renderItem(item: AnswerItem, t: Messages, quoteMax: number, number?: number): APIEmbed {
  const parts: string[] = [];
  if (item.kind === 'article') {
    const meta: string[] = [];
    if (item.source) meta.push(`${escapeMarkdown(t.answer.outlet)}: ${escapeAndTruncate(item.source, 200)}`);
    if (item.paragraphs !== undefined) meta.push(t.answer.paragraphs(item.paragraphs));
    // The photo credit names who took the picture, not the outlet: labelled so it cannot be read as the source.
    if (item.credit) meta.push(`${escapeMarkdown(t.answer.photoCredit)}: ${escapeAndTruncate(item.credit, 200)}`);
    if (meta.length > 0) parts.push(meta.join(' · '));
  }
  const details = renderDetails(item, t);
  if (details) parts.push(details);
  for (const citation of item.citations.slice(0, CITATIONS_PER_ITEM)) {
    parts.push(`${renderQuote(citation, quoteMax)}\n${renderCitationLine(citation, t)}`);
  }
  const hiddenCitations = item.citations.length - CITATIONS_PER_ITEM;
  if (hiddenCitations > 0) parts.push(`*${escapeMarkdown(t.answer.moreQuotes(hiddenCitations))}*`);
  if (item.kind === 'passage' && item.missingWords && item.missingWords.length > 0) {
    parts.push(`*${escapeMarkdown(t.understood.missing)}: ${escapeAndTruncate(item.missingWords.join(', '), 200)}*`);
  }

  const prefix = number === undefined ? '' : `${number}. `;
  const planned = statusOf(item) === 'planned';
  const embed: APIEmbed = {
    title: prefix + escapeAndTruncate(itemTitle(item, t), LIMITS.embedTitle - prefix.length),
    color: planned ? PLANNED_COLOUR : ACCENT_COLOUR,
  };
  // Planned meetings and agreements come after the held ones; each says so above its title.
  if (planned) embed.author = { name: t.answer.planned };
  const description = parts.join('\n\n');
  if (description) embed.description = truncate(description, LIMITS.embedDescription);
  const articleUrl = item.kind === 'article' ? item.url : undefined;
  const url = [articleUrl, ...item.citations.map((citation) => citation.url)].find((candidate) => candidate && safeUrl(candidate));
  if (url) embed.url = safeUrl(url);
  return embed;
}

/** Meetings and agreements are held or planned; passages and articles have no status. */
function statusOf(item: AnswerItem): ItemStatus | undefined {
  return item.kind === 'meeting' || item.kind === 'agreement' ? item.status : undefined;
}

/**
 * Meetings and agreements are named by what happened; passages and articles by their article's headline,
 * or, without one, as untitled with the opening words labelled as such, in the member's language.
 */
function itemTitle(item: AnswerItem, t: Messages): string {
  if (item.kind !== 'passage' && item.kind !== 'article') return item.summary || item.date;
  const headline = item.title ?? (item.opening ? `${t.answer.untitledArticle} · ${t.answer.opens(item.opening)}` : undefined);
  if (headline === undefined) return item.summary || item.date;
  const paragraph = item.kind === 'passage' ? item.citations[0]?.paragraph : undefined;
  return paragraph === undefined ? headline : `${headline} — ¶${paragraph}`;
}

/** Longest "who / when / where" block of one item; the quotes matter more. */
const DETAILS_MAX = 600;

/** Meetings and agreements: who took part (with titles), when and where, on labelled lines. */
function renderDetails(item: AnswerItem, t: Messages): string | undefined {
  if (item.kind !== 'meeting' && item.kind !== 'agreement') return undefined;
  const people = item.kind === 'meeting' ? item.participants : item.parties;
  const lines: string[] = [];
  if (people && people.length > 0) {
    const names = people.map((person) => `${bold(escapeMarkdown(person.name))}${person.role ? ` (${escapeMarkdown(person.role)})` : ''}`);
    lines.push(`${escapeMarkdown(item.kind === 'meeting' ? t.answer.participants : t.answer.parties)}: ${names.join(', ')}`);
  }
  const when = `${escapeMarkdown(t.answer.date)}: ${escapeMarkdown(item.date)}`;
  if (item.kind === 'agreement') lines.push(when);
  else {
    const call = item.meetingKind === 'call' ? ` · ${escapeMarkdown(t.answer.call)}` : '';
    lines.push(`${when}${call}${item.place ? ` · ${escapeMarkdown(t.answer.place)}: ${escapeAndTruncate(item.place, 200)}` : ''}`);
  }
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
      .map((line) => quoteLine(line))
      .join('\n');
    if (block.length <= max || budget <= 10) return block.length <= max ? block : quoteLine(ELLIPSIS);
    budget -= Math.max(1, block.length - max);
  }
}

/** `Outlet · “Headline” · 2025-06-24 · ¶ 6 · [link](https://…) · \`article#6\``, *untitled* without a headline. */
export function renderCitationLine(citation: Citation, t: Messages): string {
  const parts: string[] = [];
  if (citation.source) parts.push(escapeAndTruncate(citation.source, 200));
  parts.push(citation.title ? `“${escapeAndTruncate(citation.title, 300)}”` : `*${escapeMarkdown(t.answer.untitled)}*`);
  parts.push(escapeMarkdown(citation.date), t.answer.paragraph(citation.paragraph));
  const url = citation.url ? safeUrl(citation.url) : undefined;
  if (url && url.length <= 512) parts.push(hyperlink(escapeMarkdown(t.answer.link), url));
  parts.push(inlineCode(truncate(paragraphId(citation.articleId, citation.paragraph).replace(/`/g, ''), 120)));
  return parts.join(' · ');
}

/** An http(s) link that cannot break out of `[label](url)`, or nothing. */
function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url)) return undefined;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Shorter and shorter quotes, tried in turn until a page of items fits Discord's limits. */
const QUOTE_STEPS = [500, 350, 250, 160, 100];

/**
 * The embeds of the items at `indices` (one page), within the 6,000-character limit of a message:
 * quotes as long as `quoteMax` when they fit, else shorter (cut at a sentence or word boundary, with
 * …); as a last resort each item gets an equal share of the room.
 */
function renderPage(items: ItemList, indices: readonly number[], t: Messages, quoteMax: number, numbered: boolean): APIEmbed[] {
  const budget = LIMITS.embedsTotal - FOOTER_RESERVE;
  const render = (max: number) => indices.map((index) => renderItem(items.at(index)!, t, max, numbered ? index + 1 : undefined));
  const total = (embeds: APIEmbed[]) => embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  for (const max of [quoteMax, ...QUOTE_STEPS.filter((step) => step < quoteMax)]) {
    const embeds = render(max);
    if (total(embeds) <= budget) return embeds;
  }
  const share = Math.floor(budget / indices.length);
  return render(QUOTE_STEPS.at(-1)!).map((embed) => {
    const room = share - embedLength({ ...embed, description: '' });
    if (embed.description && embedLength(embed) > share) embed.description = truncate(embed.description, Math.max(1, room));
    return embed;
  });
}
