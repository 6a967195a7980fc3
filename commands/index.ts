// Every slash command the bot registers and answers, in the order /help and Discord list them.
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { agreements } from './agreements.ts';
import { ask } from './ask.ts';
import { cite } from './cite.ts';
import { help } from './help.ts';
import { library } from './library.ts';
import { reload } from './reload.ts';
import { sources } from './sources.ts';
import { whoMet } from './whoMet.ts';

export const commands: readonly SlashCommand[] = [whoMet, agreements, ask, sources, cite, reload, library, help];

/** The JSON Discord receives when the commands are registered. */
export const commandDefinitions = commands.map((command) => command.data);
