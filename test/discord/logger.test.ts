import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets: [TOKEN], write: (line) => lines.push(line), now: () => new Date('2025-06-24T10:00:00Z') });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON object per line with level, time, msg and fields', () => {
    const { logger, parsed } = capture();
    logger.info('interaction', { command: 'ask', guild: '1', latencyMs: 12, result: 'answered:3' });
    expect(parsed()).toEqual([
      {
        level: 'info',
        time: '2025-06-24T10:00:00.000Z',
        msg: 'interaction',
        command: 'ask',
        guild: '1',
        latencyMs: 12,
        result: 'answered:3',
      },
    ]);
  });

  it('honours LOG_LEVEL', () => {
    const { logger, parsed } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(parsed().map((line) => line.msg)).toEqual(['c', 'd']);
  });

  it('keeps an error’s message and stack', () => {
    const { logger, parsed } = capture();
    logger.error('failed', { error: new Error('boom') });
    const error = parsed()[0]!.error as { message: string; stack: string };
    expect(error.message).toBe('boom');
    expect(error.stack).toContain('logger.test.ts');
  });

  it('redacts the token wherever it appears: message, fields, stack', () => {
    const { logger, lines } = capture();
    const error = new Error(`login failed with ${TOKEN}`);
    logger.error(`token ${TOKEN}`, { error, detail: { nested: [`Bot ${TOKEN}`] } });
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('[redacted]');
  });

  it('redacts the token in an error’s cause, its code, bound fields, keys and values that are not strings', () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error(`gateway said ${TOKEN}`), { code: `E_${TOKEN}` });
    const error = new Error('login failed', { cause });
    const circular: Record<string, unknown> = { token: TOKEN };
    circular.self = circular;
    logger.child({ session: `Bot ${TOKEN}` }).error('failed', { error, circular, [TOKEN]: 1, list: [[{ deep: TOKEN }]] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    // Redacted, not dropped: what happened is still in the line.
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'failed',
      session: 'Bot [redacted]',
      error: { message: 'login failed', cause: { message: 'gateway said [redacted]', code: 'E_[redacted]' } },
      circular: { token: '[redacted]', self: '[circular]' },
      list: [[{ deep: '[redacted]' }]],
    });
  });

  it('redacts anything shaped like a bot token even when not told about it', () => {
    const { logger, lines } = capture();
    const other = 'OTg3NjU0MzIxMDk4NzY1NDMy.Gh1jK2.zyxwvutsrqponmlkjihgfedcba9876543210';
    logger.warn(`saw ${other}`);
    expect(lines[0]).not.toContain(other);
  });

  it('adds bound fields with child()', () => {
    const { logger, parsed } = capture();
    logger.child({ command: 'reload' }).info('x', { result: 'ok' });
    expect(parsed()[0]).toMatchObject({ command: 'reload', result: 'ok' });
  });

  describe('by default', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('writes to stdout, one line per entry, at info and above', () => {
      const written: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      const logger = createLogger({ secrets: [TOKEN] });
      logger.debug('not shown');
      logger.info('ready', { guilds: 2, token: TOKEN });
      vi.restoreAllMocks();
      expect(written).toHaveLength(1);
      expect(written[0]!.endsWith('}\n')).toBe(true);
      expect(JSON.parse(written[0]!)).toMatchObject({ level: 'info', msg: 'ready', guilds: 2, token: '[redacted]' });
      expect(typeof JSON.parse(written[0]!).time).toBe('string');
    });
  });
});
