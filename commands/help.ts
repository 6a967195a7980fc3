// /help: what each command does, privately.
import { helpSpec } from '../src/answers/commandSpecs/commands.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { renderHelp } from '../src/discord/renderNotices.ts';
import { toReplyOptions } from '../src/discord/replyPayload.ts';
import { discordCommand } from './discordCommand.ts';

export const help: SlashCommand = {
  data: discordCommand(helpSpec),
  answers: false,
  execute: async (interaction, context) => {
    await interaction.reply(toReplyOptions(renderHelp(interaction.locale, context.store.current)));
    return 'help';
  },
};
