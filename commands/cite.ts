// /cite: one paragraph of an article (or one sentence of it), verbatim, by its `article#paragraph` id,
// with the citation in the standard plain form, ready to paste.
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { completeCiteId } from '../src/answers/autocomplete.ts';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { commandText, hideOption, idOption, mentionOption, readOnlyCommand, sentenceOption } from './sharedOptions.ts';

export const citeData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('cite'),
  ...readOnlyCommand,
  options: [idOption, sentenceOption, hideOption, mentionOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const cite: SlashCommand = {
  data: citeData,
  answers: true,
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, {
      command: 'cite',
      id: interaction.options.getString('id', true),
      sentence: interaction.options.getInteger('sentence'),
    }),
  autocomplete: (library, focused) => (focused.name === 'id' ? completeCiteId(library, focused.value) : []),
};
