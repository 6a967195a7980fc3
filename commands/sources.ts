// /sources: the articles the bot answers from.
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { commandText, hideOption, mentionOption, readOnlyCommand } from './sharedOptions.ts';

export const sourcesData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('sources'),
  ...readOnlyCommand,
  options: [hideOption, mentionOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const sources: SlashCommand = {
  data: sourcesData,
  answers: true,
  execute: (interaction, context) => replyWithAnswer(interaction, context, { command: 'sources' }),
};
