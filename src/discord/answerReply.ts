// The path every answering command and every answer button takes: check the question, answer it
// from the current library, render, reply. The answer engines are fast in-memory lookups, so
// answering commands reply directly instead of deferring (a deferred public reply could not turn
// into the private "nothing found" note).
import type { APIEmbed, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { answerQuestion } from '../answers/answerQuestion.ts';
import { parseQuestion, type QuestionInput } from '../answers/question.ts';
import type { CommandContext } from './commandTypes.ts';
import type { ButtonState } from './customIds.ts';
import { itemFingerprint } from './customIds.ts';
import { renderAnswer, renderSharedEmbed, renderSharedItem } from './renderAnswer.ts';
import {
  renderBadButton,
  renderInvalidInput,
  renderItemGone,
  renderNotOwner,
  renderNotOwnerShare,
  renderShareUnavailable,
} from './renderNotices.ts';
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

/**
 * Previous / Next, from the state the button carries. On a private answer only the asker may press them.
 * A public answer is what people in the channel reply to: when another member presses, they get that page
 * as a private copy of their own, and the posted answer stays as it was.
 */
export async function handleAnswerButton(interaction: ButtonInteraction, context: CommandContext, state: ButtonState): Promise<string> {
  if (state.action === 'share') return shareItem(interaction, context, state);
  const isAsker = interaction.user.id === state.ownerId;
  if (state.hidden && !isAsker) {
    await interaction.reply(toReplyOptions(renderNotOwner(interaction.locale)));
    return 'not-owner';
  }
  const parsed = state.options ? parseQuestion({ command: state.command, ...state.options }) : undefined;
  if (!parsed?.ok) {
    await interaction.reply(toReplyOptions(renderBadButton(interaction.locale)));
    return 'bad-button';
  }
  const answer = answerQuestion(context.store.current, parsed.question);

  if (!isAsker) {
    const copy = renderAnswer(answer, {
      locale: interaction.locale,
      page: state.page,
      hidden: true,
      askerId: interaction.user.id,
      ownCopy: true,
    });
    await interaction.reply(toReplyOptions(copy.payload));
    return `own-copy:${copy.page + 1}/${copy.pageCount}`;
  }
  const rendered = renderAnswer(answer, {
    locale: interaction.locale,
    page: state.page,
    hidden: state.hidden,
    askerId: state.ownerId,
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

/**
 * "Post in channel" on one result of a private answer: posts that result alone, pinging only the member
 * the asker named. The item is found again by its fingerprint, so a reload never posts another one.
 */
async function shareItem(interaction: ButtonInteraction, context: CommandContext, state: ButtonState): Promise<string> {
  if (interaction.user.id !== state.ownerId) {
    await interaction.reply(toReplyOptions(renderNotOwnerShare(interaction.locale)));
    return 'not-owner';
  }
  const shareOptions = { locale: interaction.locale, askerId: state.ownerId, ...(state.mentionId ? { mentionId: state.mentionId } : {}) };

  if (!state.options) {
    // The options did not fit in the button; post the result as the asker sees it.
    const shown = sharedEmbedOnMessage(interaction, state.page);
    if (!shown) {
      await interaction.reply(toReplyOptions(renderShareUnavailable(interaction.locale)));
      return 'share-unavailable';
    }
    await interaction.reply(
      toReplyOptions(renderSharedEmbed(shown.embed, { ...shareOptions, ...(shown.numbered ? { number: state.page + 1 } : {}) })),
    );
    return 'shared-copy';
  }

  const parsed = parseQuestion({ command: state.command, ...state.options });
  if (!parsed.ok) {
    await interaction.reply(toReplyOptions(renderBadButton(interaction.locale)));
    return 'bad-button';
  }
  const answer = answerQuestion(context.store.current, parsed.question);
  const matches = (index: number) => {
    const item = answer.items.at(index);
    return item !== undefined && itemFingerprint(item) === state.check;
  };
  let index = matches(state.page) ? state.page : -1;
  for (let at = 0; index === -1 && at < answer.items.length; at++) if (matches(at)) index = at;
  if (index === -1) {
    await interaction.reply(toReplyOptions(renderItemGone(interaction.locale)));
    return 'item-gone';
  }
  await interaction.reply(toReplyOptions(renderSharedItem(answer, index, shareOptions)));
  return 'shared';
}

/** The embed of item `index` on the message the button is on: numbered `N. ` in a list, alone otherwise. */
function sharedEmbedOnMessage(interaction: ButtonInteraction, index: number): { embed: APIEmbed; numbered: boolean } | undefined {
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
  const numbered = embeds.find((embed) => embed.title?.startsWith(`${index + 1}. `));
  if (numbered) return { embed: numbered, numbered: true };
  const [only, ...others] = embeds;
  if (index === 0 && only && others.length === 0 && !/^\d+\. /.test(only.title ?? '')) return { embed: only, numbered: false };
  return undefined;
}
