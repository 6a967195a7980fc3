import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/parseCommandLine.ts';

describe('parseCommandLine', () => {
  it('reads Discord-style name:value options with numbers coerced', () => {
    expect(parseCommandLine('/who-met year:2025 month:6')).toEqual({
      ok: true,
      question: { command: 'who-met', year: 2025, month: 6 },
    });
  });

  it('lets a value contain spaces up to the next option', () => {
    expect(parseCommandLine('/who-met person:Mark Rutte year:2025')).toEqual({
      ok: true,
      question: { command: 'who-met', person: 'Mark Rutte', year: 2025 },
    });
    expect(parseCommandLine('/ask question:hội nghị ở đâu')).toEqual({
      ok: true,
      question: { command: 'ask', question: 'hội nghị ở đâu' },
    });
  });

  it('accepts a bare question for /ask and a bare id for /cite', () => {
    expect(parseCommandLine('/ask ITPP là gì year:2023')).toEqual({
      ok: true,
      question: { command: 'ask', question: 'ITPP là gì', year: 2023 },
    });
    expect(parseCommandLine('/cite 001_03677d34c6a97d66#6')).toEqual({
      ok: true,
      question: { command: 'cite', id: '001_03677d34c6a97d66#6' },
    });
  });

  it('names an unknown command and lists the real ones', () => {
    const parsed = parseCommandLine('/whomet year:2025');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/unknown command "whomet".*\/who-met/);
  });

  it('names an unknown option and the options the command takes', () => {
    const parsed = parseCommandLine('/who-met colour:red');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/unknown option "colour".*year/);
  });

  it('refuses a year that is not a number', () => {
    const parsed = parseCommandLine('/who-met year:last');
    expect(parsed).toEqual({ ok: false, errors: ['year must be a number, e.g. 2025'] });
  });

  it('refuses an empty question and a 6,000-character one', () => {
    const empty = parseCommandLine('/ask question:   ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]).toMatch(/question is empty/);
    const long = parseCommandLine(`/ask question:${'hợp tác '.repeat(750)}`);
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors[0]).toMatch(/too long \(300 characters at most\)/);
  });

  it('drops zero-width characters before checking the text', () => {
    expect(parseCommandLine('/ask question:\u200B\u200B')).toMatchObject({ ok: false });
    expect(parseCommandLine('/who-met person:Rut\u200Bte')).toEqual({ ok: true, question: { command: 'who-met', person: 'Rutte' } });
  });

  it('refuses a value without an option name', () => {
    const parsed = parseCommandLine('/who-met 2025');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/no option name.*year:/);
  });
});
