// The one dispatch point: slash commands to their handler (with the per-member cooldown),
// autocomplete to the command's suggestions, buttons to paging and sharing (with the cooldown too:
// "Post in channel" posts like a command, a page press recomputes an answer). A failing handler
// gets a private "something went wrong" and a log line with its stack; the bot keeps running.
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { commands as allCommands } from '../../commands/index.ts';
import type { Choice } from '../answers/autocomplete.ts';
import { DEFAULT_RELOAD_COOLDOWN_SECONDS } from '../config.ts';
import type { Logger } from '../logger.ts';
import { handleAnswerButton } from './answerReply.ts';
import type { CommandConfig, CommandContext, LibrarySource, SlashCommand } from './commandTypes.ts';
import { Cooldown } from './cooldown.ts';
import type { InteractionObservation } from './metrics.ts';
import { decodeButtonState, type ButtonState } from './customIds.ts';
import { handleLibraryButton, mayManageLibrary } from './libraryActions.ts';
import { isLibraryButton } from './libraryCustomIds.ts';
import { truncate } from './markdown.ts';
import { renderBadButton, renderCooldown, renderError, renderUnknownCommand } from './renderNotices.ts';
import { toReplyOptions, type ReplyPayload } from './replyPayload.ts';

/** Milliseconds a member waits between two answering commands (COOLDOWN_SECONDS). */
export const DEFAULT_COOLDOWN_MS = 3000;
/** Between two page presses: short enough for reading page after page, long enough against a flood. */
export const PAGE_COOLDOWN_MS = 1000;
const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;

export interface RouterOptions {
  store: LibrarySource;
  config: CommandConfig;
  logger: Logger;
  /** Defaults to every command in `commands/`. */
  commands?: readonly SlashCommand[];
  /** Per member, for answering commands and answer buttons; default from `config.cooldownMs`. */
  cooldown?: Cooldown;
  /** For /reload, shared by the bot; default from `config.reloadCooldownMs`. */
  reloadCooldown?: Cooldown;
  /** Called once per handled interaction (metrics). */
  observe?: (observation: InteractionObservation) => void;
}

export interface InteractionRouter {
  /** Handles one interaction; never throws. */
  handle(interaction: Interaction): Promise<void>;
}

export function createInteractionRouter(options: RouterOptions): InteractionRouter {
  const byName = new Map((options.commands ?? allCommands).map((command) => [command.data.name, command]));
  const cooldown = options.cooldown ?? new Cooldown(options.config.cooldownMs ?? DEFAULT_COOLDOWN_MS);
  const pageCooldownMs = Math.min(cooldown.durationMs, PAGE_COOLDOWN_MS);
  const reloadCooldown = options.reloadCooldown ?? new Cooldown(options.config.reloadCooldownMs ?? DEFAULT_RELOAD_COOLDOWN_SECONDS * 1000);
  const { logger } = options;
  const context: CommandContext = { store: options.store, config: options.config, logger, reloadCooldown, reloadReports: {} };
  const memberKey = (interaction: Interaction) => `${interaction.guildId ?? 'dm'}:${interaction.user.id}`;

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<string> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(toReplyOptions(renderUnknownCommand(interaction.locale)));
      return 'unknown-command';
    }
    if (command.answers) {
      const check = cooldown.take(memberKey(interaction));
      if (!check.ok) {
        await interaction.reply(toReplyOptions(renderCooldown(interaction.locale, check.retryAfterMs)));
        return 'cooldown';
      }
    }
    return command.execute(interaction, context);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<string> {
    const command = byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    if (command?.moderatorsOnly && !mayManageLibrary(interaction, context)) {
      logger.warn('autocomplete refused', {
        command: interaction.commandName,
        user: interaction.user.id,
        guild: interaction.guildId,
        result: 'refused',
      });
      await interaction.respond([]);
      return 'refused';
    }
    let choices: Choice[] = [];
    try {
      choices = command?.autocomplete?.(options.store.current, { name: focused.name, value: String(focused.value) }) ?? [];
    } catch (error) {
      // A suggestion failing must not cost the member their command: offer nothing and log it.
      logger.error('autocomplete failed', { command: interaction.commandName, option: focused.name, error });
    }
    await interaction.respond(fitChoices(choices, focused.type));
    return `choices:${choices.length}`;
  }

  async function onButton(interaction: ButtonInteraction): Promise<string> {
    if (isLibraryButton(interaction.customId)) return handleLibraryButton(interaction, context);
    const decoded = decodeButtonState(interaction.customId);
    if (!decoded.ok) {
      logger.warn('button refused', { customId: interaction.customId.slice(0, 100), reason: decoded.reason, user: interaction.user.id });
      await interaction.reply(toReplyOptions(renderBadButton(interaction.locale)));
      return 'bad-button';
    }
    // Posting one result has its own pause (asking privately, then posting at once, is one post; posting
    // two different results of an answer is two); a page press a shorter one. Only presses that will act count: a refused press (not the asker) uses no pause.
    if (pressWillAct(decoded.state, interaction.user.id)) {
      const check =
        decoded.state.action === 'share'
          ? cooldown.take(`${memberKey(interaction)}:share:${decoded.state.page}:${decoded.state.check ?? ''}`)
          : cooldown.take(`${memberKey(interaction)}:page`, pageCooldownMs);
      if (!check.ok) {
        await interaction.reply(toReplyOptions(renderCooldown(interaction.locale, check.retryAfterMs)));
        return 'cooldown';
      }
    }
    return handleAnswerButton(interaction, context, decoded.state);
  }

  return {
    async handle(interaction) {
      const started = performance.now();
      const fields = describe(interaction);
      try {
        let result: string;
        if (interaction.isChatInputCommand()) result = await onCommand(interaction);
        else if (interaction.isAutocomplete()) result = await onAutocomplete(interaction);
        else if (interaction.isButton()) result = await onButton(interaction);
        else return;
        const level = interaction.isAutocomplete() ? 'debug' : 'info';
        const latencyMs = elapsed(started);
        logger[level]('interaction', { ...fields, latencyMs, result });
        options.observe?.({ ...observed(interaction), result, latencyMs });
      } catch (error) {
        logger.error('interaction failed', { ...fields, latencyMs: elapsed(started), result: 'error', error });
        options.observe?.({ ...observed(interaction), result: 'error', latencyMs: elapsed(started) });
        await replyPrivately(interaction, renderError(interaction.locale)).catch((replyError: unknown) =>
          logger.error('could not tell the member about the failure', { ...fields, error: replyError }),
        );
      }
    },
  };
}

/**
 * Whether a press posts or recomputes (and so takes the cooldown): "Post in channel" by the asker; a page
 * button on a private answer by the asker, on a public one by anyone (others get a private copy).
 */
function pressWillAct(state: ButtonState, userId: string): boolean {
  if (state.action === 'share' || state.hidden) return userId === state.ownerId;
  return true;
}

/** At most 25 choices, names and string values of at most 100 characters, numbers for integer options. */
export function fitChoices(choices: readonly Choice[], type: ApplicationCommandOptionType): { name: string; value: string | number }[] {
  const numeric = type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number;
  const fitted: { name: string; value: string | number }[] = [];
  for (const choice of choices) {
    if (fitted.length >= MAX_CHOICES) break;
    const name = truncate(choice.name.replace(/\s+/g, ' ').trim(), MAX_CHOICE_TEXT);
    if (!name) continue;
    if (numeric) {
      const value = Number(choice.value);
      if (!Number.isFinite(value) || (type === ApplicationCommandOptionType.Integer && !Number.isInteger(value))) continue;
      fitted.push({ name, value });
    } else {
      const value = String(choice.value);
      // A value cut short would be a different value: leave such a choice out instead.
      if (value.length === 0 || value.length > MAX_CHOICE_TEXT) continue;
      fitted.push({ name, value });
    }
  }
  return fitted;
}

/** A private reply, or a private follow-up when the interaction was already answered or deferred. */
async function replyPrivately(interaction: Interaction, payload: ReplyPayload): Promise<void> {
  if (!interaction.isRepliable()) return;
  const options = { ...toReplyOptions(payload), flags: MessageFlags.Ephemeral as const };
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

function describe(interaction: Interaction): Record<string, unknown> {
  const fields: Record<string, unknown> = { user: interaction.user.id, guild: interaction.guildId ?? 'dm', interactionId: interaction.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) fields.command = interaction.commandName;
  else if (interaction.isButton()) fields.button = interaction.customId.slice(0, 2);
  return fields;
}

function observed(interaction: Interaction): Pick<InteractionObservation, 'name' | 'kind'> {
  if (interaction.isChatInputCommand()) return { kind: 'command', name: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', name: interaction.commandName };
  return { kind: 'button', name: 'button' };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
