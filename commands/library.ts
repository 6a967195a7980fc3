// /library: moderators add, replace, remove and list the articles from Discord, and undo the last
// removal or replacement. Same rule as /reload (Manage Server or a MODERATOR_ROLE_IDS role),
// checked in code on every command, button and autocomplete (src/discord/libraryActions.ts).
import { librarySpec } from '../src/answers/commandSpecs/commands.ts';
import { completeArticle } from '../src/answers/completeArticle.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { runLibraryCommand } from '../src/discord/libraryActions.ts';
import { discordCommand } from './discordCommand.ts';

export const library: SlashCommand = {
  data: discordCommand(librarySpec),
  answers: false,
  // The router refuses suggestions to members who may not use the command before calling this.
  moderatorsOnly: true,
  execute: (interaction, context) => runLibraryCommand(interaction, context),
  autocomplete: (current, focused) => (focused.name === 'id' ? completeArticle(current, focused.value) : []),
};
