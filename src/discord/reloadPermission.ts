// Who may change the library (/reload, and /library's changes): a member with Manage Server or a
// MODERATOR_ROLE_IDS role, in one of the operator's servers (MODERATION_GUILD_IDS, else
// DISCORD_GUILD_ID). Checked in code on every command and button, because server admins can change
// who sees a command, and because the commands are registered in every server the bot is in, while
// the library is the operator's alone.
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Config } from '../config.ts';

export interface ReloadRequester {
  inGuild: boolean;
  /** Manage Server (Administrator implies it). */
  hasManageGuild: boolean;
  roleIds: readonly string[];
  /** The server the interaction came from; undefined in a DM. */
  guildId?: string | null;
}

/** Why a member may not change the library; each has its own reply. */
export type ModerationCheck = { ok: true } | { ok: false; reason: 'not-moderator' | 'other-server' | 'no-server-configured' };

export type ModerationConfig = Pick<Config, 'moderatorRoleIds' | 'moderationGuildIds'>;

/** The one check for every command and button that changes the library. */
export function checkModerator(requester: ReloadRequester, config: ModerationConfig): ModerationCheck {
  if (!requester.inGuild) return { ok: false, reason: 'not-moderator' };
  if (!canReload(requester, config.moderatorRoleIds)) return { ok: false, reason: 'not-moderator' };
  if (config.moderationGuildIds.length === 0) return { ok: false, reason: 'no-server-configured' };
  if (!requester.guildId || !config.moderationGuildIds.includes(requester.guildId)) return { ok: false, reason: 'other-server' };
  return { ok: true };
}

/** The member's own right (permission or role), whatever the server. */
export function canReload(requester: ReloadRequester, moderatorRoleIds: readonly string[]): boolean {
  if (!requester.inGuild) return false;
  if (requester.hasManageGuild) return true;
  return requester.roleIds.some((roleId) => moderatorRoleIds.includes(roleId));
}

/** Reads the requester from an interaction: the member may be a cached GuildMember or raw API data. */
export function reloadRequester(
  interaction: Pick<ChatInputCommandInteraction, 'inGuild' | 'memberPermissions' | 'member'> & { guildId?: string | null },
): ReloadRequester {
  const roles = interaction.member?.roles;
  const roleIds = roles === undefined ? [] : Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return {
    inGuild: interaction.inGuild(),
    hasManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds,
    guildId: interaction.guildId ?? null,
  };
}
