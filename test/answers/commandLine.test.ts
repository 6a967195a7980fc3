// The one command-line reader the CLI and the playground share (src/answers/commandSpecs/commandLine.ts).
import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../src/answers/commandSpecs/commandLine.ts';
import { ANSWERING_SPECS, COMMAND_SPECS } from '../../src/answers/commandSpecs/commands.ts';

function typed(line: string, options: { replyOptions?: boolean } = {}) {
  const read = readCommandLine(line, COMMAND_SPECS, options);
  return read.ok ? { command: read.spec.name, typed: read.typed.map(({ option, text }) => [option.name, text]) } : read;
}

describe('readCommandLine', () => {
  it('reads English and Vietnamese names alike, in any case, and gives the English ones back', () => {
    expect(typed('/AI-GẶP-AI Người:Mark Rutte năm:2025')).toEqual({
      command: 'who-met',
      typed: [
        ['person', 'Mark Rutte'],
        ['year', '2025'],
      ],
    });
    expect(typed('/hỏi câu-hỏi:ai gặp ai')).toEqual({ command: 'ask', typed: [['question', 'ai gặp ai']] });
  });

  it('reads hide and mention only when asked to (a question does not take them)', () => {
    expect(typed('/ask question:NATO hide:true mention:@lan', { replyOptions: true })).toEqual({
      command: 'ask',
      typed: [
        ['question', 'NATO'],
        ['hide', 'true'],
        ['mention', '@lan'],
      ],
    });
    expect(typed('/ask question:NATO hide:true')).toEqual({ command: 'ask', typed: [['question', 'NATO hide:true']] });
  });

  it('fills the first required text option with a bare text', () => {
    expect(typed('/cite 001_03677d34c6a97d66#6 câu:2')).toEqual({
      command: 'cite',
      typed: [
        ['id', '001_03677d34c6a97d66#6'],
        ['sentence', '2'],
      ],
    });
    expect(typed('/who-met Rutte')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/"Rutte" has no option name.*\[person:\]/)],
    });
  });

  it('hands an unknown command back by name, so each front end says so its own way', () => {
    expect(readCommandLine('/nope year:2025', COMMAND_SPECS)).toEqual({ ok: false, errors: [], unknownCommand: 'nope' });
    expect(readCommandLine('/help', ANSWERING_SPECS)).toEqual({ ok: false, errors: [], unknownCommand: 'help' });
  });

  it('says every mistake of a line: an unknown option, an option given twice', () => {
    expect(typed('/agreements colour:red')).toEqual({ ok: false, errors: ['unknown option "colour": /agreements takes [year:] [topic:]'] });
    expect(typed('/who-met year:2023 năm:2024 year:2025')).toEqual({
      ok: false,
      errors: ['option "year" is given twice', 'option "year" is given twice'],
    });
    expect(typed('/sources everything')).toMatchObject({ ok: false, errors: [expect.stringContaining('/sources takes no options')] });
    expect(typed('/')).toEqual({ ok: false, errors: ['expected a command such as /who-met year:2025, got "/"'] });
  });
});
