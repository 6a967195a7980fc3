// Every reply of `/library`: previews with their Add / Replace / Remove and Cancel buttons, what a
// confirmed change did (with the reload's own report), refusals, and the paged list. All private;
// Discord's limits are kept with the same helpers as every other reply (markdown.ts, replyPayload.ts).
import { bold, inlineCode } from '@discordjs/formatters';
import { ButtonStyle, ComponentType, MessageFlags, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import type { AgreementItem, MeetingItem } from '../answers/answer.ts';
import { articleHeadline, openingWords } from '../library/articleHeadline.ts';
import type { Library } from '../library/library.ts';
import type { CorpusError } from '../corpus/types.ts';
import { formatCorpusError } from '../corpus/types.ts';
import type { ArticleChanges, ArticlePreview } from '../library/articlePreview.ts';
import type { JournalEntry } from '../library/libraryHistory.ts';
import type { NotLoadedFile } from '../library/notLoadedFiles.ts';
import { libraryEn, type LibraryMessages } from '../locales/libraryEn.ts';
import { libraryVi } from '../locales/libraryVi.ts';
import { encodeLibraryButton } from './libraryCustomIds.ts';
import { escapeAndTruncate, escapeMarkdown, fitLines, truncate } from './markdown.ts';
import { LIMITS, allowedMentions, replyButton, privateText, type ReplyPayload } from './replyPayload.ts';

const PREVIEW_COLOUR = 0x2b6cb0;
const REPLACE_COLOUR = 0xc05621;
const REFUSED_COLOUR = 0xc53030;
/** Articles per page of `/library list`. */
export const ARTICLES_PER_PAGE = 10;
/** History lines shown in the list. */
const HISTORY_SHOWN = 5;

export function libraryMessagesFor(locale: string | null | undefined): LibraryMessages {
  return locale?.toLowerCase().startsWith('vi') ? libraryVi : libraryEn;
}

function privateEmbeds(embeds: APIEmbed[], buttons: APIButtonComponentWithCustomId[] = [], content?: string): ReplyPayload {
  return {
    ...(content === undefined ? {} : { content }),
    embeds,
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
    allowed_mentions: allowedMentions(),
    flags: MessageFlags.Ephemeral,
  };
}

/** `code` that cannot be broken out of (ids and file names never hold a backtick, but be sure). */
function code(text: string): string {
  return inlineCode(truncate(text.replace(/`/g, "'"), 200));
}

export function renderLibraryRefused(locale: string): ReplyPayload {
  return privateText(libraryMessagesFor(locale).refused);
}

/** A short private note: cancelled, expired, stale, unknown id, nothing to undo. */
export function renderLibraryNote(text: string): ReplyPayload {
  return privateText(truncate(text, LIMITS.content));
}

/** Why an upload was refused, as `file:line: reason` lines; nothing was changed. */
export function renderUploadRefused(locale: string, errors: readonly CorpusError[]): ReplyPayload {
  const t = libraryMessagesFor(locale);
  const lines = errors.map((error) => `- ${escapeAndTruncate(formatCorpusError(error), 500)}`);
  const head = t.upload.refusedHead;
  return privateEmbeds([
    {
      title: truncate(t.upload.refusedTitle, LIMITS.embedTitle),
      description: `${head}\n${fitLines(lines, LIMITS.embedDescription - head.length - 1, t.preview.more)}`,
      color: REFUSED_COLOUR,
    },
  ]);
}

export function renderDownloadFailed(locale: string, reason: string): ReplyPayload {
  return privateText(libraryMessagesFor(locale).upload.downloadFailed(truncate(reason, 300)));
}

function meetingLine(item: MeetingItem): string {
  const names = item.participants.map((person) => person.name).join(', ');
  return `- ${escapeAndTruncate([item.date, names, item.place].filter(Boolean).join(' · '), 200)}`;
}

function agreementLine(item: AgreementItem): string {
  return `- ${escapeAndTruncate(`${item.date} · ${item.summary}`, 200)}`;
}

/** The facts a moderator checks: id, date, title or first words, source, paragraphs, and what the bot extracts. */
function articleFields(t: LibraryMessages, preview: ArticlePreview, fileLine: string | undefined, now: boolean): APIEmbed['fields'] {
  const { article, meetings, agreements } = preview;
  const source = [article.meta.source, article.meta.url, article.meta.credit].filter(Boolean).join(' · ');
  const list = (lines: string[]) => (lines.length === 0 ? t.preview.noneFound : fitLines(lines, LIMITS.fieldValue, t.preview.more));
  return [
    { name: t.preview.id, value: code(article.id), inline: true },
    { name: t.preview.date, value: escapeMarkdown(article.date.text), inline: true },
    { name: t.preview.paragraphs, value: String(article.paragraphs.length), inline: true },
    {
      name: article.meta.title ? t.preview.title : t.preview.firstWords,
      value: escapeAndTruncate(article.meta.title ?? openingWords(article), LIMITS.fieldValue),
      inline: false,
    },
    { name: t.preview.source, value: source ? escapeAndTruncate(source, LIMITS.fieldValue) : t.preview.empty, inline: false },
    ...(fileLine ? [{ name: t.preview.file, value: fileLine, inline: false }] : []),
    { name: (now ? t.preview.meetingsNow : t.preview.meetings)(meetings.length), value: list(meetings.map(meetingLine)), inline: false },
    {
      name: (now ? t.preview.agreementsNow : t.preview.agreements)(agreements.length),
      value: list(agreements.map(agreementLine)),
      inline: false,
    },
  ];
}

function changesText(t: LibraryMessages, changes: ArticleChanges): string {
  const lines = changes.fields.map(
    (change) => `- ${change.field}: ${escapeAndTruncate(change.before || '—', 150)} → ${escapeAndTruncate(change.after || '—', 150)}`,
  );
  const { paragraphs } = changes;
  const paragraphParts = [t.preview.paragraphChange(paragraphs.before, paragraphs.after)];
  if (paragraphs.newOrEdited.length > 0) {
    const numbers =
      paragraphs.newOrEdited
        .slice(0, 20)
        .map((n) => `¶${n}`)
        .join(', ') + (paragraphs.newOrEdited.length > 20 ? ', …' : '');
    paragraphParts.push(t.preview.newOrEdited(numbers));
  }
  if (paragraphs.gone > 0) paragraphParts.push(t.preview.gone(paragraphs.gone));
  lines.push(`- ${paragraphParts.join(' · ')}`);
  lines.push(`- ${t.preview.countChange(t.preview.meetingsWord, changes.meetings.before, changes.meetings.after)}`);
  lines.push(`- ${t.preview.countChange(t.preview.agreementsWord, changes.agreements.before, changes.agreements.after)}`);
  return fitLines(lines, LIMITS.fieldValue, t.preview.more);
}

export interface UploadPreviewInput {
  token: string;
  preview: ArticlePreview;
  fileName: string;
  size: number;
  /** Set when an article with this id exists: the upload replaces it. */
  changes?: { changes: ArticleChanges; unchanged: boolean } | { currentInvalid: true };
}

/** The preview of an upload: Add (or Replace, with what changes) and Cancel. */
export function renderUploadPreview(locale: string, input: UploadPreviewInput): ReplyPayload {
  const t = libraryMessagesFor(locale);
  const id = input.preview.article.id;
  const replacing = input.changes !== undefined;
  const fields = articleFields(t, input.preview, `${code(input.fileName)} · ${input.size} B`, false)!;
  if (input.changes) {
    const value =
      'currentInvalid' in input.changes
        ? t.preview.currentInvalid
        : input.changes.unchanged
          ? t.preview.sameText
          : changesText(t, input.changes.changes);
    fields.unshift({ name: t.preview.changes, value, inline: false });
  }
  const embed: APIEmbed = {
    title: truncate((replacing ? t.preview.replaceTitle : t.preview.addTitle)(id), LIMITS.embedTitle),
    description: replacing ? t.preview.replaceNote : t.preview.addNote,
    color: replacing ? REPLACE_COLOUR : PREVIEW_COLOUR,
    fields,
  };
  return privateEmbeds(
    [embed],
    [
      replyButton(
        encodeLibraryButton({ kind: 'confirm', token: input.token }),
        replacing ? t.buttons.replace : t.buttons.add,
        replacing ? ButtonStyle.Danger : ButtonStyle.Success,
      ),
      replyButton(encodeLibraryButton({ kind: 'cancel', token: input.token }), t.buttons.cancel, ButtonStyle.Secondary),
    ],
  );
}

/** The confirmation of `/library remove`: the article as it stands, Remove and Cancel. */
export function renderRemovePreview(locale: string, token: string, preview: ArticlePreview): ReplyPayload {
  const t = libraryMessagesFor(locale);
  return privateEmbeds(
    [
      {
        title: truncate(t.preview.removeTitle(preview.article.id), LIMITS.embedTitle),
        description: t.preview.removeNote,
        color: REPLACE_COLOUR,
        fields: articleFields(t, preview, code(preview.article.file), true),
      },
    ],
    [
      replyButton(encodeLibraryButton({ kind: 'confirm', token }), t.buttons.remove, ButtonStyle.Danger),
      replyButton(encodeLibraryButton({ kind: 'cancel', token }), t.buttons.cancel, ButtonStyle.Secondary),
    ],
  );
}

/**
 * What a confirmed change did, as the message's text, above the reload's own report (its embeds).
 * Text rather than another embed: a sharded reload report may use all of Discord's 6,000 embed characters.
 */
export function renderChangeDone(locale: string, entry: JournalEntry, kept: boolean, reload: ReplyPayload): ReplyPayload {
  const t = libraryMessagesFor(locale);
  const titles = { add: t.done.addedTitle, replace: t.done.replacedTitle, remove: t.done.removedTitle, undo: t.done.undoneTitle };
  const lines = kept
    ? [
        bold(escapeMarkdown(titles[entry.action](entry.articleId))),
        ...(entry.action === 'undo' ? [escapeMarkdown(t.done.putBack(entry.written.join(', ')))] : []),
        ...entry.saved.map((saved) => escapeMarkdown(t.done.keptIn(saved.savedAs))),
      ]
    : [bold(escapeMarkdown(t.done.rolledBackTitle)), escapeMarkdown(t.done.rolledBack)];
  const reloadText = reload.content ? `\n${reload.content}` : '';
  return privateEmbeds(reload.embeds, [], truncate(lines.join('\n') + reloadText, LIMITS.content));
}

export interface LibraryListInput {
  library: Library;
  page: number;
  notLoaded: readonly NotLoadedFile[];
  /** Newest last, as the journal holds them. */
  history: readonly JournalEntry[];
  nextUndo: JournalEntry | undefined;
  historyFolder: string;
}

/** One page of the articles, then the files not loaded (with why) and the latest changes. */
export function renderLibraryList(locale: string, input: LibraryListInput): { payload: ReplyPayload; page: number; pageCount: number } {
  const t = libraryMessagesFor(locale);
  const articles = input.library.corpus.articles;
  const pageCount = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE));
  const page = Math.min(Math.max(0, Math.trunc(input.page)), pageCount - 1);
  const lines = articles
    .slice(page * ARTICLES_PER_PAGE, (page + 1) * ARTICLES_PER_PAGE)
    .map(
      (article) =>
        `${code(article.id)} · ${escapeMarkdown(article.date.text)} · ${t.list.articleLine(article.paragraphs.length)} · ${escapeAndTruncate(articleHeadline(article), 150)}`,
    );

  const notLoaded = input.notLoaded.map((file) => `- ${code(file.file)}: ${escapeAndTruncate(file.why, 300)}`);
  const historyLines = [...input.history]
    .reverse()
    .slice(0, HISTORY_SHOWN)
    .map(
      (entry) =>
        `- ${entry.at.slice(0, 16).replace('T', ' ')} · ${t.actions[entry.action]} ${code(entry.articleId)} · ${escapeAndTruncate(entry.userName, 40)}`,
    );
  const historyFooter = [
    ...(input.nextUndo ? [escapeMarkdown(t.list.undoNext(input.nextUndo.articleId, t.actions[input.nextUndo.action]))] : []),
    escapeMarkdown(t.list.historyFolder(input.historyFolder)),
  ];
  const historyValue = fitLines(
    [...(historyLines.length > 0 ? historyLines : [t.list.noHistory]), ...historyFooter],
    LIMITS.fieldValue,
    t.preview.more,
  );

  const embed: APIEmbed = {
    title: t.list.title,
    description: lines.length > 0 ? fitLines(lines, LIMITS.embedDescription, t.preview.more) : t.list.noArticles,
    color: PREVIEW_COLOUR,
    fields: [
      {
        name: t.list.notLoaded(notLoaded.length),
        value: notLoaded.length > 0 ? fitLines(notLoaded, LIMITS.fieldValue, t.preview.more) : t.list.allLoaded,
        inline: false,
      },
      { name: t.list.history, value: historyValue, inline: false },
    ],
    footer: { text: t.list.footer(articles.length, page + 1, pageCount) },
  };
  const buttons =
    pageCount > 1
      ? [
          replyButton(
            encodeLibraryButton({ kind: 'page', page: Math.max(0, page - 1) }),
            t.buttons.previous,
            ButtonStyle.Secondary,
            page === 0,
          ),
          replyButton(
            encodeLibraryButton({ kind: 'page', page: Math.min(pageCount - 1, page + 1) }),
            t.buttons.next,
            ButtonStyle.Secondary,
            page === pageCount - 1,
          ),
        ]
      : [];
  return { payload: privateEmbeds([embed], buttons), page, pageCount };
}
