// /reload: re-reads the corpus folder. Moderators only (Manage Server or a MODERATOR_ROLE_IDS role),
// checked here too because server admins can change who sees the command. Every attempt is audited.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { reloadAllShardsAndReply, reloadLogFields } from '../src/discord/reloadAllShards.ts';
import { canReload, reloadRequester } from '../src/discord/reloadPermission.ts';
import { renderReloadRefused, renderReloadResult } from '../src/discord/renderNotices.ts';
import { toEditReplyOptions, toReplyOptions } from '../src/discord/replyPayload.ts';
import { commandText } from './sharedOptions.ts';

export const reloadData = {
  type: ApplicationCommandType.ChatInput,
  ...commandText('reload'),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const reload: SlashCommand = {
  data: reloadData,
  answers: false,
  execute: async (interaction, { store, config, logger }) => {
    const audit = { audit: 'reload', user: interaction.user.id, userName: interaction.user.username, guild: interaction.guildId };
    if (!canReload(reloadRequester(interaction), config.moderatorRoleIds)) {
      logger.warn('reload refused', { ...audit, result: 'refused' });
      await interaction.reply(toReplyOptions(renderReloadRefused(interaction.locale)));
      return 'refused';
    }
    // Loading and indexing may take seconds: acknowledge first, privately.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Sharded (`npm run start:sharded`): each shard holds its own library, so every shard reloads and reports.
    // `?.` because the unit tests' fake interactions have no client.
    const shard = interaction.client?.shard;
    if (shard) return reloadAllShardsAndReply(interaction, shard, logger, audit);
    const result = await store.reload();
    const fields = { ...audit, ...reloadLogFields(result) };
    if (result.status === 'failed') logger.warn('reload', fields);
    else logger.info('reload', fields);
    await interaction.editReply(toEditReplyOptions(renderReloadResult(interaction.locale, result)));
    return result.status;
  },
};
