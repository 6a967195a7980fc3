// Each command is defined once (src/answers/commandSpecs/); the Discord JSON, the question schema, the
// command-line reader and the button state are derived from that definition and must agree with it.
import { readFileSync } from 'node:fs';
import { ApplicationCommandOptionType, Locale, type APIApplicationCommandBasicOption } from 'discord.js';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { readCommandLine } from '../../src/answers/commandSpecs/commandLine.ts';
import type { AnsweringCommandSpec, CommandSpec, QuestionOptionSpec } from '../../src/answers/commandSpecs/commandSpec.ts';
import { ANSWERING_SPECS, BUTTON_CODES, COMMAND_SPECS, questionOptionNames, whoMetSpec } from '../../src/answers/commandSpecs/commands.ts';
import type { Library } from '../../src/library/library.ts';
import { buildQuestionSchema, parseQuestion, type Question } from '../../src/answers/question.ts';
import {
  BUTTON_OPTION_ORDER,
  decodeButtonState,
  encodeButtonState,
  type ButtonOptions,
  type ButtonState,
} from '../../src/discord/customIds.ts';
import type { CommandName } from '../../src/answers/answer.ts';
import { discordCommand } from '../../commands/discordCommand.ts';

// The definitions are plain data; the engines behind the handlers are not needed to check them.
vi.mock('../../src/answers/answerQuestion.ts', () => ({ answerQuestion: vi.fn() }));

const { commandDefinitions, commands } = await import('../../commands/index.ts');
const { answeringCommand } = await import('../../commands/answeringCommand.ts');

const OWNER = '987654321098765432';

/** A value each option accepts: its upper limit, or a word for text. */
function sampleValue(option: QuestionOptionSpec): string | number {
  if (option.choices) return option.choices[0]!.value;
  return option.type === 'integer' ? option.max : 'Rutte';
}

function ownDiscordOptions(spec: CommandSpec): APIApplicationCommandBasicOption[] {
  const options = (discordCommand(spec).options ?? []) as APIApplicationCommandBasicOption[];
  return options.filter((option) => option.name !== 'hide' && option.name !== 'mention');
}

/** The four derived forms, for a list of definitions, reduced to what they say about one command's options. */
function derivedForms(specs: readonly CommandSpec[], spec: AnsweringCommandSpec) {
  const schema = buildQuestionSchema(specs);
  const member = schema.options.find((candidate) => candidate.shape.command.value === spec.name)!;
  const line = `/${spec.name} ${spec.options.map((option) => `${option.name}:${sampleValue(option)}`).join(' ')}`;
  const read = readCommandLine(line, specs);
  return {
    discord: ownDiscordOptions(spec).map((option) => option.name),
    schema: Object.keys(member.shape).filter((key) => key !== 'command'),
    commandLine: read.ok ? read.typed.map((typed) => typed.option.name) : read.errors,
    buttons: questionOptionNames(specs)[spec.name],
  };
}

describe('one definition per command', () => {
  it('derives the JSON Discord registers, byte for byte as it was before the definitions moved', () => {
    const before = readFileSync(new URL('../fixtures/commands/registered-commands.json', import.meta.url), 'utf8');
    expect(`${JSON.stringify(commandDefinitions, null, 2)}\n`).toBe(before);
  });

  it('registers exactly the defined commands, in their order', () => {
    expect(commandDefinitions.map((data) => data.name)).toEqual(COMMAND_SPECS.map((spec) => spec.name));
    expect(ANSWERING_SPECS.map((spec) => spec.name)).toEqual(['who-met', 'agreements', 'ask', 'sources', 'cite']);
  });

  it.each(ANSWERING_SPECS.map((spec) => [spec.name, spec as AnsweringCommandSpec] as const))(
    '/%s: the four derived forms list the same options',
    (_, spec) => {
      const names = spec.options.map((option) => option.name);
      expect(derivedForms(COMMAND_SPECS, spec)).toEqual({ discord: names, schema: names, commandLine: names, buttons: names });
      expect(BUTTON_OPTION_ORDER[spec.name as CommandName]).toEqual(names);
    },
  );

  it.each(ANSWERING_SPECS.map((spec) => [spec.name, spec as AnsweringCommandSpec] as const))(
    '/%s: Discord and the question check the same limits',
    (_, spec) => {
      for (const option of spec.options) {
        const registered = ownDiscordOptions(spec).find((entry) => entry.name === option.name)!;
        const ask = (value: unknown) =>
          parseQuestion({
            command: spec.name,
            ...Object.fromEntries(spec.options.filter((o) => o.required).map((o) => [o.name, sampleValue(o)])),
            [option.name]: value,
          });
        if (option.type === 'integer') {
          expect(registered).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: option.min, max_value: option.max });
          expect([ask(option.min).ok, ask(option.max).ok, ask(option.min - 1).ok, ask(option.max + 1).ok]).toEqual([
            true,
            true,
            false,
            false,
          ]);
        } else {
          expect(registered).toMatchObject({ type: ApplicationCommandOptionType.String, max_length: option.maxLength });
          expect([ask('a'.repeat(option.maxLength)).ok, ask('a'.repeat(option.maxLength + 1)).ok]).toEqual([true, false]);
        }
        expect('required' in registered && registered.required === true).toBe(option.required === true);
        if (option.required) expect(parseQuestion({ command: spec.name }).ok).toBe(false);
      }
    },
  );

  it.each(ANSWERING_SPECS.map((spec) => [spec.name, spec as AnsweringCommandSpec] as const))(
    '/%s: the command line takes the Vietnamese names Discord registers',
    (_, spec) => {
      const data = discordCommand(spec);
      const options = ownDiscordOptions(spec);
      const line = `/${data.name_localizations![Locale.Vietnamese]} ${options.map((option, i) => `${option.name_localizations![Locale.Vietnamese]}:${sampleValue(spec.options[i]!)}`).join(' ')}`;
      const read = readCommandLine(line, COMMAND_SPECS);
      expect(read.ok && read.spec.name).toBe(spec.name);
      expect(read.ok && read.typed.map((typed) => [typed.option.name, typed.text])).toEqual(
        spec.options.map((option) => [option.name, String(sampleValue(option))]),
      );
    },
  );

  it.each(ANSWERING_SPECS.map((spec) => [spec.name, spec as AnsweringCommandSpec] as const))(
    '/%s: a button carries every option of the definition and reads it back',
    (_, spec) => {
      const options = Object.fromEntries(spec.options.map((option) => [option.name, sampleValue(option)])) as ButtonOptions;
      const state: ButtonState = {
        action: 'page',
        command: spec.name as CommandName,
        page: 1,
        ownerId: OWNER,
        hidden: false,
        shared: false,
        options,
      } as const;
      const encoded = encodeButtonState(state)!;
      expect(encoded.withOptions).toBe(true);
      expect(decodeButtonState(encoded.customId)).toEqual({ ok: true, state });
    },
  );

  it('shows an option added to the definition in all four derived forms, with its limits and choices', () => {
    const place = {
      name: 'place',
      text: { en: { name: 'place', description: 'Where it happened' }, vi: { name: 'nơi', description: 'Nơi diễn ra' } },
      type: 'string',
      maxLength: 20,
      choices: [
        { value: 'Seoul', text: { en: 'Seoul', vi: 'Seoul' } },
        { value: 'The Hague', text: { en: 'The Hague', vi: 'La Hay' } },
      ],
    } as const satisfies QuestionOptionSpec;
    const grown = { ...whoMetSpec, options: [...whoMetSpec.options, place] } satisfies AnsweringCommandSpec;
    const specs = COMMAND_SPECS.map((spec) => (spec.name === 'who-met' ? grown : spec));

    expect(derivedForms(specs, grown)).toEqual({
      discord: ['year', 'month', 'person', 'place'],
      schema: ['year', 'month', 'person', 'place'],
      commandLine: ['year', 'month', 'person', 'place'],
      buttons: ['year', 'month', 'person', 'place'],
    });
    // Before `hide` and `mention`, with its Vietnamese texts and choices.
    expect(discordCommand(grown).options!.map((option) => option.name)).toEqual(['year', 'month', 'person', 'place', 'hide', 'mention']);
    expect(discordCommand(grown).options![3]).toEqual({
      type: ApplicationCommandOptionType.String,
      name: 'place',
      name_localizations: { vi: 'nơi' },
      description: 'Where it happened',
      description_localizations: { vi: 'Nơi diễn ra' },
      max_length: 20,
      choices: [
        { name: 'Seoul', name_localizations: { vi: 'Seoul' }, value: 'Seoul' },
        { name: 'The Hague', name_localizations: { vi: 'La Hay' }, value: 'The Hague' },
      ],
    });
    const schema = buildQuestionSchema(specs);
    expect(schema.safeParse({ command: 'who-met', place: 'The Hague' })).toMatchObject({
      success: true,
      data: { command: 'who-met', place: 'The Hague' },
    });
    expect(schema.safeParse({ command: 'who-met', place: 'Paris' }).error?.issues[0]?.message).toBe(
      'place must be one of Seoul, The Hague',
    );
    // The schema of today's definitions does not know it.
    expect(buildQuestionSchema(COMMAND_SPECS).safeParse({ command: 'who-met', place: 'Seoul' }).success).toBe(false);
    const read = readCommandLine('/ai-gặp-ai nơi:The Hague năm:2025', specs);
    expect(read.ok && read.typed.map((typed) => [typed.option.name, typed.text])).toEqual([
      ['place', 'The Hague'],
      ['year', '2025'],
    ]);
  });

  it('names each command in a button by the letter its definition gives, the letters posted buttons already carry', () => {
    // Buttons already posted in channels carry these letters: changing one would break them.
    expect(BUTTON_CODES).toEqual({ 'who-met': 'w', agreements: 'g', ask: 'a', sources: 's', cite: 'c' });
    for (const spec of ANSWERING_SPECS) {
      const state = { action: 'page', command: spec.name, page: 2, ownerId: OWNER, hidden: true, shared: false } as const;
      const encoded = encodeButtonState(state)!;
      expect(encoded.customId.startsWith(`p:["${spec.buttonCode}",`)).toBe(true);
      expect(decodeButtonState(encoded.customId)).toEqual({ ok: true, state });
    }
  });

  it('suggests values for exactly the options the definition marks autocomplete, each from its own completer', () => {
    const year = vi.fn(() => [{ name: '2025', value: 2025 }]);
    const person = vi.fn(() => [{ name: 'Mark Rutte', value: 'Mark Rutte' }]);
    const command = answeringCommand(whoMetSpec, { year, person });
    const library = {} as Library;
    expect(command.autocomplete!(library, { name: 'person', value: 'Rut' })).toEqual([{ name: 'Mark Rutte', value: 'Mark Rutte' }]);
    expect(person).toHaveBeenCalledWith(library, 'Rut');
    expect(command.autocomplete!(library, { name: 'month', value: '6' })).toEqual([]);
    expect(year).not.toHaveBeenCalled();
    // Discord is told to ask for suggestions on those options, and only those.
    const asked = (command.data.options as { name: string; autocomplete?: boolean }[]).filter((option) => option.autocomplete);
    expect(asked.map((option) => option.name)).toEqual(['year', 'person']);
    // A command with no such option registers no handler at all.
    expect(commands.find((candidate) => candidate.data.name === 'sources')!.autocomplete).toBeUndefined();
  });

  it('types a question from the definitions', () => {
    expectTypeOf<Question>().toEqualTypeOf<
      | { command: 'who-met'; year?: number; month?: number; person?: string }
      | { command: 'agreements'; year?: number; topic?: string }
      | { command: 'ask'; question: string; year?: number }
      | { command: 'sources' }
      | { command: 'cite'; id: string; sentence?: number }
    >();
  });
});
