// /library: moderators add, replace, remove and list the articles from Discord, and undo the last
// removal or replacement. Same rule as /reload (Manage Server or a MODERATOR_ROLE_IDS role),
// checked in code on every command, button and autocomplete (src/discord/libraryActions.ts).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { completeArticle } from '../src/answers/completeArticle.ts';
import { MAX_TERM_LENGTH } from '../src/answers/question.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { runLibraryCommand } from '../src/discord/libraryActions.ts';
import { libraryEn, type LibraryMessages } from '../src/locales/libraryEn.ts';
import { libraryVi } from '../src/locales/libraryVi.ts';

type Texts = { name: string; description: string };

function text(pick: (messages: LibraryMessages) => Texts) {
  return {
    name: pick(libraryEn).name,
    name_localizations: { [Locale.Vietnamese]: pick(libraryVi).name },
    description: pick(libraryEn).description,
    description_localizations: { [Locale.Vietnamese]: pick(libraryVi).description },
  };
}

export const libraryData = {
  type: ApplicationCommandType.ChatInput,
  ...text((t) => t.command),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...text((t) => t.subcommands.add),
      options: [{ type: ApplicationCommandOptionType.Attachment, ...text((t) => t.options.file), required: true }],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...text((t) => t.subcommands.remove),
      options: [
        { type: ApplicationCommandOptionType.String, ...text((t) => t.options.id), required: true, max_length: MAX_TERM_LENGTH, autocomplete: true },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, ...text((t) => t.subcommands.undo) },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...text((t) => t.subcommands.list),
      options: [{ type: ApplicationCommandOptionType.Integer, ...text((t) => t.options.page), min_value: 1, max_value: 9999 }],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const library: SlashCommand = {
  data: libraryData,
  answers: false,
  // The router refuses suggestions to members who may not use the command before calling this.
  moderatorsOnly: true,
  execute: (interaction, context) => runLibraryCommand(interaction, context),
  autocomplete: (current, focused) => (focused.name === 'id' ? completeArticle(current, focused.value) : []),
};
