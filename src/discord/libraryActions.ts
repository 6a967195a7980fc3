// `/library` between Discord and the corpus folder: who may use it (the `/reload` rule, checked on
// every command, button and autocomplete), reading the attachment, previews, confirmed changes and
// the reload that follows them (every shard when sharded), and one audit log line per attempt.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_FILE_BYTES } from '../corpus/loadCorpus.ts';
import { parseArticle } from '../corpus/parseArticle.ts';
import { changesNothing, compareArticles, previewArticle } from '../library/articlePreview.ts';
import {
  checkUpload,
  checkUploadName,
  commitChange,
  filesOfArticle,
  nextUndo,
  type ChangeRequest,
  type ReloadVerdict,
} from '../library/libraryFiles.ts';
import { historyDirFor, readJournal } from '../library/libraryHistory.ts';
import { notLoadedFiles } from '../library/notLoadedFiles.ts';
import { dropPending, readPending, savePending } from '../library/pendingChanges.ts';
import type { LogFields } from '../logger.ts';
import { attachmentOrigins, downloadAttachment } from './attachmentDownload.ts';
import type { CommandContext } from './commandTypes.ts';
import { decodeLibraryButton } from './libraryCustomIds.ts';
import { reloadAllShards, reloadLogFields, summariseShardReloads } from './reloadAllShards.ts';
import { checkModerator, reloadRequester, type ModerationCheck, type ReloadRequester } from './reloadPermission.ts';
import {
  libraryMessagesFor,
  renderChangeDone,
  renderDownloadFailed,
  renderLibraryList,
  renderLibraryNote,
  renderLibraryRefused,
  renderRemovePreview,
  renderUploadPreview,
  renderUploadRefused,
  type UploadPreviewInput,
} from './renderLibrary.ts';
import {
  renderBadButton,
  renderNotOwner,
  renderReloadRefused,
  renderReloadResult,
  renderShardReloads,
  renderUnknownCommand,
} from './renderNotices.ts';
import { toEditReplyOptions, toReplyOptions, toUpdateOptions, type ReplyPayload } from './replyPayload.ts';

type AnyInteraction = ChatInputCommandInteraction | ButtonInteraction | AutocompleteInteraction;

/** The `/reload` rule (reloadPermission.ts: a moderator, in the operator's server), for any kind of interaction. */
export function moderationCheck(interaction: AnyInteraction, context: Pick<CommandContext, 'config'>): ModerationCheck {
  const requester: ReloadRequester = reloadRequester(interaction as ChatInputCommandInteraction);
  return checkModerator(requester, context.config);
}

export function mayManageLibrary(interaction: AnyInteraction, context: Pick<CommandContext, 'config'>): boolean {
  return moderationCheck(interaction, context).ok;
}

/** The refusal for a failed check: not a moderator, or not in the operator's server. */
function refusal(interaction: AnyInteraction, check: ModerationCheck): ReplyPayload {
  return check.ok || check.reason === 'not-moderator'
    ? renderLibraryRefused(interaction.locale)
    : renderReloadRefused(interaction.locale, check.reason);
}

function auditFields(interaction: AnyInteraction, action: string): LogFields {
  return { audit: 'library', action, user: interaction.user.id, userName: interaction.user.username, guild: interaction.guildId };
}

function corpusDirOf(context: CommandContext): string {
  const dir = context.config.corpusDir;
  if (!dir) throw new Error('/library needs config.corpusDir');
  return dir;
}

/** `/library add|remove|undo|list`. */
export async function runLibraryCommand(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  const action = interaction.options.getSubcommand(true);
  const allowed = moderationCheck(interaction, context);
  if (!allowed.ok) {
    context.logger.warn('library refused', { ...auditFields(interaction, action), result: 'refused', reason: allowed.reason });
    await interaction.reply(toReplyOptions(refusal(interaction, allowed)));
    return 'refused';
  }
  switch (action) {
    case 'add':
      return previewUpload(interaction, context);
    case 'remove':
      return previewRemoval(interaction, context);
    case 'undo':
      return undoLast(interaction, context);
    case 'list':
      return listLibrary(interaction, context);
    default:
      await interaction.reply(toReplyOptions(renderUnknownCommand(interaction.locale)));
      return 'unknown-subcommand';
  }
}

async function previewUpload(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  const { logger } = context;
  const corpusDir = corpusDirOf(context);
  const attachment = interaction.options.getAttachment('file', true);
  const audit = { ...auditFields(interaction, 'add'), file: attachment.name, bytes: attachment.size };

  // The name and the size Discord declares settle most refusals without downloading anything.
  const nameErrors = checkUploadName(attachment.name, attachment.size);
  if (nameErrors.length > 0) {
    logger.info('library', { ...audit, result: 'rejected', reason: nameErrors[0]!.reason });
    await interaction.reply(toReplyOptions(renderUploadRefused(interaction.locale, nameErrors)));
    return 'rejected';
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const download = await downloadAttachment(attachment.url, {
    allowedOrigins: attachmentOrigins(context.config.apiUrl),
    maxBytes: MAX_FILE_BYTES,
  });
  if (!download.ok) {
    logger.warn('library', { ...audit, result: 'download-failed', reason: download.reason });
    await interaction.editReply(toEditReplyOptions(renderDownloadFailed(interaction.locale, download.reason)));
    return 'download-failed';
  }
  const checked = checkUpload(attachment.name, download.bytes);
  if (!checked.ok) {
    logger.info('library', { ...audit, result: 'rejected', errorCount: checked.errors.length });
    await interaction.editReply(toEditReplyOptions(renderUploadRefused(interaction.locale, checked.errors)));
    return 'rejected';
  }

  const preview = previewArticle(checked.article);
  const articleId = checked.article.id;
  const expected = await filesOfArticle(corpusDir, articleId);
  let changes: UploadPreviewInput['changes'];
  if (expected.length > 0) {
    // Compare with the file on disk (what Replace takes away), not the library: they differ before a /reload.
    const current = parseArticle(expected[0]!.file, await readFile(join(corpusDir, expected[0]!.file)));
    const compared = current.ok ? compareArticles(previewArticle(current.article), preview) : undefined;
    changes = compared ? { changes: compared, unchanged: changesNothing(compared) } : { currentInvalid: true };
  }
  const pending = await savePending(
    corpusDir,
    {
      action: expected.length > 0 ? 'replace' : 'add',
      articleId,
      file: attachment.name,
      expected,
      userId: interaction.user.id,
      guildId: interaction.guildId ?? '',
    },
    download.bytes,
  );
  logger.info('library', { ...audit, article: articleId, result: `preview-${pending.action}` });
  await interaction.editReply(
    toEditReplyOptions(
      renderUploadPreview(interaction.locale, {
        token: pending.token,
        preview,
        fileName: attachment.name,
        size: download.bytes.length,
        ...(changes ? { changes } : {}),
      }),
    ),
  );
  return `preview-${pending.action}`;
}

async function previewRemoval(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  const corpusDir = corpusDirOf(context);
  const articleId = interaction.options.getString('id', true).trim();
  const audit = { ...auditFields(interaction, 'remove'), article: articleId };
  const article = context.store.current.articlesById.get(articleId);
  const expected = article ? await filesOfArticle(corpusDir, articleId) : [];
  if (!article || expected.length === 0) {
    context.logger.info('library', { ...audit, result: 'unknown-article' });
    await interaction.reply(toReplyOptions(renderLibraryNote(libraryMessagesFor(interaction.locale).done.unknownArticle(articleId))));
    return 'unknown-article';
  }
  const pending = await savePending(corpusDir, {
    action: 'remove',
    articleId,
    expected,
    userId: interaction.user.id,
    guildId: interaction.guildId ?? '',
  });
  context.logger.info('library', { ...audit, result: 'preview-remove' });
  await interaction.reply(toReplyOptions(renderRemovePreview(interaction.locale, pending.token, previewArticle(article))));
  return 'preview-remove';
}

async function undoLast(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await applyChange(interaction, context, { action: 'undo' });
  await interaction.editReply(toEditReplyOptions(reply.payload));
  return reply.result;
}

async function listLibrary(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const page = (interaction.options.getInteger('page') ?? 1) - 1;
  const listed = await libraryList(interaction.locale, context, page);
  await interaction.editReply(toEditReplyOptions(listed.payload));
  return `list:${listed.page + 1}/${listed.pageCount}`;
}

async function libraryList(locale: string, context: CommandContext, page: number) {
  const corpusDir = corpusDirOf(context);
  const library = context.store.current;
  const [notLoaded, history, undo] = await Promise.all([
    notLoadedFiles(corpusDir, library),
    readJournal(historyDirFor(corpusDir)),
    nextUndo(corpusDir),
  ]);
  return renderLibraryList(locale, { library, page, notLoaded, history, nextUndo: undo, historyFolder: historyDirFor(corpusDir) });
}

/** Add, Replace, Remove, Cancel and the list's pages. Every press is checked against the `/reload` rule again. */
export async function handleLibraryButton(interaction: ButtonInteraction, context: CommandContext): Promise<string> {
  const decoded = decodeLibraryButton(interaction.customId);
  const action = decoded?.kind ?? 'button';
  const allowed = moderationCheck(interaction, context);
  if (!allowed.ok) {
    context.logger.warn('library refused', { ...auditFields(interaction, action), result: 'refused', reason: allowed.reason });
    await interaction.reply(toReplyOptions(refusal(interaction, allowed)));
    return 'refused';
  }
  if (!decoded) {
    await interaction.reply(toReplyOptions(renderBadButton(interaction.locale)));
    return 'bad-button';
  }
  const t = libraryMessagesFor(interaction.locale);
  if (decoded.kind === 'page') {
    await interaction.deferUpdate();
    const listed = await libraryList(interaction.locale, context, decoded.page);
    await interaction.editReply(toEditReplyOptions(listed.payload));
    return `list:${listed.page + 1}/${listed.pageCount}`;
  }

  const corpusDir = corpusDirOf(context);
  const pending = await readPending(corpusDir, decoded.token);
  if (pending.ok && pending.change.userId !== interaction.user.id) {
    await interaction.reply(toReplyOptions(renderNotOwner(interaction.locale)));
    return 'not-owner';
  }
  if (decoded.kind === 'cancel') {
    await dropPending(corpusDir, decoded.token);
    if (pending.ok)
      context.logger.info('library', {
        ...auditFields(interaction, pending.change.action),
        article: pending.change.articleId,
        result: 'cancelled',
      });
    await interaction.update(toUpdateOptions(renderLibraryNote(t.done.cancelled)));
    return 'cancelled';
  }
  if (!pending.ok) {
    await interaction.update(toUpdateOptions(renderLibraryNote(t.done.expired)));
    return `pending-${pending.reason}`;
  }

  // Writing and reloading may take seconds.
  await interaction.deferUpdate();
  const { change, bytes } = pending;
  const request: ChangeRequest =
    change.action === 'remove'
      ? { action: 'remove', articleId: change.articleId, expected: change.expected }
      : {
          action: change.action,
          articleId: change.articleId,
          upload: { file: change.file ?? `${change.articleId}.txt`, bytes: bytes ?? Buffer.alloc(0) },
          expected: change.expected,
        };
  const reply = await applyChange(interaction, context, request);
  await dropPending(corpusDir, decoded.token);
  await interaction.editReply(toEditReplyOptions(reply.payload));
  return reply.result;
}

/** Makes the change, reloads (every shard when sharded), writes the audit line, and says what happened. */
async function applyChange(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  context: CommandContext,
  request: ChangeRequest,
): Promise<{ payload: ReplyPayload; result: string }> {
  const t = libraryMessagesFor(interaction.locale);
  const corpusDir = corpusDirOf(context);
  const audit = { ...auditFields(interaction, request.action), ...(request.action === 'undo' ? {} : { article: request.articleId }) };
  const author = { userId: interaction.user.id, userName: interaction.user.username, guildId: interaction.guildId ?? '' };
  const outcome = await commitChange(
    corpusDir,
    request,
    author,
    () => reloadEverywhere(interaction, context),
    (reloaded) => reloaded.verdict,
  );

  if (outcome.status === 'stale') {
    context.logger.warn('library', { ...audit, result: 'stale' });
    return { payload: renderLibraryNote(t.done.stale(outcome.articleId)), result: 'stale' };
  }
  if (outcome.status === 'nothing-to-undo') {
    context.logger.info('library', { ...audit, result: 'nothing-to-undo' });
    return { payload: renderLibraryNote(t.done.nothingToUndo), result: 'nothing-to-undo' };
  }
  const result = outcome.kept ? 'ok' : 'rolled-back';
  const fields = {
    ...audit,
    article: outcome.entry.articleId,
    written: outcome.entry.written,
    savedToHistory: outcome.entry.saved.map((saved) => saved.savedAs),
    ...outcome.reload.logFields,
    result,
  };
  if (outcome.kept) context.logger.info('library', fields);
  else context.logger.warn('library', fields);
  return { payload: renderChangeDone(interaction.locale, outcome.entry, outcome.kept, outcome.reload.payload), result };
}

interface Reloaded {
  payload: ReplyPayload;
  verdict: ReloadVerdict;
  logFields: LogFields;
}

/** The reload after a change: this process, or every shard (shard 0 first) so they all end with the same library. */
async function reloadEverywhere(interaction: ChatInputCommandInteraction | ButtonInteraction, context: CommandContext): Promise<Reloaded> {
  // `?.` because unit tests' fake interactions have no client.
  const shard = interaction.client?.shard;
  if (shard) {
    const reloads = await reloadAllShards(shard);
    const summary = summariseShardReloads(reloads);
    return {
      payload: renderShardReloads(interaction.locale, reloads),
      // Only when every shard refused the folder is the change put back; otherwise some shard serves it.
      verdict: summary === 'ok' ? 'ok' : summary === 'failed' ? 'failed' : 'other',
      logFields: { reload: summary, shards: reloads.map(({ shardId, result }) => ({ shardId, ...reloadLogFields(result) })) },
    };
  }
  // A /reload started by someone else may have read the folder before this change: wait for it, then reload.
  const result = await (context.store.reloadAfterCurrent ? context.store.reloadAfterCurrent() : context.store.reload());
  return {
    payload: renderReloadResult(interaction.locale, result),
    verdict: result.status === 'ok' ? 'ok' : result.status === 'failed' ? 'failed' : 'other',
    logFields: { reload: reloadLogFields(result) },
  };
}
