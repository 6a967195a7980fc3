import type { Client, ShardClientUtil } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import type { Library } from '../../src/library/library.ts';
import type { ReloadResult } from '../../src/library/libraryStore.ts';
import { createLogger } from '../../src/logger.ts';
import { answerShardReloads, reloadAllShards, summariseShardReloads, type ShardReload } from '../../src/discord/reloadAllShards.ts';
import { renderShardReloads } from '../../src/discord/renderNotices.ts';
import { LIMITS, embedLength } from '../../src/discord/replyPayload.ts';
import { fakeCommand, moderationContext } from './fakeInteractions.ts';
import { reload } from '../../commands/reload.ts';

const MOD_ROLE = '700000000000000001';

const ok: ReloadResult = {
  status: 'ok',
  added: ['003_new'],
  removed: [],
  changed: [],
  articleCount: 3,
  paragraphCount: 40,
  previousParagraphCount: 35,
  tookMs: 120,
};
const failed: ReloadResult = {
  status: 'failed',
  errors: [{ file: '003_new.txt', line: 1, reason: 'malformed date "2025-13": expected YYYY-MM or YYYY-MM-DD' }],
  tookMs: 8,
};

/**
 * A ShardClientUtil over in-memory shards that does what discord.js does with a broadcast: sends the
 * function's source text, evaluates it against the target shard's client, and sends the result back as JSON.
 */
function fakeShards(results: (ReloadResult | 'dead')[]) {
  const order: number[] = [];
  const clients = results.map((result, shardId) => {
    const client = { shard: { ids: [shardId] } } as unknown as Client;
    if (result !== 'dead') {
      const store = {
        current: {} as Library,
        reload: vi.fn(async () => {
          order.push(shardId);
          return result;
        }),
      };
      answerShardReloads(client, store, createLogger({ write: () => undefined }));
    }
    return { client, dead: result === 'dead' };
  });
  const util = {
    count: results.length,
    broadcastEval: async (script: (...args: never[]) => unknown, options: { shard: number; context: unknown }) => {
      const target = clients[options.shard]!;
      if (target.dead) throw new Error(`Shard ${options.shard}'s Child Process exited before its Client became ready.`);
      const evaluate = new Function('client', `return (${script.toString()})(client, ${JSON.stringify(options.context)})`);
      return JSON.parse(JSON.stringify(await evaluate(target.client)));
    },
  } as unknown as ShardClientUtil;
  return { util, order };
}

describe('reloadAllShards', () => {
  it('has every shard reload its own store and reports each, in shard order', async () => {
    const { util } = fakeShards([ok, failed, { status: 'busy' }]);
    const reloads = await reloadAllShards(util);
    expect(reloads).toEqual([
      { shardId: 0, result: ok },
      { shardId: 1, result: failed },
      { shardId: 2, result: { status: 'busy' } },
    ]);
    expect(summariseShardReloads(reloads)).toBe('mixed');
  });

  it('reloads shard 0 before the others, so they find the index cache it wrote', async () => {
    const { util, order } = fakeShards([ok, ok, ok]);
    await reloadAllShards(util);
    expect(order[0]).toBe(0);
    expect(order.slice(1).sort()).toEqual([1, 2]);
  });

  it('reports a shard that cannot be reached instead of failing the whole reload', async () => {
    const { util } = fakeShards([ok, 'dead']);
    const reloads = await reloadAllShards(util);
    expect(reloads[0]).toEqual({ shardId: 0, result: ok });
    expect(reloads[1]).toEqual({ shardId: 1, result: { status: 'no-answer', reason: expect.stringContaining('exited') } });
  });

  it('gives up on a shard that does not answer in time', async () => {
    const util = { count: 1, broadcastEval: () => new Promise(() => undefined) } as unknown as ShardClientUtil;
    const reloads = await reloadAllShards(util, { timeoutMs: 10 });
    expect(reloads).toEqual([{ shardId: 0, result: { status: 'no-answer', reason: 'no answer within 1 s' } }]);
  });
});

describe('/reload in a sharded bot', () => {
  it('reloads every shard, not just its own store, and lists each shard in the private reply', async () => {
    const { util } = fakeShards([ok, failed]);
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ write: (line) => lines.push(JSON.parse(line)) });
    const ownStore = { current: {} as Library, reload: vi.fn(async () => ok) };
    const fake = fakeCommand({ commandName: 'reload', memberPermissions: { has: () => false }, member: { roles: [MOD_ROLE] } });
    Object.assign(fake.interaction, { client: { shard: util } });

    const status = await reload.execute(
      fake.interaction as never,
      moderationContext({ store: ownStore, logger, moderatorRoleIds: [MOD_ROLE] }),
    );
    expect(status).toBe('mixed');
    expect(ownStore.reload).not.toHaveBeenCalled();
    expect(fake.sent.map((sent) => sent.method)).toEqual(['deferReply', 'editReply']);
    const embed = fake.sent[1]!.options.embeds[0];
    expect(embed.title).toBe('Library reloaded on 1 of 2 shards');
    expect(embed.fields.map((field: { name: string }) => field.name)).toEqual([
      'Shard 0: reloaded',
      'Shard 1: failed, still using its previous library',
    ]);
    expect(embed.fields[1].value).toContain('003\\_new.txt:1: malformed date');
    expect(lines.at(-1)).toMatchObject({
      audit: 'reload',
      result: 'mixed',
      shards: [
        { shardId: 0, result: 'ok' },
        { shardId: 1, result: 'failed', errorCount: 1 },
      ],
    });
  });
});

describe('renderShardReloads', () => {
  it('labels each shard in Vietnamese for a Vietnamese member', () => {
    const reloads: ShardReload[] = [
      { shardId: 0, result: ok },
      { shardId: 1, result: { status: 'no-answer', reason: 'no answer within 120 s' } },
    ];
    const embed = renderShardReloads('vi', reloads).embeds[0]!;
    expect(embed.title).toBe('Đã tải lại thư viện trên 1/2 shard');
    expect(embed.fields?.map((field) => field.name)).toEqual(['Shard 0: đã tải lại', 'Shard 1: không trả lời']);
    expect(embed.fields?.[0]?.value).toContain('3 bài, 40 đoạn (+5)');
  });

  it('stays within Discord’s limits for 40 shards with long error lists', () => {
    const manyErrors: ReloadResult = {
      status: 'failed',
      errors: Array.from({ length: 200 }, (_, i) => ({
        file: `article_${i}.md`,
        line: i,
        reason: 'bad url "example.vn": expected a web address'.repeat(3),
      })),
      tookMs: 50,
    };
    const manyIds: ReloadResult = { ...ok, added: Array.from({ length: 500 }, (_, i) => `article_${i}`) };
    const reloads = Array.from({ length: 40 }, (_, shardId): ShardReload => ({ shardId, result: shardId % 2 ? manyErrors : manyIds }));
    const payload = renderShardReloads('en-US', reloads);
    const embed = payload.embeds[0]!;
    expect(embed.fields).toHaveLength(LIMITS.embedFields);
    expect(embed.fields?.at(-1)?.name).toBe('… and 16 more shards');
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  });
});
