// /help: what each command does, privately.
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { renderHelp } from '../src/discord/renderNotices.ts';
import { toReplyOptions } from '../src/discord/replyPayload.ts';
import { commandText, readOnlyCommand } from './sharedOptions.ts';

export const helpData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('help'),
  ...readOnlyCommand,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const help: SlashCommand = {
  data: helpData,
  answers: false,
  execute: async (interaction, context) => {
    await interaction.reply(toReplyOptions(renderHelp(interaction.locale, context.store.current)));
    return 'help';
  },
};
