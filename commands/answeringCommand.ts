// The five answering commands share one handler: read the options their definition lists, answer the
// question, reply (src/discord/answerReply.ts, which also reads `hide` and `mention`).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { AnsweringCommandSpec } from '../src/answers/commandSpecs/commandSpec.ts';
import type { QuestionInput } from '../src/answers/question.ts';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { discordCommand } from './discordCommand.ts';

/** The question's options as Discord sends them typed; an option left empty reads as null. */
export function readQuestionInput(interaction: ChatInputCommandInteraction, spec: AnsweringCommandSpec): QuestionInput {
  const input: QuestionInput = { command: spec.name };
  for (const option of spec.options) {
    const required = option.required ?? false;
    input[option.name] =
      option.type === 'integer'
        ? interaction.options.getInteger(option.name, required)
        : interaction.options.getString(option.name, required);
  }
  return input;
}

export function answeringCommand(spec: AnsweringCommandSpec, autocomplete?: SlashCommand['autocomplete']): SlashCommand {
  return {
    data: discordCommand(spec),
    answers: true,
    execute: (interaction, context) => replyWithAnswer(interaction, context, readQuestionInput(interaction, spec)),
    ...(autocomplete ? { autocomplete } : {}),
  };
}
