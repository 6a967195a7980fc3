// Reads the bot's settings from the environment (and `.env`) once, at start-up.
// Bad settings come back as one message per variable, naming it; the token's value is never echoed.
import dotenv from 'dotenv';
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Absent only when the caller said it does not need one (`deploy-commands --dry-run`). */
  token?: string;
  applicationId?: string;
  guildId?: string;
  corpusDir: string;
  moderatorRoleIds: string[];
  logLevel: LogLevel;
  /** Base URL of the REST API (`https://discord.com/api` when unset); lets tests point the bot at a stand-in. */
  apiUrl?: string;
  /**
   * The operator's servers, where /reload (and other library changes) are accepted: MODERATION_GUILD_IDS,
   * else DISCORD_GUILD_ID. Empty: accepted nowhere.
   */
  moderationGuildIds: string[];
  /** Seconds a member waits between two answering commands or posting buttons (COOLDOWN_SECONDS). */
  cooldownMs: number;
  /** Seconds between two /reloads, for the whole bot (RELOAD_COOLDOWN_SECONDS). */
  reloadCooldownMs: number;
  /** Longest a library build may take before its builder is stopped (RELOAD_TIMEOUT_SECONDS). */
  buildTimeoutMs: number;
  /** Port of the optional HTTP endpoint with /healthz and /metrics (HTTP_PORT); unset: none. */
  httpPort?: number;
  /** Address the HTTP endpoint listens on (HTTP_HOST, default 127.0.0.1). */
  httpHost: string;
}

export const DEFAULT_COOLDOWN_SECONDS = 3;
export const DEFAULT_RELOAD_COOLDOWN_SECONDS = 10;
export const DEFAULT_RELOAD_TIMEOUT_SECONDS = 600;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export interface LoadConfigOptions {
  /** Default true: the bot cannot run without a token. */
  requireToken?: boolean;
}

const SNOWFLAKE = /^\d{17,20}$/;

/** An empty `KEY=` line in `.env` means "not set", not "set to nothing". */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const snowflake = (variable: string) =>
  z.string().regex(SNOWFLAKE, `${variable} must be a Discord id (17 to 20 digits), e.g. 123456789012345678`);

/**
 * Checks the environment and returns the config, or one message per bad variable.
 * Pure: pass `process.env` after `readDotEnv()`, or a plain object in tests.
 */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): ConfigResult {
  const errors: string[] = [];
  const requireToken = options.requireToken ?? true;

  const token = present(env.DISCORD_TOKEN);
  if (token === undefined) {
    if (requireToken)
      errors.push('DISCORD_TOKEN is missing: set it to your bot token (Developer Portal → Bot → Reset Token) in .env or the environment');
  } else if (/\s/.test(token) || token.length < 20) {
    // Say what is wrong with it without repeating any of it.
    errors.push(
      'DISCORD_TOKEN does not look like a bot token (it is too short or contains spaces): copy it again from the Developer Portal',
    );
  }

  const check = <T>(variable: string, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    errors.push(parsed.error.issues[0]?.message ?? `${variable} is not valid`);
    return undefined;
  };

  const applicationIdRaw = present(env.DISCORD_APPLICATION_ID) ?? present(env.DISCORD_CLIENT_ID);
  const applicationVariable = present(env.DISCORD_APPLICATION_ID) ? 'DISCORD_APPLICATION_ID' : 'DISCORD_CLIENT_ID';
  const applicationId =
    applicationIdRaw === undefined ? undefined : check(applicationVariable, snowflake(applicationVariable), applicationIdRaw);

  const guildIdRaw = present(env.DISCORD_GUILD_ID);
  const guildId = guildIdRaw === undefined ? undefined : check('DISCORD_GUILD_ID', snowflake('DISCORD_GUILD_ID'), guildIdRaw);

  const corpusDir = present(env.CORPUS_DIR) ?? 'corpus';

  const roleList = present(env.MODERATOR_ROLE_IDS);
  const moderatorRoleIds =
    roleList === undefined
      ? []
      : (check(
          'MODERATOR_ROLE_IDS',
          z.array(
            z
              .string()
              .regex(SNOWFLAKE, 'MODERATOR_ROLE_IDS must be role ids separated by commas, e.g. 123456789012345678,234567890123456789'),
          ),
          roleList
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part.length > 0),
        ) ?? []);

  const logLevel =
    check(
      'LOG_LEVEL',
      z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
      present(env.LOG_LEVEL)?.toLowerCase() ?? 'info',
    ) ?? 'info';

  const apiUrlRaw = present(env.DISCORD_API_URL);
  const apiUrl =
    apiUrlRaw === undefined
      ? undefined
      : check(
          'DISCORD_API_URL',
          z
            .string()
            .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
              message: 'DISCORD_API_URL must be an http(s) URL, e.g. http://127.0.0.1:8080/api',
            })
            .transform((value) => value.replace(/\/+$/, '')),
          apiUrlRaw,
        );

  const idList = (variable: string): string[] => {
    const list = present(env[variable]);
    if (list === undefined) return [];
    return (
      check(
        variable,
        z.array(
          z.string().regex(SNOWFLAKE, `${variable} must be server ids separated by commas, e.g. 123456789012345678,234567890123456789`),
        ),
        list
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part.length > 0),
      ) ?? []
    );
  };
  const moderationGuildList = idList('MODERATION_GUILD_IDS');
  const moderationGuildIds = moderationGuildList.length > 0 ? moderationGuildList : guildId !== undefined ? [guildId] : [];

  const seconds = (variable: string, fallback: number, { min, max }: { min: number; max: number }): number => {
    const raw = present(env[variable]);
    if (raw === undefined) return fallback * 1000;
    const value = check(
      variable,
      z.coerce
        .number({ error: `${variable} must be a number of seconds` })
        .min(min, `${variable} must be at least ${min}`)
        .max(max, `${variable} must be at most ${max}`),
      raw,
    );
    return Math.round((value ?? fallback) * 1000);
  };
  const cooldownMs = seconds('COOLDOWN_SECONDS', DEFAULT_COOLDOWN_SECONDS, { min: 0, max: 3600 });
  const reloadCooldownMs = seconds('RELOAD_COOLDOWN_SECONDS', DEFAULT_RELOAD_COOLDOWN_SECONDS, { min: 0, max: 86_400 });
  // A /reload's reply can be edited for 15 minutes: a build allowed longer could never be reported.
  const buildTimeoutMs = seconds('RELOAD_TIMEOUT_SECONDS', DEFAULT_RELOAD_TIMEOUT_SECONDS, { min: 1, max: 840 });

  const portRaw = present(env.HTTP_PORT);
  const httpPort =
    portRaw === undefined
      ? undefined
      : check(
          'HTTP_PORT',
          z.coerce
            .number()
            .int()
            .min(1, 'HTTP_PORT must be a port number, 1 to 65535')
            .max(65535, 'HTTP_PORT must be a port number, 1 to 65535'),
          portRaw,
        );
  const httpHost = present(env.HTTP_HOST) ?? '127.0.0.1';

  if (errors.length > 0) return { ok: false, errors };
  const config: Config = {
    corpusDir,
    moderatorRoleIds,
    logLevel,
    moderationGuildIds,
    cooldownMs,
    reloadCooldownMs,
    buildTimeoutMs,
    httpHost,
  };
  if (httpPort !== undefined) config.httpPort = httpPort;
  if (token !== undefined) config.token = token;
  if (applicationId !== undefined) config.applicationId = applicationId;
  if (guildId !== undefined) config.guildId = guildId;
  if (apiUrl !== undefined) config.apiUrl = apiUrl;
  return { ok: true, config };
}

/** Merges `.env` (if any) into `process.env` without overriding what the shell set, and returns it. */
export function readDotEnv(path?: string): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true, ...(path ? { path } : {}) });
  return process.env;
}

/** The one message `main` prints before exiting when the config is bad. */
export function formatConfigErrors(errors: string[]): string {
  return `citebot cannot start, fix these settings (see .env.example):\n${errors.map((error) => `  - ${error}`).join('\n')}`;
}
