// INTERACTION_CREATE payloads as Discord sends them for a slash command, an autocomplete keystroke
// and a button press: who (member in a guild, user in a DM), where, with typed options and `resolved`.
import { randomBytes } from 'node:crypto';
import type { APIUser } from 'discord.js';
import { isAttachmentInput, type AttachmentInput, type AttachmentStore } from './attachments.ts';
import type { RegisteredCommand, RegisteredOption } from './commandsApi.ts';
import { nextSnowflake } from './snowflake.ts';
import { BOT_PERMISSIONS, type World, type WorldGuild } from './world.ts';

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

/** Who acts, and where. No guild means a DM with the bot. */
export interface Invoker {
  user: APIUser;
  roleIds: string[];
  permissions: string;
  locale: string;
  guild?: WorldGuild;
}

/** What a test may pass for an option: the typed value, for user/role options the user or role itself, for attachments the file. */
export type OptionInput = string | number | boolean | APIUser | AttachmentInput;

type Json = Record<string, unknown>;

export function commonFields(world: World, invoker: Invoker, type: number): Json {
  const { guild, user } = invoker;
  const base: Json = {
    id: nextSnowflake(),
    application_id: world.application.id,
    type,
    token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
    version: 1,
    locale: invoker.locale,
    app_permissions: BOT_PERMISSIONS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (!guild) {
    const channelId = world.dmChannelId(user.id);
    return {
      ...base,
      channel_id: channelId,
      channel: { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [user] },
      user,
      // Guild-installed app, reached in the bot's DM: the owner id is "0".
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  }
  return {
    ...base,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    guild_locale: guild.preferredLocale,
    channel_id: guild.channel.id,
    channel: {
      id: guild.channel.id,
      type: 0,
      guild_id: guild.id,
      name: guild.channel.name,
      position: 0,
      permissions: invoker.permissions,
      flags: 0,
      nsfw: false,
      parent_id: null,
      topic: null,
      rate_limit_per_user: 0,
      last_message_id: null,
    },
    member: { ...world.member(user, invoker.roleIds), permissions: invoker.permissions },
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
  };
}

export interface CommandOptionsRequest {
  command: RegisteredCommand;
  subcommand?: string;
  values: Record<string, OptionInput>;
  /** For autocomplete: the option being typed in; its value is sent as the raw typed text. */
  focused?: string;
  /** Where attached files are kept and served from (needed for attachment options). */
  attachments?: AttachmentStore;
}

/** Turns `{ query: 'hiệp định' }` into Discord's typed option list, checked against the registered definition. */
export function commandData(world: World, invoker: Invoker, request: CommandOptionsRequest): Json {
  const { command, subcommand, values, focused, attachments } = request;
  let definitions = command.options ?? [];
  let wrap = (options: Json[]): Json[] => options;
  if (subcommand !== undefined) {
    const sub = definitions.find((option) => option.name === subcommand && option.type === OptionType.Subcommand);
    if (!sub) throw new Error(`/${command.name} has no subcommand "${subcommand}"`);
    definitions = sub.options ?? [];
    wrap = (options) => [{ type: OptionType.Subcommand, name: subcommand, options }];
  }
  const resolved: Resolved = {};
  const options = Object.entries(values).map(([name, input]) => {
    const definition = definitions.find((option) => option.name === name);
    if (!definition)
      throw new Error(
        `/${command.name} has no option "${name}" (registered: ${definitions.map((option) => option.name).join(', ') || 'none'})`,
      );
    if (name === focused) return { type: definition.type, name, value: String(input), focused: true };
    return { type: definition.type, name, value: optionValue(world, invoker, definition, input, resolved, attachments) };
  });
  if (focused === undefined) {
    const missing = definitions.filter((option) => option.required && !(option.name in values)).map((option) => option.name);
    if (missing.length > 0)
      throw new Error(`/${command.name} needs option(s) ${missing.join(', ')}; Discord would not let a member send it`);
  } else if (!(focused in values)) {
    throw new Error(`The focused option "${focused}" needs a typed value in options`);
  }
  return {
    id: command.id,
    name: command.name,
    type: command.type,
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    ...(options.length > 0 ? { options: wrap(options) } : subcommand !== undefined ? { options: wrap([]) } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

interface Resolved {
  users?: Json;
  members?: Json;
  roles?: Json;
  attachments?: Json;
}

function optionValue(
  world: World,
  invoker: Invoker,
  definition: RegisteredOption,
  input: OptionInput,
  resolved: Resolved,
  attachments?: AttachmentStore,
): unknown {
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`Option "${definition.name}" is a ${what}; got ${JSON.stringify(input)}`);
  };
  switch (definition.type) {
    case OptionType.String:
      expect(typeof input === 'string', 'string');
      return input;
    case OptionType.Integer:
      expect(Number.isInteger(input), 'integer');
      return input;
    case OptionType.Number:
      expect(typeof input === 'number', 'number');
      return input;
    case OptionType.Boolean:
      expect(typeof input === 'boolean', 'boolean');
      return input;
    case OptionType.User: {
      expect(typeof input === 'string' || typeof input === 'object', 'user (id or user object)');
      const user = typeof input === 'object' ? (input as APIUser) : world.user({ id: input as string });
      (resolved.users ??= {})[user.id] = user;
      if (invoker.guild) {
        const { user: _user, ...member } = world.member(user, []);
        (resolved.members ??= {})[user.id] = { ...member, permissions: invoker.permissions };
      }
      return user.id;
    }
    case OptionType.Role: {
      expect(typeof input === 'string', 'role (id or name)');
      const role = world.role(input as string, invoker.guild?.id);
      (resolved.roles ??= {})[role.id] = role;
      return role.id;
    }
    case OptionType.Attachment: {
      expect(isAttachmentInput(input), 'attachment ({ filename, content })');
      if (!attachments) throw new Error("Attachment options need the stand-in's attachment store");
      const channelId = invoker.guild?.channel.id ?? world.dmChannelId(invoker.user.id);
      const attachment = attachments.add(channelId, input as AttachmentInput);
      (resolved.attachments ??= {})[attachment.id as string] = attachment;
      return attachment.id;
    }
    default:
      throw new Error(`The stand-in does not model option type ${definition.type} ("${definition.name}") yet`);
  }
}

/** A member pressing a button on `message`. */
export function buttonData(customId: string): Json {
  return { custom_id: customId, component_type: 2 };
}
