import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from '../../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('loadConfig', () => {
  it('reads a full environment, with defaults for what is left out', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(result).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        applicationId: '123456789012345678',
        corpusDir: 'corpus',
        moderatorRoleIds: [],
        logLevel: 'info',
        moderationGuildIds: [],
        cooldownMs: 3000,
        reloadCooldownMs: 10_000,
        buildTimeoutMs: 600_000,
        httpHost: '127.0.0.1',
      },
    });
  });

  it('reads every variable', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      CORPUS_DIR: 'test/fixtures/corpus',
      MODERATOR_ROLE_IDS: '323456789012345678, 423456789012345678',
      LOG_LEVEL: 'DEBUG',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      COOLDOWN_SECONDS: '1.5',
      RELOAD_COOLDOWN_SECONDS: '0',
      RELOAD_TIMEOUT_SECONDS: '120',
      HTTP_PORT: '9464',
      HTTP_HOST: '0.0.0.0',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        applicationId: '123456789012345678',
        guildId: '223456789012345678',
        corpusDir: 'test/fixtures/corpus',
        moderatorRoleIds: ['323456789012345678', '423456789012345678'],
        logLevel: 'debug',
        apiUrl: 'http://127.0.0.1:8080/api',
        // DISCORD_GUILD_ID is the operator's server when MODERATION_GUILD_IDS is not set.
        moderationGuildIds: ['223456789012345678'],
        cooldownMs: 1500,
        reloadCooldownMs: 0,
        buildTimeoutMs: 120_000,
        httpPort: 9464,
        httpHost: '0.0.0.0',
      },
    });
  });

  it('takes MODERATION_GUILD_IDS over DISCORD_GUILD_ID for where the library may be changed', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: '223456789012345678',
      MODERATION_GUILD_IDS: '523456789012345678,623456789012345678',
    });
    expect(result.ok && result.config.moderationGuildIds).toEqual(['523456789012345678', '623456789012345678']);
  });

  it('names each bad number: cooldown, reload timeout past 15 minutes, port', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      COOLDOWN_SECONDS: 'soon',
      RELOAD_TIMEOUT_SECONDS: '3600',
      HTTP_PORT: '70000',
      MODERATION_GUILD_IDS: 'my server',
    });
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors.join('\n') : '';
    expect(errors).toContain('COOLDOWN_SECONDS must be a number of seconds');
    expect(errors).toContain('RELOAD_TIMEOUT_SECONDS must be at most 840');
    expect(errors).toContain('HTTP_PORT must be a port number');
    expect(errors).toContain('MODERATION_GUILD_IDS must be server ids');
  });

  it('names DISCORD_TOKEN when it is missing or empty', () => {
    for (const env of [{}, { DISCORD_TOKEN: '' }, { DISCORD_TOKEN: '   ' }]) {
      const result = loadConfig(env);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.join('\n')).toMatch(/^DISCORD_TOKEN is missing/);
    }
  });

  it('does not need a token when told so (deploy-commands --dry-run)', () => {
    expect(loadConfig({}, { requireToken: false }).ok).toBe(true);
  });

  it('never repeats the token in its messages, even a bad one', () => {
    const bad = 'secret token with spaces-ABCDEFGHIJKLMNOP';
    const result = loadConfig({ DISCORD_TOKEN: bad, LOG_LEVEL: 'loud' });
    expect(result.ok).toBe(false);
    const text = formatConfigErrors(!result.ok ? result.errors : []);
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).not.toContain('secret');
    expect(text).not.toContain(bad);
  });

  it('gives one message per bad variable, naming each', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: 'my-app',
      DISCORD_GUILD_ID: '12',
      MODERATOR_ROLE_IDS: '323456789012345678,mods',
      LOG_LEVEL: 'verbose',
      DISCORD_API_URL: 'localhost:8080',
    });
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors : [];
    expect(errors).toHaveLength(5);
    for (const name of ['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'MODERATOR_ROLE_IDS', 'LOG_LEVEL', 'DISCORD_API_URL']) {
      expect(errors.some((error) => error.startsWith(name))).toBe(true);
    }
    expect(errors.join('\n')).not.toContain(TOKEN);
  });

  it('names DISCORD_CLIENT_ID when that is the one given and it is wrong', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: 'abc' });
    expect(!result.ok && result.errors[0]).toMatch(/^DISCORD_CLIENT_ID/);
  });
});
