// /reload when the bot runs sharded (`npm run start:sharded`): every shard is its own process with its
// own library, so a reload asked for in one shard is run by every shard, and the moderator sees each result.
import { randomUUID } from 'node:crypto';
import type { ChatInputCommandInteraction, Client, ShardClientUtil } from 'discord.js';
import { formatCorpusError } from '../corpus/types.ts';
import type { ReloadResult } from '../library/libraryStore.ts';
import type { LogFields, Logger } from '../logger.ts';
import type { LibrarySource } from './commandTypes.ts';
import { renderShardReloads } from './renderNotices.ts';
import { toEditReplyOptions } from './replyPayload.ts';

/** A shard that could not be asked (its process is dead or respawning) or did not answer in time. */
export interface ShardNoAnswer {
  status: 'no-answer';
  reason: string;
}

export interface ShardReload {
  shardId: number;
  result: ReloadResult | ShardNoAnswer;
}

/**
 * Where each shard's reload function hangs on its client. `broadcastEval` sends a function's source
 * text to the other processes, so the function cannot close over anything: it finds the store through
 * this global symbol, written out literally in `reloadThisShard` below.
 */
const RELOAD_HOOK = Symbol.for('citebot.reloadThisShard');
type ReloadHook = () => Promise<ReloadResult>;

/** A reload is slow for a big corpus; past this, the reply says the shard did not answer (it may still finish). */
export const SHARD_RELOAD_TIMEOUT_MS = 120_000;

/** Lets the other shards reload this one. Called once at start-up when the client runs under a ShardingManager. */
export function answerShardReloads(client: Client, store: LibrarySource, logger: Logger): void {
  const hook: ReloadHook = async () => {
    const result = await store.reload();
    logger.info('shard reload', { shardId: client.shard?.ids[0], ...reloadLogFields(result) });
    return result;
  };
  Object.defineProperty(client, RELOAD_HOOK, { value: hook, configurable: true });
}

// Runs inside each shard's process, from its source text: only its parameters and globals are in scope.
// The request id makes each broadcast's text unique, so discord.js never hands one request another's answer.
const reloadThisShard = async (client: Client, context: { requestId: string }): Promise<ReloadResult | ShardNoAnswer> =>
  (await (client as unknown as Record<symbol, ReloadHook | undefined>)[Symbol.for('citebot.reloadThisShard')]?.()) ?? {
    status: 'no-answer',
    reason: `not running citebot (request ${context.requestId})`,
  };

/** Asks every shard (the asking one included) to reload; one result per shard, in shard order, never throws. */
export async function reloadAllShards(
  shard: Pick<ShardClientUtil, 'broadcastEval' | 'count'>,
  { timeoutMs = SHARD_RELOAD_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<ShardReload[]> {
  const requestId = randomUUID();
  const reloadOne = async (shardId: number): Promise<ShardReload> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ShardNoAnswer>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'no-answer', reason: `no answer within ${Math.ceil(timeoutMs / 1000)} s` }), timeoutMs);
    });
    try {
      // One broadcast per shard rather than one to all: a dead shard then costs only its own line.
      // Results cross processes as JSON; a ReloadResult is plain data, so nothing is lost.
      const answer = shard.broadcastEval(reloadThisShard, { shard: shardId, context: { requestId } });
      return { shardId, result: await Promise.race([answer, timedOut]) };
    } catch (error) {
      return { shardId, result: { status: 'no-answer', reason: error instanceof Error ? error.message : String(error) } };
    } finally {
      clearTimeout(timer);
    }
  };
  // Shard 0 alone first: it builds the new index and writes the cache beside the corpus; the others
  // then read that cache instead of each building the same index. (The cache is keyed by the files'
  // contents and written atomically, so reloading all at once would be safe too, only slower.)
  const first = await reloadOne(0);
  const others = await Promise.all(Array.from({ length: Math.max(0, shard.count - 1) }, (_, index) => reloadOne(index + 1)));
  return [first, ...others];
}

/** One word for the audit line: the shared status when every shard agrees, else `mixed`. */
export function summariseShardReloads(reloads: readonly ShardReload[]): string {
  const statuses = new Set(reloads.map((reload) => reload.result.status));
  return statuses.size === 1 ? [...statuses][0]! : 'mixed';
}

/** The sharded end of `/reload`, after the permission check and the private defer. */
export async function reloadAllShardsAndReply(
  interaction: ChatInputCommandInteraction,
  shard: ShardClientUtil,
  logger: Logger,
  audit: LogFields,
): Promise<string> {
  const reloads = await reloadAllShards(shard);
  const summary = summariseShardReloads(reloads);
  const shards = reloads.map(({ shardId, result }) => ({ shardId, ...reloadLogFields(result) }));
  if (summary === 'ok') logger.info('reload', { ...audit, result: summary, shards });
  else logger.warn('reload', { ...audit, result: summary, shards });
  await interaction.editReply(toEditReplyOptions(renderShardReloads(interaction.locale, reloads)));
  return summary;
}

/** The audit log's fields for one reload outcome (one shard's, or the only one when not sharded). */
export function reloadLogFields(result: ReloadResult | ShardNoAnswer): LogFields {
  switch (result.status) {
    case 'ok':
      return {
        result: 'ok',
        added: result.added,
        removed: result.removed,
        changed: result.changed,
        articleCount: result.articleCount,
        paragraphCount: result.paragraphCount,
        tookMs: result.tookMs,
        ...(result.warnings?.length ? { warnings: result.warnings } : {}),
        ...(result.skipped?.length ? { notLoaded: result.skipped.map((file) => `${file.file}: ${file.reason}`) } : {}),
      };
    case 'failed':
      return {
        result: 'failed',
        errorCount: result.errors.length,
        errors: result.errors.slice(0, 20).map(formatCorpusError),
        tookMs: result.tookMs,
      };
    case 'no-answer':
      return { result: 'no-answer', reason: result.reason };
    default:
      return { result: result.status };
  }
}
