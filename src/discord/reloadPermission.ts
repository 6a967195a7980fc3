// Who may run /reload. Checked in code as well as by the command's default permissions, because
// server admins can change who sees a command; the role list comes from MODERATOR_ROLE_IDS.
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';

export interface ReloadRequester {
  inGuild: boolean;
  /** Manage Server (Administrator implies it). */
  hasManageGuild: boolean;
  roleIds: readonly string[];
}

export function canReload(requester: ReloadRequester, moderatorRoleIds: readonly string[]): boolean {
  if (!requester.inGuild) return false;
  if (requester.hasManageGuild) return true;
  return requester.roleIds.some((roleId) => moderatorRoleIds.includes(roleId));
}

/** Reads the requester from an interaction: the member may be a cached GuildMember or raw API data. */
export function reloadRequester(interaction: Pick<ChatInputCommandInteraction, 'inGuild' | 'memberPermissions' | 'member'>): ReloadRequester {
  const roles = interaction.member?.roles;
  const roleIds = roles === undefined ? [] : Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return {
    inGuild: interaction.inGuild(),
    hasManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds,
  };
}
