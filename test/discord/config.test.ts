import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from '../../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('loadConfig', () => {
  it('reads a full environment, with defaults for what is left out', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(result).toEqual({
      ok: true,
      config: { token: TOKEN, applicationId: '123456789012345678', corpusDir: 'corpus', moderatorRoleIds: [], logLevel: 'info' },
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
      },
    });
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
