// The path every answering command and every answer button takes: check the question, answer it
// from the current library, render, reply. The answer engines are fast in-memory lookups, so
// answering commands reply directly instead of deferring (a deferred public reply could not turn
// into the private "nothing found" note).
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { answerQuestion } from '../answers/answerQuestion.ts';
import { parseQuestion, type QuestionInput } from '../answers/question.ts';
import type { CommandContext } from './commandTypes.ts';
import type { ButtonState } from './customIds.ts';
import { renderAnswer, renderSharedCopy } from './renderAnswer.ts';
import { renderInvalidInput, renderNotOwner, renderBadButton, renderShareUnavailable } from './renderNotices.ts';
import { toReplyOptions, toUpdateOptions } from './replyPayload.ts';

/** Drops options the member left empty, so the question sees only what was given. */
function defined(input: QuestionInput): QuestionInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as QuestionInput;
}

/** Answers a slash command. Reads `hide` and `mention` itself: every answering command has them. */
export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
  input: QuestionInput,
): Promise<string> {
  const parsed = parseQuestion(defined(input));
  if (!parsed.ok) {
    await interaction.reply(toReplyOptions(renderInvalidInput(interaction.locale, parsed.errors)));
    return 'invalid-input';
  }
  const answer = answerQuestion(context.store.current, parsed.question);
  const mentionId = interaction.options.getUser('mention')?.id;
  const rendered = renderAnswer(answer, {
    locale: interaction.locale,
    hidden: interaction.options.getBoolean('hide') ?? false,
    askerId: interaction.user.id,
    ...(mentionId ? { mentionId } : {}),
  });
  await interaction.reply(toReplyOptions(rendered.payload));
  return answer.items.length === 0 ? 'nothing-found' : `answered:${answer.items.length}:pages:${rendered.pageCount}`;
}

/** Who may press an answer button: anyone on a public answer, only the asker on a private one or to share. */
export function mayPress(state: ButtonState, userId: string): boolean {
  if (state.action === 'share') return userId === state.ownerId;
  return !state.hidden || userId === state.ownerId;
}

/** Previous / Next / Post in channel, from the state the button carries. */
export async function handleAnswerButton(interaction: ButtonInteraction, context: CommandContext, state: ButtonState): Promise<string> {
  if (!mayPress(state, interaction.user.id)) {
    await interaction.reply(toReplyOptions(renderNotOwner(interaction.locale, state.action)));
    return 'not-owner';
  }

  if (!state.options) {
    if (state.action === 'share') {
      // The options did not fit in the button; share what the member is looking at instead.
      const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
      if (embeds.length === 0) {
        await interaction.reply(toReplyOptions(renderShareUnavailable(interaction.locale)));
        return 'share-unavailable';
      }
      await interaction.reply(toReplyOptions(renderSharedCopy(embeds, { locale: interaction.locale, askerId: state.ownerId })));
      return 'shared-copy';
    }
    await interaction.reply(toReplyOptions(renderBadButton(interaction.locale)));
    return 'bad-button';
  }

  const parsed = parseQuestion({ command: state.command, ...state.options });
  if (!parsed.ok) {
    await interaction.reply(toReplyOptions(renderBadButton(interaction.locale)));
    return 'bad-button';
  }
  const answer = answerQuestion(context.store.current, parsed.question);

  if (state.action === 'share') {
    if (answer.items.length === 0) {
      await interaction.reply(toReplyOptions(renderShareUnavailable(interaction.locale)));
      return 'share-unavailable';
    }
    const rendered = renderAnswer(answer, { locale: interaction.locale, page: state.page, askerId: state.ownerId, shared: true });
    await interaction.reply(toReplyOptions(rendered.payload));
    return 'shared';
  }

  const rendered = renderAnswer(answer, {
    locale: interaction.locale,
    page: state.page,
    hidden: state.hidden,
    askerId: state.ownerId,
    shared: state.shared,
    ...(state.mentionId ? { mentionId: state.mentionId } : {}),
  });
  if (answer.items.length === 0) {
    // The library changed since (a reload): say so privately rather than blank a public message.
    await interaction.reply(toReplyOptions(rendered.payload));
    return 'nothing-found';
  }
  await interaction.update(toUpdateOptions(rendered.payload));
  return `page:${rendered.page + 1}/${rendered.pageCount}`;
}
