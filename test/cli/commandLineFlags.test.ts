// Every script reads its flags strictly: a typo is an error that names the flag (and the one meant),
// never silently ignored; programs with a free command line read flags only in front of it.
import { describe, expect, it } from 'vitest';
import { readFlags, splitFlagsFromWords } from '../../src/commandLineFlags.ts';

const DEPLOY = { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const ASK = { json: { type: 'boolean' }, batch: { type: 'boolean' }, corpus: { type: 'string' } } as const;

describe('readFlags', () => {
  it('reads the known flags', () => {
    const read = readFlags({ args: ['--dry-run'], options: DEPLOY });
    expect(read).toMatchObject({ ok: true, flags: { values: { 'dry-run': true } } });
  });

  it('refuses a misspelt flag and suggests the one meant', () => {
    expect(readFlags({ args: ['--dryrun'], options: DEPLOY })).toEqual({
      ok: false,
      error: 'unknown flag --dryrun (did you mean --dry-run?)',
    });
    expect(readFlags({ args: ['--corpuss', 'x'], options: ASK })).toEqual({
      ok: false,
      error: 'unknown flag --corpuss (did you mean --corpus?)',
    });
    expect(readFlags({ args: ['--verbose'], options: DEPLOY })).toEqual({ ok: false, error: 'unknown flag --verbose' });
  });

  it('refuses a stray word, a missing value and a value given to a switch', () => {
    expect(readFlags({ args: ['now'], options: DEPLOY })).toEqual({ ok: false, error: 'unexpected argument "now"' });
    expect(readFlags({ args: ['--corpus'], options: ASK })).toEqual({ ok: false, error: '--corpus needs a value' });
    expect(readFlags({ args: ['--json=yes'], options: ASK })).toEqual({ ok: false, error: '--json takes no value' });
  });
});

describe('splitFlagsFromWords', () => {
  it('ends the flags at the first word, after the value of a flag that takes one', () => {
    expect(splitFlagsFromWords(['--json', '--corpus', 'dir', '/who-met', 'year:2025', '--batch'], ASK)).toEqual({
      flags: ['--json', '--corpus', 'dir'],
      words: ['/who-met', 'year:2025', '--batch'],
    });
  });

  it('ends them at -- too, which is dropped', () => {
    expect(splitFlagsFromWords(['--json', '--', '--weird'], ASK)).toEqual({ flags: ['--json'], words: ['--weird'] });
  });

  it('leaves an unknown flag among the flags, for the strict read to refuse', () => {
    expect(splitFlagsFromWords(['--jsn', '/sources'], ASK)).toEqual({ flags: ['--jsn'], words: ['/sources'] });
  });
});
