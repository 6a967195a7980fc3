import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import type { Library } from '../../src/library/library.ts';
import type { ReloadResult } from '../../src/library/libraryStore.ts';
import { createLogger } from '../../src/logger.ts';
import { canReload, reloadRequester } from '../../src/discord/reloadPermission.ts';
import { renderReloadResult } from '../../src/discord/renderNotices.ts';
import { LIMITS } from '../../src/discord/replyPayload.ts';
import { FAKE_GUILD, fakeCommand, moderationContext } from './fakeInteractions.ts';
import { reload } from '../../commands/reload.ts';

const MOD_ROLE = '700000000000000001';

describe('canReload', () => {
  it('lets members with Manage Server reload', () => {
    expect(canReload({ inGuild: true, hasManageGuild: true, roleIds: [] }, [])).toBe(true);
  });
  it('lets members with a moderator role reload', () => {
    expect(canReload({ inGuild: true, hasManageGuild: false, roleIds: ['1', MOD_ROLE] }, [MOD_ROLE])).toBe(true);
  });
  it('refuses everyone else', () => {
    expect(canReload({ inGuild: true, hasManageGuild: false, roleIds: ['1'] }, [MOD_ROLE])).toBe(false);
    expect(canReload({ inGuild: true, hasManageGuild: false, roleIds: [] }, [])).toBe(false);
  });
  it('refuses outside a server', () => {
    expect(canReload({ inGuild: false, hasManageGuild: true, roleIds: [MOD_ROLE] }, [MOD_ROLE])).toBe(false);
  });
  it('reads roles from a cached member as well as from raw interaction data', () => {
    const permissions = { has: (flag: bigint) => flag === PermissionFlagsBits.ManageGuild };
    const cached = fakeCommand({ commandName: 'reload', member: { roles: { cache: new Map([[MOD_ROLE, {}]]) } }, memberPermissions: null });
    const raw = fakeCommand({ commandName: 'reload', member: { roles: [MOD_ROLE] }, memberPermissions: permissions });
    expect(reloadRequester(cached.interaction as never)).toEqual({
      inGuild: true,
      hasManageGuild: false,
      roleIds: [MOD_ROLE],
      guildId: FAKE_GUILD,
    });
    expect(reloadRequester(raw.interaction as never)).toEqual({
      inGuild: true,
      hasManageGuild: true,
      roleIds: [MOD_ROLE],
      guildId: FAKE_GUILD,
    });
  });
});

function setup(result: ReloadResult, member: { manageGuild?: boolean; roles?: string[] }) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  const store = { current: {} as Library, reload: vi.fn(async () => result) };
  const fake = fakeCommand({
    commandName: 'reload',
    memberPermissions: { has: () => member.manageGuild ?? false },
    member: { roles: member.roles ?? [] },
  });
  const run = () => reload.execute(fake.interaction as never, moderationContext({ store, logger, moderatorRoleIds: [MOD_ROLE] }));
  return { store, lines, sent: fake.sent, run };
}

const ok: ReloadResult = {
  status: 'ok',
  added: ['003_new'],
  removed: [],
  changed: ['001_03677d34c6a97d66'],
  articleCount: 3,
  paragraphCount: 40,
  previousParagraphCount: 35,
  tookMs: 120,
};

describe('/reload', () => {
  it('refuses a member without permission privately, without reloading, and audits it', async () => {
    const { store, sent, lines, run } = setup(ok, { manageGuild: false, roles: ['1'] });
    expect(await run()).toBe('refused');
    expect(store.reload).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('reply');
    expect(sent[0]!.options.flags).toBe(MessageFlags.Ephemeral);
    expect(sent[0]!.options.content).toMatch(/Manage Server/);
    expect(lines.at(-1)).toMatchObject({ audit: 'reload', result: 'refused', user: '111111111111111111', guild: '900000000000000000' });
    expect(lines.at(-1)!.time).toBeTypeOf('string');
  });

  it('defers privately, reloads, reports what changed, and audits it', async () => {
    const { store, sent, lines, run } = setup(ok, { roles: [MOD_ROLE] });
    expect(await run()).toBe('ok');
    expect(store.reload).toHaveBeenCalledOnce();
    expect(sent.map((entry) => entry.method)).toEqual(['deferReply', 'editReply']);
    expect(sent[0]!.options.flags).toBe(MessageFlags.Ephemeral);
    const embed = sent[1]!.options.embeds[0];
    expect(embed.title).toBe('Library reloaded');
    expect(embed.description).toContain('3 articles, 40 paragraphs (+5)');
    expect(embed.fields.map((field: { name: string }) => field.name)).toEqual(['Added (1)', 'Removed (0)', 'Changed (1)']);
    expect(embed.footer.text).toBe('Took 120 ms');
    expect(sent[1]!.options.allowedMentions).toEqual({ parse: [] });
    expect(lines.at(-1)).toMatchObject({ audit: 'reload', result: 'ok', added: ['003_new'], changed: ['001_03677d34c6a97d66'] });
  });

  it('tells a second moderator that a reload is already running', async () => {
    const { sent, run } = setup({ status: 'busy' }, { manageGuild: true });
    expect(await run()).toBe('busy');
    expect(sent[1]!.options.content).toMatch(/already running/);
  });

  it('lists file:line: reason when the corpus is invalid, cut to fit Discord', async () => {
    const errors = Array.from({ length: 400 }, (_, index) => ({
      file: `bad_${index}.txt`,
      line: index + 1,
      reason: 'date must look like 2025-06',
    }));
    const { sent, run } = setup({ status: 'failed', errors, tookMs: 50 }, { manageGuild: true });
    expect(await run()).toBe('failed');
    const embed = sent[1]!.options.embeds[0];
    expect(embed.title).toMatch(/previous library is still in use/);
    expect(embed.description).toContain('bad\\_0.txt:1: date must look like 2025-06');
    expect(embed.description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.description).toMatch(/… and \d+ more$/);
  });
});

describe('renderReloadResult', () => {
  it('reports in Vietnamese for `vi`', () => {
    const payload = renderReloadResult('vi', ok);
    expect(payload.embeds[0]!.title).toBe('Đã tải lại thư viện');
    expect(payload.embeds[0]!.fields!.map((field) => field.name)).toEqual(['Thêm (1)', 'Xóa (0)', 'Thay đổi (1)']);
  });

  it('keeps long lists of changed articles within a field', () => {
    const many = Array.from({ length: 500 }, (_, index) => `article_${index}_0123456789abcdef`);
    const payload = renderReloadResult('en', { ...ok, added: many });
    expect(payload.embeds[0]!.fields![0]!.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(payload.embeds[0]!.fields![0]!.value).toMatch(/… and \d+ more$/);
  });
});
