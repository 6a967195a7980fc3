// /who-met: meetings, filtered by year, month and person.
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { completePerson, completeYear } from '../src/answers/autocomplete.ts';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { commandText, hideOption, mentionOption, monthOption, personOption, readOnlyCommand, yearOption } from './sharedOptions.ts';

export const whoMetData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('who-met'),
  ...readOnlyCommand,
  options: [yearOption, monthOption, personOption, hideOption, mentionOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const whoMet: SlashCommand = {
  data: whoMetData,
  answers: true,
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, {
      command: 'who-met',
      year: interaction.options.getInteger('year'),
      month: interaction.options.getInteger('month'),
      person: interaction.options.getString('person'),
    }),
  autocomplete: (library, focused) =>
    focused.name === 'year' ? completeYear(library, focused.value) : focused.name === 'person' ? completePerson(library, focused.value) : [],
};
