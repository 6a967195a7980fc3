import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands, commandDefinitions } from '../../commands/index.ts';

// Discord's rule for command and option names (https://discord.com/developers/docs/interactions/application-commands).
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function expectName(name: string | null | undefined): void {
  expect(name).toBeTruthy();
  expect(name).toMatch(NAME);
  expect(name).toBe(name!.toLowerCase());
  expect(name).toBe(name!.normalize('NFC'));
}

function expectDescription(description: string | null | undefined): void {
  expect(description?.length ?? 0).toBeGreaterThan(0);
  expect(description!.length).toBeLessThanOrEqual(100);
}

const answering = commands.filter((command) => command.answers);
const byName = new Map(commands.map((command) => [command.data.name, command]));

function option(commandName: string, optionName: string): APIApplicationCommandOption {
  const found = byName.get(commandName)?.data.options?.find((entry) => entry.name === optionName);
  if (!found) throw new Error(`/${commandName} has no option ${optionName}`);
  return found;
}

describe('command definitions', () => {
  it('registers the eight commands, each once', () => {
    expect(commands.map((command) => command.data.name)).toEqual([
      'who-met',
      'agreements',
      'ask',
      'sources',
      'cite',
      'reload',
      'library',
      'help',
    ]);
  });

  it.each(commands.map((command) => [command.data.name, command.data] as const))(
    '/%s has valid names and descriptions in English and Vietnamese',
    (_, data) => {
      expectName(data.name);
      expectName(data.name_localizations?.[Locale.Vietnamese]);
      expectDescription(data.description);
      expectDescription(data.description_localizations?.[Locale.Vietnamese]);
      const options = data.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      for (const entry of options) {
        expectName(entry.name);
        expectName(entry.name_localizations?.[Locale.Vietnamese]);
        expectDescription(entry.description);
        expectDescription(entry.description_localizations?.[Locale.Vietnamese]);
      }
      for (const names of [options.map((entry) => entry.name), options.map((entry) => entry.name_localizations?.[Locale.Vietnamese])]) {
        expect(new Set(names).size).toBe(names.length);
      }
      // Required options must come before optional ones.
      const required = options.map((entry) => ('required' in entry && entry.required) === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      // Discord counts names, descriptions and values together, at most 4,000 characters.
      expect(JSON.stringify(data).length).toBeLessThan(4000);
    },
  );

  it('gives Vietnamese command names that differ from each other', () => {
    const names = commandDefinitions.map((data) => data.name_localizations?.[Locale.Vietnamese]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lets read-only commands run in servers and in DMs with the bot, installed to servers', () => {
    for (const command of commands.filter((entry) => entry.data.name !== 'reload' && entry.data.name !== 'library')) {
      expect(command.data.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM]);
      expect(command.data.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(command.data.default_member_permissions).toBeUndefined();
    }
  });

  it('keeps /reload to servers and, by default, to members who can Manage Server', () => {
    const reload = byName.get('reload')!.data;
    expect(reload.contexts).toEqual([InteractionContextType.Guild]);
    expect(reload.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
    expect(reload.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(byName.get('reload')!.answers).toBe(false);
  });

  it('keeps /library to servers and, by default, to members who can Manage Server, with its four subcommands', () => {
    const library = byName.get('library')!.data;
    expect(library.contexts).toEqual([InteractionContextType.Guild]);
    expect(library.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(byName.get('library')!.answers).toBe(false);
    const subcommands = library.options ?? [];
    expect(subcommands.map((entry) => [entry.type, entry.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'add'],
      [ApplicationCommandOptionType.Subcommand, 'remove'],
      [ApplicationCommandOptionType.Subcommand, 'undo'],
      [ApplicationCommandOptionType.Subcommand, 'list'],
    ]);
    for (const subcommand of subcommands) {
      expectName(subcommand.name_localizations?.[Locale.Vietnamese]);
      for (const entry of 'options' in subcommand ? (subcommand.options ?? []) : []) {
        expectName(entry.name);
        expectName(entry.name_localizations?.[Locale.Vietnamese]);
        expectDescription(entry.description);
        expectDescription(entry.description_localizations?.[Locale.Vietnamese]);
      }
    }
    expect(subcommands[0]).toMatchObject({ options: [{ type: ApplicationCommandOptionType.Attachment, name: 'file', required: true }] });
    expect(subcommands[1]).toMatchObject({
      options: [{ type: ApplicationCommandOptionType.String, name: 'id', required: true, autocomplete: true }],
    });
  });

  it.each(answering.map((command) => [command.data.name]))('/%s has `hide` (boolean) and `mention` (user)', (name) => {
    expect(option(name, 'hide').type).toBe(ApplicationCommandOptionType.Boolean);
    expect(option(name, 'mention').type).toBe(ApplicationCommandOptionType.User);
  });

  it('marks every command that answers from the library as answering', () => {
    expect(answering.map((command) => command.data.name)).toEqual(['who-met', 'agreements', 'ask', 'sources', 'cite']);
  });

  it('shapes the options as the questions expect', () => {
    expect(option('ask', 'question')).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: 300,
      autocomplete: true,
    });
    expect(option('ask', 'year')).toMatchObject({ type: ApplicationCommandOptionType.Integer, autocomplete: true });
    expect(option('who-met', 'month')).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 12 });
    expect(option('who-met', 'person')).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true, max_length: 100 });
    expect(option('agreements', 'topic')).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true, max_length: 100 });
    expect(option('cite', 'id')).toMatchObject({ type: ApplicationCommandOptionType.String, required: true, autocomplete: true });
  });

  it('offers autocomplete handlers for every option that asks for it', () => {
    for (const command of commands) {
      const options = (command.data.options ?? []).flatMap((entry) =>
        entry.type === ApplicationCommandOptionType.Subcommand ? (entry.options ?? []) : [entry as APIApplicationCommandOption],
      );
      const wantsAutocomplete = options.some((entry) => 'autocomplete' in entry && entry.autocomplete);
      expect(typeof command.autocomplete === 'function').toBe(wantsAutocomplete);
    }
  });
});
