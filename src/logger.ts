// Structured logs: one JSON object per line on stdout, written by pino, so a host can grep and ship them.
// Secrets (the bot token) are cut out of the final line, whatever field or stack they hid in.
import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.ts';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Strings that must never be written (the token); replaced by `[redacted]`. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stdout by default. */
  write?: (line: string) => void;
  now?: () => Date;
}

export const REDACTED = '[redacted]';
// Anything shaped like a Discord bot token (id.timestamp.hmac), in case one we were not told about shows up.
const TOKEN_SHAPE = /[A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6,7}\.[A-Za-z\d_-]{27,}/g;

/** Errors do not survive JSON.stringify (pino's own serialiser looks only at `err`); keep their name, message, code and stack wherever they are. */
function serialise(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out.code = code;
    if (value.stack) out.stack = value.stack;
    if (value.cause !== undefined) out.cause = serialise(value.cause, seen);
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value && typeof value === 'object') {
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => serialise(item, seen));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = serialise(item, seen);
    return out;
  }
  return value;
}

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(TOKEN_SHAPE, REDACTED);
}

// When whatever reads our stdout goes away (a closed pipe), a write fails with EPIPE, possibly as an
// 'error' event. Losing log lines then is better than an error handler that logs, fails again, and spins.
let stdoutBroken = false;
process.stdout.on('error', () => {
  stdoutBroken = true;
});
function writeToStdout(line: string): void {
  if (stdoutBroken) return;
  try {
    process.stdout.write(`${line}\n`);
  } catch {
    stdoutBroken = true;
  }
}

/**
 * pino writes the line; we only choose its shape (`level` as a word, `time` as ISO text, no pid or
 * hostname) and pass every finished line through `redact` before it leaves, so a secret is cut out
 * whatever field, nested object or error message it hid in.
 */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const secrets = options.secrets ?? [];
  const write = options.write ?? writeToStdout;
  const now = options.now ?? (() => new Date());
  const destination = {
    write: (line: string) => write(redact(line.endsWith('\n') ? line.slice(0, -1) : line, secrets)),
  };
  const pinoLogger = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return boundLogger(pinoLogger, bound);
}

function boundLogger(pinoLogger: PinoLogger, bound: LogFields): Logger {
  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (!pinoLogger.isLevelEnabled(level)) return;
    let serialised: LogFields;
    try {
      serialised = serialise({ ...bound, ...fields }) as LogFields;
    } catch {
      serialised = { logError: 'fields could not be serialised' };
    }
    pinoLogger[level](serialised, msg);
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => boundLogger(pinoLogger, { ...bound, ...fields }),
  };
}
