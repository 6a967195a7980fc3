// Every reply that is not an Answer: reload reports, help, refusals, cooldowns and errors.
// Notices are private; like answers, they ping no one.
import { TimestampStyles, inlineCode, time } from '@discordjs/formatters';
import { MessageFlags, type APIEmbed } from 'discord.js';
import type { CorpusError, SkippedFile } from '../corpus/types.ts';
import { formatCorpusError } from '../corpus/types.ts';
import type { Library } from '../library/library.ts';
import { COMMAND_SPECS } from '../answers/commandSpecs/commands.ts';
import { libraryExamples } from '../answers/libraryExamples.ts';
import type { ReloadResult } from '../library/libraryStore.ts';
import { escapeAndTruncate, escapeMarkdown, fitLines, truncate } from './markdown.ts';
import { messagesFor, type Messages } from './messagesFor.ts';
import type { ShardReload } from './reloadAllShards.ts';
import { LIMITS, allowedMentions, privateText, type ReplyPayload } from './replyPayload.ts';

const OK_COLOUR = 0x2f855a;
const FAILED_COLOUR = 0xc53030;
const INFO_COLOUR = 0x2b6cb0;
const MIXED_COLOUR = 0xc05621;

function privateEmbed(embed: APIEmbed): ReplyPayload {
  return { embeds: [embed], components: [], allowed_mentions: allowedMentions(), flags: MessageFlags.Ephemeral };
}

export function renderError(locale: string): ReplyPayload {
  return privateText(messagesFor(locale).notices.error);
}

export function renderCooldown(locale: string, retryAfterMs: number): ReplyPayload {
  return privateText(messagesFor(locale).notices.cooldown(Math.max(1, Math.ceil(retryAfterMs / 1000))));
}

/** A press by someone other than the asker: of a page button on a private answer, or of "Post in channel". */
export function renderNotOwner(locale: string, action: 'page' | 'share' = 'page'): ReplyPayload {
  const t = messagesFor(locale).notices;
  return privateText(action === 'share' ? t.notOwnerShare : t.notOwner);
}

export function renderNotOwnerShare(locale: string): ReplyPayload {
  return privateText(messagesFor(locale).notices.notOwnerShare);
}

export function renderItemGone(locale: string): ReplyPayload {
  return privateText(messagesFor(locale).notices.itemGone);
}

export function renderBadButton(locale: string): ReplyPayload {
  return privateText(messagesFor(locale).notices.badButton);
}

export function renderShareUnavailable(locale: string): ReplyPayload {
  return privateText(messagesFor(locale).notices.shareUnavailable);
}

export function renderUnknownCommand(locale: string): ReplyPayload {
  return privateText(messagesFor(locale).notices.unknownCommand);
}

/** Options Discord let through but the question checks refused (e.g. an empty person after trimming). */
export function renderInvalidInput(locale: string, errors: readonly string[]): ReplyPayload {
  const t = messagesFor(locale);
  const lines = errors.map((error) => `- ${escapeAndTruncate(error, 300)}`);
  return privateText(
    `${t.notices.invalidInput}\n${fitLines(lines, LIMITS.content - t.notices.invalidInput.length - 1, (n) => t.reload.moreErrors(n))}`,
  );
}

export function renderReloadRefused(
  locale: string,
  reason: 'not-moderator' | 'other-server' | 'no-server-configured' = 'not-moderator',
): ReplyPayload {
  const t = messagesFor(locale).reload;
  return privateText(reason === 'other-server' ? t.otherServer : reason === 'no-server-configured' ? t.noServerConfigured : t.refused);
}

export interface ReloadReportExtras {
  /** A previous reload whose reply could not be delivered (the interaction had expired). */
  undelivered?: { status: string; finishedAt: Date };
}

/**
 * What a reload did, or why it failed as `file:line: reason` lines cut to fit; in both cases the
 * files of the folder that are not loaded (wrong type, sub-folder, dotfile), so none is skipped silently.
 */
export function renderReloadResult(locale: string, result: ReloadResult, extras: ReloadReportExtras = {}): ReplyPayload {
  const t = messagesFor(locale);
  const payload = renderReloadReport(t, result);
  if (!extras.undelivered) return payload;
  // A Discord timestamp: each member reads it in their own time zone and language.
  const finishedAt = time(extras.undelivered.finishedAt, TimestampStyles.LongDateShortTime);
  return { ...payload, content: truncate(t.reload.undelivered(extras.undelivered.status, finishedAt), LIMITS.content) };
}

function skippedField(t: Messages, skipped: readonly SkippedFile[] | undefined): APIEmbed['fields'] {
  if (!skipped || skipped.length === 0) return [];
  const lines = skipped.map((file) => `- ${escapeAndTruncate(`${file.file}: ${file.reason}`, 300)}`);
  return [
    {
      name: `${t.reload.notLoaded} (${skipped.length})`,
      value: fitLines(lines, LIMITS.fieldValue, (n) => t.reload.moreErrors(n)),
      inline: false,
    },
  ];
}

function renderReloadReport(t: Messages, result: ReloadResult): ReplyPayload {
  if (result.status === 'busy') return privateText(t.reload.busy);
  if (result.status === 'failed') return renderReloadFailed(t, result.errors, result.tookMs, result.skipped);

  const list = (ids: readonly string[]) =>
    ids.length === 0
      ? t.reload.none
      : fitLines(
          ids.map((id) => inlineCode(id.replace(/`/g, ''))),
          LIMITS.fieldValue,
          (n) => t.reload.moreErrors(n),
        ).replace(/\n/g, ' ');
  const previous = (result as { previousParagraphCount?: number }).previousParagraphCount;
  const difference = previous === undefined ? '' : ` (${formatDifference(result.paragraphCount - previous)})`;
  const description = [
    `${t.reload.totals(result.articleCount, result.paragraphCount)}${difference}`,
    ...(result.added.length + result.removed.length + result.changed.length === 0 ? [t.reload.noChanges] : []),
  ].join('\n');
  return privateEmbed({
    title: t.reload.okTitle,
    description,
    color: OK_COLOUR,
    fields: [
      { name: `${t.reload.added} (${result.added.length})`, value: list(result.added), inline: false },
      { name: `${t.reload.removed} (${result.removed.length})`, value: list(result.removed), inline: false },
      { name: `${t.reload.changed} (${result.changed.length})`, value: list(result.changed), inline: false },
      ...(skippedField(t, result.skipped) ?? []),
    ],
    footer: { text: t.reload.took(result.tookMs) },
  });
}

function formatDifference(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0';
}

function renderReloadFailed(t: Messages, errors: readonly CorpusError[], tookMs: number, skipped?: readonly SkippedFile[]): ReplyPayload {
  const lines = errors.map((error) => `- ${escapeAndTruncate(formatCorpusError(error), 500)}`);
  const head = t.reload.fix;
  const fields = skippedField(t, skipped) ?? [];
  return privateEmbed({
    title: t.reload.failedTitle,
    description: `${head}\n${fitLines(lines, LIMITS.embedDescription - head.length - 1, (n) => t.reload.moreErrors(n))}`,
    color: FAILED_COLOUR,
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: t.reload.took(tookMs) },
  });
}

/**
 * A reload run by every shard of a sharded bot: one field per shard saying what it did. Shards past
 * Discord's 25 fields share the last one; the 6,000 characters of an embed are split evenly between fields.
 */
export function renderShardReloads(locale: string, reloads: readonly ShardReload[]): ReplyPayload {
  const t = messagesFor(locale);
  const labels = t.reload.shards;
  const statusOf = ({ result }: ShardReload) =>
    result.status === 'ok'
      ? labels.ok
      : result.status === 'failed'
        ? labels.failed
        : result.status === 'busy'
          ? labels.busy
          : labels.noAnswer;
  const heading = (reload: ShardReload) => truncate(`${labels.shard(reload.shardId)}: ${statusOf(reload)}`, LIMITS.fieldName);

  const reloaded = reloads.filter((reload) => reload.result.status === 'ok').length;
  const title = truncate(labels.title(reloaded, reloads.length), LIMITS.embedTitle);
  const shown = reloads.length > LIMITS.embedFields ? reloads.slice(0, LIMITS.embedFields - 1) : reloads;
  const rest = reloads.slice(shown.length);
  const names = [...shown.map(heading), ...(rest.length > 0 ? [truncate(labels.more(rest.length), LIMITS.fieldName)] : [])];
  const namesLength = names.reduce((sum, name) => sum + name.length, 0);
  const perField = Math.min(LIMITS.fieldValue, Math.floor((LIMITS.embedsTotal - title.length - namesLength) / Math.max(1, names.length)));

  const fields = shown.map((reload, index) => ({ name: names[index]!, value: shardReloadDetail(t, reload, perField), inline: false }));
  if (rest.length > 0) {
    fields.push({ name: names.at(-1)!, value: fitLines(rest.map(heading), perField, (n) => t.reload.moreErrors(n)), inline: false });
  }
  return privateEmbed({
    title,
    color: reloaded === reloads.length ? OK_COLOUR : reloaded === 0 ? FAILED_COLOUR : MIXED_COLOUR,
    fields,
  });
}

/** What one shard's reload did, within `max` characters. */
function shardReloadDetail(t: Messages, { result }: ShardReload, max: number): string {
  if (result.status === 'busy') return truncate(t.reload.busy, max);
  if (result.status === 'no-answer') return escapeAndTruncate(result.reason, max);
  if (result.status === 'failed') {
    const lines = result.errors.map((error) => `- ${escapeAndTruncate(formatCorpusError(error), 300)}`);
    return fitLines([t.reload.fix, ...lines], max, (n) => t.reload.moreErrors(n));
  }
  const difference = ` (${formatDifference(result.paragraphCount - result.previousParagraphCount)})`;
  const totals = `${t.reload.totals(result.articleCount, result.paragraphCount)}${difference}`;
  if (result.added.length + result.removed.length + result.changed.length === 0) {
    return truncate(`${totals}\n${t.reload.noChanges}`, max);
  }
  // The three lists share what is left after the totals line.
  const listBudget = Math.max(1, Math.floor((max - totals.length - 3) / 3));
  const list = (label: string, ids: readonly string[]) => {
    const head = `${label} (${ids.length}): `;
    const body =
      ids.length === 0
        ? t.reload.none
        : fitLines(
            ids.map((id) => inlineCode(id.replace(/`/g, ''))),
            Math.max(1, listBudget - head.length),
            (n) => t.reload.moreErrors(n),
          ).replace(/\n/g, ' ');
    return head + body;
  };
  return truncate(
    [totals, list(t.reload.added, result.added), list(t.reload.removed, result.removed), list(t.reload.changed, result.changed)].join('\n'),
    max,
  );
}

/** The commands /help lists, from their definitions; /library, for moderators, says how it works itself. */
const HELP_COMMANDS = COMMAND_SPECS.filter((spec) => spec.name !== 'library');

/** The commands, the tips, and examples that work with the library loaded now (never the bundled articles'). */
export function renderHelp(locale: string, library: Library): ReplyPayload {
  const t = messagesFor(locale);
  const lines = HELP_COMMANDS.map((spec) => {
    // Required options plain, optional ones in brackets.
    const names = (spec.answers ? spec.options : []).map((option) => {
      const name = t.options[option.name].name;
      return 'required' in option && option.required ? name : `[${name}]`;
    });
    const usage = [`/${t.commands[spec.name].name}`, ...names].join(' ');
    return `${inlineCode(usage)} — ${escapeMarkdown(t.commands[spec.name].description)}`;
  });
  const examples = libraryExamples(library);
  const example = (command: keyof Messages['commands'], option: keyof Messages['options'], value: string | number | undefined) =>
    value === undefined ? [] : [inlineCode(`/${t.commands[command].name} ${t.options[option].name}:${String(value).replace(/`/g, '')}`)];
  const tries = [
    ...example('who-met', 'person', examples.person),
    ...example('who-met', 'year', examples.year),
    ...example('agreements', 'topic', examples.topic),
    ...example('cite', 'id', examples.id),
  ];
  return privateEmbed({
    title: truncate(t.help.title, LIMITS.embedTitle),
    description: truncate(t.help.intro, LIMITS.embedDescription),
    color: INFO_COLOUR,
    fields: [
      { name: t.help.commandsTitle, value: truncate(lines.join('\n'), LIMITS.fieldValue) },
      {
        name: t.help.examplesTitle,
        value: truncate(tries.length > 0 ? tries.join('\n') : escapeMarkdown(t.help.emptyLibrary), LIMITS.fieldValue),
      },
      { name: t.help.tipsTitle, value: truncate(t.help.tips.map((tip) => `• ${tip}`).join('\n'), LIMITS.fieldValue) },
    ],
  });
}
