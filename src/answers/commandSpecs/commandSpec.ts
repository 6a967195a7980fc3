// The shape of a command's one definition: its options with their limits, who may use it, and the names
// and descriptions members read in English and Vietnamese. Plain data (no discord.js), so the core reads
// it too. Everything else about a command's options is derived from it: the Discord JSON
// (commands/discordCommand.ts), the question schema (../question.ts), the command-line reader
// (commandLine.ts) and the options a button carries (src/discord/customIds.ts).
import { en, type Messages } from '../../locales/en.ts';
import { libraryEn, type LibraryMessages } from '../../locales/libraryEn.ts';
import { libraryVi } from '../../locales/libraryVi.ts';
import { vi } from '../../locales/vi.ts';

export interface Texts {
  name: string;
  description: string;
}

/** What members read: English (Discord's default) and Vietnamese, taken from the locale tables. */
export interface LocalizedText {
  en: Texts;
  vi: Texts;
}

export interface OptionChoice<Value extends string | number> {
  value: Value;
  text: { en: string; vi: string };
}

interface OptionBase {
  /** The option's name in questions, buttons and command lines; Discord shows `text.en.name`, the same word. */
  name: string;
  text: LocalizedText;
  required?: boolean;
  /** Discord asks the command's handler for suggestions as the member types. */
  autocomplete?: boolean;
}

/** The English messages a wrong number gets; defaults are said from the name and the limits. */
export interface IntegerErrors {
  notNumber?: string;
  notWhole?: string;
  tooSmall?: string;
  tooLarge?: string;
}

export interface IntegerOptionSpec extends OptionBase {
  type: 'integer';
  min: number;
  max: number;
  choices?: readonly OptionChoice<number>[];
  errors?: IntegerErrors;
}

export interface StringOptionSpec extends OptionBase {
  type: 'string';
  /** Counted as typed, as Discord counts it. */
  maxLength: number;
  choices?: readonly OptionChoice<string>[];
}

export interface BooleanOptionSpec extends OptionBase {
  type: 'boolean';
}

export interface UserOptionSpec extends OptionBase {
  type: 'user';
}

export interface AttachmentOptionSpec extends OptionBase {
  type: 'attachment';
}

/** An option a question can carry: text or a whole number. */
export type QuestionOptionSpec = IntegerOptionSpec | StringOptionSpec;
export type OptionSpec = QuestionOptionSpec | BooleanOptionSpec | UserOptionSpec | AttachmentOptionSpec;

export interface SubcommandSpec {
  name: string;
  text: LocalizedText;
  options: readonly OptionSpec[];
}

interface CommandBase {
  name: string;
  text: LocalizedText;
  /**
   * `everyone`: in servers and in DMs with the bot. `moderators`: in servers only, shown by default to
   * Manage Server (the handler checks again on every call: server admins can change who sees it).
   */
  access: 'everyone' | 'moderators';
}

/**
 * A command that answers from the library: its options make a `Question`, a button carries them in this
 * order, and `hide` and `mention` (REPLY_OPTIONS) follow them on Discord.
 */
export interface AnsweringCommandSpec extends CommandBase {
  answers: true;
  options: readonly QuestionOptionSpec[];
  /**
   * One letter naming the command inside a button's custom_id (src/discord/customIds.ts), where every
   * character counts. Posted buttons keep it for ever: never change or reuse one.
   */
  buttonCode: string;
}

/** A command with its own handler (/reload, /library, /help): options or subcommands, never both. */
export interface OtherCommandSpec extends CommandBase {
  answers: false;
  options?: readonly OptionSpec[];
  subcommands?: readonly SubcommandSpec[];
}

export type CommandSpec = AnsweringCommandSpec | OtherCommandSpec;

/** Just the name and description: a command's table entry also holds the title of its replies. */
const texts = ({ name, description }: Texts): Texts => ({ name, description });

function localized(pick: (messages: Messages) => Texts): LocalizedText {
  return { en: texts(pick(en)), vi: texts(pick(vi)) };
}

/** An answering option's texts, from the `options` of `en.ts` and `vi.ts`. */
export const optionText = (key: keyof Messages['options']) => localized((t) => t.options[key]);

/** A command's texts, from the `commands` of `en.ts` and `vi.ts`. */
export const commandText = (key: keyof Messages['commands']) => localized((t) => t.commands[key]);

/** /library's texts, from `libraryEn.ts` and `libraryVi.ts`. */
export function libraryText(pick: (messages: LibraryMessages) => Texts): LocalizedText {
  return { en: texts(pick(libraryEn)), vi: texts(pick(libraryVi)) };
}
