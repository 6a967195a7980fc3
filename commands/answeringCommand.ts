// The five answering commands share one handler: read the options their definition lists, answer the
// question, reply (src/discord/answerReply.ts, which also reads `hide` and `mention`).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { AnsweringCommandSpec } from '../src/answers/commandSpecs/commandSpec.ts';
import type { QuestionInput } from '../src/answers/question.ts';
import { replyWithAnswer } from '../src/discord/answerReply.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import type { Choice } from '../src/answers/autocomplete.ts';
import type { Library } from '../src/library/library.ts';
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

/** The names of the options that a command's definition marks `autocomplete: true`. */
type AutocompletedName<Spec extends AnsweringCommandSpec> = Extract<Spec['options'][number], { autocomplete: true }>['name'];

/** Suggests values for one option as the member types it. */
export type Completer = (library: Library, typed: string) => Choice[];

/**
 * `completers` has exactly one entry per option the definition marks `autocomplete: true` (the types
 * require it), so Discord never asks for suggestions that no one gives.
 */
export function answeringCommand<Spec extends AnsweringCommandSpec>(
  spec: Spec,
  completers: Record<AutocompletedName<Spec>, Completer>,
): SlashCommand {
  const byName = new Map<string, Completer>(Object.entries(completers));
  return {
    data: discordCommand(spec),
    answers: true,
    execute: (interaction, context) => replyWithAnswer(interaction, context, readQuestionInput(interaction, spec)),
    ...(byName.size > 0 ? { autocomplete: (library, focused) => byName.get(focused.name)?.(library, focused.value) ?? [] } : {}),
  };
}
