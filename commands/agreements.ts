// /agreements: what was agreed, filtered by year and topic.
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { completeTopic, completeYear } from '../src/answers/autocomplete.ts';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { commandText, hideOption, mentionOption, readOnlyCommand, topicOption, yearOption } from './sharedOptions.ts';

export const agreementsData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('agreements'),
  ...readOnlyCommand,
  options: [yearOption, topicOption, hideOption, mentionOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const agreements: SlashCommand = {
  data: agreementsData,
  answers: true,
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, {
      command: 'agreements',
      year: interaction.options.getInteger('year'),
      topic: interaction.options.getString('topic'),
    }),
  autocomplete: (library, focused) =>
    focused.name === 'year' ? completeYear(library, focused.value) : focused.name === 'topic' ? completeTopic(library, focused.value) : [],
};
