// A command's one definition (src/answers/commandSpecs/) as the JSON Discord registers. The keys come in
// the order Discord's own examples write them, so `deploy-commands --dry-run` reads the same as before
// the definitions moved (test/fixtures/commands/registered-commands.json holds that JSON).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandSpec, LocalizedText, OptionSpec, SubcommandSpec } from '../src/answers/commandSpecs/commandSpec.ts';
import { typedOptions } from '../src/answers/commandSpecs/commands.ts';

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
  attachment: ApplicationCommandOptionType.Attachment,
} as const satisfies Record<OptionSpec['type'], ApplicationCommandOptionType>;

/** `name`, `description` and their Vietnamese localizations. */
function texts(text: LocalizedText) {
  return {
    name: text.en.name,
    name_localizations: { [Locale.Vietnamese]: text.vi.name },
    description: text.en.description,
    description_localizations: { [Locale.Vietnamese]: text.vi.description },
  };
}

function discordOption(option: OptionSpec): APIApplicationCommandBasicOption {
  const choices = 'choices' in option && option.choices ? option.choices : undefined;
  return {
    type: OPTION_TYPES[option.type],
    ...texts(option.text),
    ...(option.required ? { required: true } : {}),
    ...(option.type === 'integer' ? { min_value: option.min, max_value: option.max } : {}),
    ...(option.type === 'string' ? { max_length: option.maxLength } : {}),
    ...(choices
      ? {
          choices: choices.map((choice) => ({
            name: choice.text.en,
            name_localizations: { [Locale.Vietnamese]: choice.text.vi },
            value: choice.value,
          })),
        }
      : {}),
    ...(option.autocomplete ? { autocomplete: true } : {}),
  } as APIApplicationCommandBasicOption;
}

function discordSubcommand(subcommand: SubcommandSpec): APIApplicationCommandSubcommandOption {
  const options = subcommand.options.map(discordOption);
  return { type: ApplicationCommandOptionType.Subcommand, ...texts(subcommand.text), ...(options.length > 0 ? { options } : {}) };
}

/** Everyone: in servers and in DMs with the bot. Moderators: servers only, shown to Manage Server by default. */
function access(spec: CommandSpec) {
  if (spec.access === 'everyone') {
    return {
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    };
  }
  return {
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    // A server admin can show the command to the moderator roles under Server Settings → Integrations;
    // its handler checks the member on every call (see the README).
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  };
}

/** The JSON Discord receives for the command when it is registered. */
export function discordCommand(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options = [...typedOptions(spec).map(discordOption), ...(spec.answers ? [] : (spec.subcommands ?? []).map(discordSubcommand))];
  return { type: ApplicationCommandType.ChatInput, ...texts(spec.text), ...access(spec), ...(options.length > 0 ? { options } : {}) };
}
