// Option definitions used by more than one command, with their Vietnamese localizations.
// Names and descriptions come from the locale tables so they are translated in one place.
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  type APIApplicationCommandBooleanOption,
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandStringOption,
  type APIApplicationCommandUserOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUERY_LENGTH, MAX_TERM_LENGTH } from '../src/answers/question.ts';
import { en, type Messages } from '../src/locales/en.ts';
import { vi } from '../src/locales/vi.ts';

type OptionKey = keyof Messages['options'];
type CommandKey = keyof Messages['commands'];

/** `name`, `description` and their `vi` localizations for an option. */
export function optionText(key: OptionKey) {
  return {
    name: en.options[key].name,
    name_localizations: { [Locale.Vietnamese]: vi.options[key].name },
    description: en.options[key].description,
    description_localizations: { [Locale.Vietnamese]: vi.options[key].description },
  };
}

/** `name`, `description` and their `vi` localizations for a command. */
export function commandText(key: CommandKey) {
  return {
    name: en.commands[key].name,
    name_localizations: { [Locale.Vietnamese]: vi.commands[key].name },
    description: en.commands[key].description,
    description_localizations: { [Locale.Vietnamese]: vi.commands[key].description },
  };
}

/** Read-only commands work in servers and in the bot's DMs; the app is installed to servers. */
export const readOnlyCommand: Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, 'contexts' | 'integration_types'> & {
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

export const yearOption = {
  type: ApplicationCommandOptionType.Integer,
  ...optionText('year'),
  min_value: 1900,
  max_value: 2100,
  autocomplete: true,
} as const satisfies APIApplicationCommandIntegerOption;

export const monthOption = {
  type: ApplicationCommandOptionType.Integer,
  ...optionText('month'),
  min_value: 1,
  max_value: 12,
} as const satisfies APIApplicationCommandIntegerOption;

export const personOption = {
  type: ApplicationCommandOptionType.String,
  ...optionText('person'),
  max_length: MAX_TERM_LENGTH,
  autocomplete: true,
} as const satisfies APIApplicationCommandStringOption;

export const topicOption = {
  type: ApplicationCommandOptionType.String,
  ...optionText('topic'),
  max_length: MAX_TERM_LENGTH,
  autocomplete: true,
} as const satisfies APIApplicationCommandStringOption;

export const questionOption = {
  type: ApplicationCommandOptionType.String,
  ...optionText('question'),
  required: true,
  max_length: MAX_QUERY_LENGTH,
  autocomplete: true,
} as const satisfies APIApplicationCommandStringOption;

export const idOption = {
  type: ApplicationCommandOptionType.String,
  ...optionText('id'),
  required: true,
  max_length: MAX_TERM_LENGTH,
  autocomplete: true,
} as const satisfies APIApplicationCommandStringOption;

export const sentenceOption = {
  type: ApplicationCommandOptionType.Integer,
  ...optionText('sentence'),
  min_value: 1,
  max_value: 999,
} as const satisfies APIApplicationCommandIntegerOption;

export const hideOption = {
  type: ApplicationCommandOptionType.Boolean,
  ...optionText('hide'),
} as const satisfies APIApplicationCommandBooleanOption;

export const mentionOption = {
  type: ApplicationCommandOptionType.User,
  ...optionText('mention'),
} as const satisfies APIApplicationCommandUserOption;
