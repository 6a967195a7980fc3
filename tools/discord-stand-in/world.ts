// Who and what exists on the stand-in's Discord: the bot and its application, the guilds it is in,
// their channels and roles, and the members who press buttons. Payload builders read from here.
import type { APIGuildMember, APIRole, APIUser, GuildMemberFlags, RoleFlags } from 'discord.js';
import { nextSnowflake } from './snowflake.ts';

export interface RoleSeed {
  id?: string;
  name: string;
  /** Permission bitfield as Discord sends it: a decimal string. */
  permissions?: string;
  mentionable?: boolean;
}

export interface GuildSeed {
  id?: string;
  name: string;
  preferredLocale?: string;
  channelName?: string;
  roles?: RoleSeed[];
}

export interface UserSeed {
  id?: string;
  username?: string;
  globalName?: string;
}

export interface WorldGuild {
  id: string;
  name: string;
  preferredLocale: string;
  /** The text channel commands are invoked in. */
  channel: { id: string; name: string };
  /** @everyone first (its id is the guild id), then the seeded roles. */
  roles: APIRole[];
}

/** An ordinary member: view, send, embed, attach, history, reactions, voice, nickname, slash commands, threads. */
export const MEMBER_PERMISSIONS = '311455763520';
/** What the bot may do in the channel (sent as app_permissions): view, send, manage messages, embed, attach, history. */
export const BOT_PERMISSIONS = '2147871808';

const DEFAULT_GUILDS: GuildSeed[] = [
  { name: 'Phòng tin Citebot', preferredLocale: 'vi', channelName: 'hỏi-đáp', roles: [{ name: 'Biên tập viên' }] },
];

export class World {
  readonly bot: APIUser;
  readonly application: { id: string; flags: number; name: string };
  readonly guilds: WorldGuild[];
  readonly #usersById = new Map<string, APIUser>();
  readonly #dmChannelsByUser = new Map<string, string>();
  readonly defaultUser: APIUser;

  constructor(guildSeeds: GuildSeed[] = DEFAULT_GUILDS) {
    const botId = nextSnowflake();
    this.bot = this.#remember({
      id: botId,
      username: 'citebot',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
    });
    // Bots created since 2016 share the application's id.
    this.application = { id: botId, flags: 0, name: 'citebot' };
    this.guilds = guildSeeds.map((seed) => buildGuild(seed));
    this.defaultUser = this.user({ username: 'thu.nguyen', globalName: 'Nguyễn Thu' });
  }

  /** Finds a user by id, or invents one with the given names. */
  user(seed: UserSeed = {}): APIUser {
    const known = seed.id === undefined ? undefined : this.#usersById.get(seed.id);
    if (known) return known;
    const id = seed.id ?? nextSnowflake();
    return this.#remember({
      id,
      username: seed.username ?? `member${id.slice(-4)}`,
      global_name: seed.globalName ?? null,
      discriminator: '0',
      avatar: null,
    });
  }

  guild(guildId?: string): WorldGuild {
    const guild = guildId === undefined ? this.guilds[0] : this.guilds.find((candidate) => candidate.id === guildId);
    if (!guild) throw new Error(`The stand-in has no guild ${guildId ?? '(none seeded)'}`);
    return guild;
  }

  /** The role named `name` (or with that id) in a guild. */
  role(nameOrId: string, guildId?: string): APIRole {
    const role = this.guild(guildId).roles.find((candidate) => candidate.id === nameOrId || candidate.name === nameOrId);
    if (!role) throw new Error(`No role "${nameOrId}" in the stand-in guild`);
    return role;
  }

  dmChannelId(userId: string): string {
    let channelId = this.#dmChannelsByUser.get(userId);
    if (!channelId) {
      channelId = nextSnowflake();
      this.#dmChannelsByUser.set(userId, channelId);
    }
    return channelId;
  }

  member(user: APIUser, roleIds: string[], joinedAt = new Date()): APIGuildMember {
    return {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: roleIds,
      joined_at: joinedAt.toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
    };
  }

  /** The GUILD_CREATE a bot receives after READY. */
  guildCreate(guild: WorldGuild, joinedAt: Date): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.defaultUser.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      features: [],
      mfa_level: 0,
      system_channel_id: guild.channel.id,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      emojis: [],
      stickers: [],
      roles: guild.roles,
      joined_at: joinedAt.toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.member(this.bot, [], joinedAt), this.member(this.defaultUser, [], joinedAt)],
      channels: [
        {
          id: guild.channel.id,
          type: 0,
          guild_id: guild.id,
          name: guild.channel.name,
          position: 0,
          permission_overwrites: [],
          parent_id: null,
          topic: null,
          nsfw: false,
          rate_limit_per_user: 0,
          last_message_id: null,
          flags: 0,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  #remember(user: APIUser): APIUser {
    this.#usersById.set(user.id, user);
    return user;
  }
}

function buildGuild(seed: GuildSeed): WorldGuild {
  const id = seed.id ?? nextSnowflake();
  const everyone = buildRole(id, { name: '@everyone', permissions: MEMBER_PERMISSIONS }, 0);
  return {
    id,
    name: seed.name,
    preferredLocale: seed.preferredLocale ?? 'vi',
    channel: { id: nextSnowflake(), name: seed.channelName ?? 'general' },
    roles: [everyone, ...(seed.roles ?? []).map((role, index) => buildRole(role.id ?? nextSnowflake(), role, index + 1))],
  };
}

function buildRole(id: string, seed: RoleSeed, position: number): APIRole {
  return {
    id,
    name: seed.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: seed.permissions ?? '0',
    managed: false,
    mentionable: seed.mentionable ?? true,
    flags: 0 as RoleFlags,
  };
}
