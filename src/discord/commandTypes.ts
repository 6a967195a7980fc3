// What a slash command module exports, and what its handler may use. Handlers stay thin:
// read options, call the core, hand the result to a renderer.
import type { AutocompleteFocusedOption, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Choice } from '../answers/autocomplete.ts';
import type { Library } from '../library/library.ts';
import type { Config } from '../config.ts';
import type { ReloadResult } from '../library/libraryStore.ts';
import type { Logger } from '../logger.ts';
import type { Cooldown } from './cooldown.ts';

/** The parts of LibraryStore the bot uses, so tests can pass a small fake. */
export interface LibrarySource {
  readonly current: Library;
  reload(): Promise<ReloadResult>;
  /** Like `reload`, but waits for a reload already running instead of answering `busy` (LibraryStore has it). */
  reloadAfterCurrent?(): Promise<ReloadResult>;
}

/**
 * What commands read from the config: who moderates and where (checkModerator); `/library` also needs
 * the corpus folder and where attachments come from; the router reads the cooldowns.
 */
export type CommandConfig = Pick<Config, 'moderatorRoleIds' | 'moderationGuildIds'> &
  Partial<Pick<Config, 'corpusDir' | 'apiUrl' | 'cooldownMs' | 'reloadCooldownMs'>>;

export interface CommandContext {
  store: LibrarySource;
  config: CommandConfig;
  logger: Logger;
  /** The pause between two /reloads, shared by the whole bot. */
  reloadCooldown: Cooldown;
  /** A reload whose reply could not be delivered, kept for the next /reload to mention. */
  reloadReports: { undelivered?: { status: string; finishedAt: Date } };
}

export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Answering commands share the per-member cooldown and take `hide` and `mention`. */
  answers: boolean;
  /** Handles the command; returns a short result for the log line (`answered`, `nothing-found`, …). */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string>;
  /** Only for members who may reload (`/library`): the router gives anyone else no suggestions. */
  moderatorsOnly?: boolean;
  /** Suggestions for the option being typed; must be quick (Discord waits 3 s at most). */
  autocomplete?(library: Library, focused: Pick<AutocompleteFocusedOption, 'name' | 'value'>): Choice[];
}
