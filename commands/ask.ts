// /ask: a free question, answered with the passages that match it best.
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { completeQuestion, completeYear } from '../src/answers/autocomplete.ts';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { commandText, hideOption, mentionOption, questionOption, readOnlyCommand, yearOption } from './sharedOptions.ts';

export const askData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('ask'),
  ...readOnlyCommand,
  // Required options must come first.
  options: [questionOption, yearOption, hideOption, mentionOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ask: SlashCommand = {
  data: askData,
  answers: true,
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, {
      command: 'ask',
      question: interaction.options.getString('question', true),
      year: interaction.options.getInteger('year'),
    }),
  autocomplete: (library, focused) =>
    focused.name === 'year' ? completeYear(library, focused.value) : focused.name === 'question' ? completeQuestion(library, focused.value) : [],
};
