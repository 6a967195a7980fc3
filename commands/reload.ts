// /reload: re-reads the corpus folder. Moderators only (Manage Server or a MODERATOR_ROLE_IDS role) and
// only in the operator's servers (MODERATION_GUILD_IDS or DISCORD_GUILD_ID), checked here on every
// call because server admins can change who sees the command. One reload per RELOAD_COOLDOWN_SECONDS
// for the whole bot. Every attempt is audited. A reply that can no longer be delivered (a build that
// outlived the interaction's 15 minutes) is logged and mentioned by the next /reload.
import { MessageFlags } from 'discord.js';
import { reloadSpec } from '../src/answers/commandSpecs/commands.ts';
import type { SlashCommand } from '../src/discord/commandTypes.ts';
import { reloadAllShardsAndReply, reloadLogFields } from '../src/discord/reloadAllShards.ts';
import { checkModerator, reloadRequester } from '../src/discord/reloadPermission.ts';
import { renderCooldown, renderReloadRefused, renderReloadResult } from '../src/discord/renderNotices.ts';
import { toEditReplyOptions, toReplyOptions } from '../src/discord/replyPayload.ts';
import { discordCommand } from './discordCommand.ts';

export const reload: SlashCommand = {
  data: discordCommand(reloadSpec),
  answers: false,
  execute: async (interaction, { store, config, logger, reloadCooldown, reloadReports }) => {
    const audit = { audit: 'reload', user: interaction.user.id, userName: interaction.user.username, guild: interaction.guildId };
    const allowed = checkModerator(reloadRequester(interaction), config);
    if (!allowed.ok) {
      logger.warn('reload refused', { ...audit, result: 'refused', reason: allowed.reason });
      await interaction.reply(toReplyOptions(renderReloadRefused(interaction.locale, allowed.reason)));
      return 'refused';
    }
    const pause = reloadCooldown.take('reload');
    if (!pause.ok) {
      logger.info('reload refused', { ...audit, result: 'cooldown', retryAfterMs: pause.retryAfterMs });
      await interaction.reply(toReplyOptions(renderCooldown(interaction.locale, pause.retryAfterMs)));
      return 'cooldown';
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
    const undelivered = reloadReports.undelivered;
    try {
      await interaction.editReply(toEditReplyOptions(renderReloadResult(interaction.locale, result, undelivered ? { undelivered } : {})));
      if (undelivered && result.status !== 'busy') delete reloadReports.undelivered;
    } catch (error) {
      // Most likely the interaction's 15 minutes are over: no reply or follow-up can reach the moderator now.
      logger.warn('reload result not delivered: the interaction token has probably expired; the next /reload mentions it', {
        ...fields,
        error,
      });
      if (result.status !== 'busy') reloadReports.undelivered = { status: result.status, finishedAt: new Date() };
    }
    return result.status;
  },
};
