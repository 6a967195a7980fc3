// Acts as a member on the stand-in: runs a slash command, types into an autocomplete option, presses a
// button, and resolves with what that member would end up seeing once the bot has answered.
import type { APIUser } from 'discord.js';
import { buttonData, commandData, commonFields, InteractionType, type Invoker, type OptionInput } from './interactionPayloads.ts';
import type { InteractionRecord } from './interactionsApi.ts';
import { MessageFlag, type StoredMessage } from './messageStore.ts';
import type { Pings } from './mentions.ts';
import type { DiscordStandIn } from './standIn.ts';
import { MEMBER_PERMISSIONS, type UserSeed } from './world.ts';

export interface ActAs {
  /** Defaults to the world's default member. */
  user?: APIUser | UserSeed;
  /** Role names or ids in the guild. */
  roles?: string[];
  /** The member's permissions in the channel (bitfield). */
  permissions?: bigint | string;
  /** The member's client language; defaults to 'vi'. */
  locale?: string;
  guildId?: string;
  /** Invoke in a DM with the bot instead of a guild channel. */
  dm?: boolean;
  /** How long to wait for the final answer before failing (default 5 s). */
  timeoutMs?: number;
}

export interface InvokeCommandRequest extends ActAs {
  name: string;
  subcommand?: string;
  options?: Record<string, OptionInput>;
  /** Also wait until the bot has sent this many follow-up messages. */
  followUps?: number;
}

export interface InvokeAutocompleteRequest extends ActAs {
  name: string;
  subcommand?: string;
  /** Every option filled in so far, the focused one holding the text typed. */
  options: Record<string, OptionInput>;
  focused: string;
}

export interface PressButtonRequest extends ActAs {
  /** The message the button is on, e.g. an earlier result's `reply`. */
  message: StoredMessage;
  customId: string;
  followUps?: number;
}

/** What a member sees once the bot has answered. */
export interface MemberView {
  /** The answer as it stands now: the reply (or, for a button, the message it is on) after all edits. */
  reply: StoredMessage | undefined;
  ephemeral: boolean;
  /** The bodies of the edits the bot made, in order. */
  edits: Record<string, unknown>[];
  followUps: StoredMessage[];
  /** Who the visible messages notified, given their content and allowed_mentions. */
  pinged: Pings;
  /** The callback type the bot acknowledged with (4, 5, 6, 7 or 8). */
  acknowledgedWith: number;
  acknowledgedInMs: number;
  /** Autocomplete suggestions. */
  choices?: { name: string; value: string | number }[];
  interaction: InteractionRecord;
}

export class DiscordDriver {
  constructor(private readonly standIn: DiscordStandIn) {}

  invokeCommand(request: InvokeCommandRequest): Promise<MemberView> {
    const invoker = this.#invoker(request);
    const command = this.#command(request.name, invoker);
    const payload = {
      ...commonFields(this.standIn.world, invoker, InteractionType.ApplicationCommand),
      data: commandData(this.standIn.world, invoker, {
        command,
        subcommand: request.subcommand,
        values: request.options ?? {},
        attachments: this.standIn.attachments,
      }),
    };
    return this.#send(payload, `/${request.name}`, request);
  }

  invokeAutocomplete(request: InvokeAutocompleteRequest): Promise<MemberView> {
    const invoker = this.#invoker(request);
    const command = this.#command(request.name, invoker);
    const payload = {
      ...commonFields(this.standIn.world, invoker, InteractionType.Autocomplete),
      data: commandData(this.standIn.world, invoker, {
        command,
        subcommand: request.subcommand,
        values: request.options,
        focused: request.focused,
      }),
    };
    return this.#send(payload, `autocomplete for /${request.name} ${request.focused}`, request);
  }

  pressButton(request: PressButtonRequest): Promise<MemberView> {
    const message = this.standIn.interactions.messages.get(request.message.id) ?? request.message;
    const buttons = message.components.flatMap((row) => (row.components as Record<string, unknown>[] | undefined) ?? []);
    const button = buttons.find((component) => component.custom_id === request.customId);
    if (!button) {
      throw new Error(
        `No button "${request.customId}" on message ${message.id}; it has: ${buttons.map((component) => component.custom_id ?? component.url).join(', ') || 'none'}`,
      );
    }
    if (button.disabled) throw new Error(`Button "${request.customId}" is disabled; a member cannot press it`);
    const guild = this.standIn.world.guilds.find((candidate) => candidate.channel.id === message.channel_id);
    const invoker = this.#invoker({ ...request, dm: !guild, guildId: guild?.id });
    const payload = {
      ...commonFields(this.standIn.world, invoker, InteractionType.MessageComponent),
      message,
      data: buttonData(request.customId),
    };
    return this.#send(payload, `button ${request.customId}`, request);
  }

  #send(payload: Record<string, unknown>, what: string, request: ActAs & { followUps?: number }): Promise<MemberView> {
    const { interactions, gateway } = this.standIn;
    const record = interactions.open(payload);
    const wantedFollowUps = request.followUps ?? 0;
    const timeoutMs = request.timeoutMs ?? 5_000;
    const done = () => record.answered && record.followUpIds.length >= wantedFollowUps;

    const outcome = new Promise<MemberView>((resolve, reject) => {
      const onChange = (changed: InteractionRecord) => {
        if (changed !== record || !(done() || record.failed)) return;
        interactions.off('change', onChange);
        clearTimeout(timer);
        if (record.failed) reject(new Error(`${what}: the bot acknowledged after the deadline; the member saw "This interaction failed"`));
        else resolve(this.#view(record));
      };
      const timer = setTimeout(() => {
        interactions.off('change', onChange);
        reject(new Error(describeTimeout(what, record, wantedFollowUps, timeoutMs, this.standIn)));
      }, timeoutMs);
      interactions.on('change', onChange);
    });
    gateway.dispatch(payload.guild_id as string | undefined, 'INTERACTION_CREATE', payload);
    return outcome;
  }

  #view(record: InteractionRecord): MemberView {
    const messages = this.standIn.interactions.messages;
    const reply = record.originalMessageId ? messages.get(record.originalMessageId) : undefined;
    const acknowledgement = record.acknowledgement!;
    return {
      reply: record.type === InteractionType.Autocomplete ? undefined : reply,
      ephemeral: reply ? (reply.flags & MessageFlag.Ephemeral) !== 0 : false,
      edits: record.edits.map((edit) => edit.body),
      followUps: record.followUpIds.flatMap((id) => messages.get(id) ?? []),
      pinged: record.pinged,
      acknowledgedWith: acknowledgement.type,
      acknowledgedInMs: acknowledgement.at - record.createdAt,
      ...(record.choices ? { choices: record.choices as MemberView['choices'] } : {}),
      interaction: record,
    };
  }

  #invoker(request: ActAs): Invoker {
    const { world } = this.standIn;
    const user =
      request.user === undefined
        ? world.defaultUser
        : world.user({
            id: request.user.id,
            username: 'username' in request.user ? request.user.username : undefined,
            globalName:
              'globalName' in request.user
                ? request.user.globalName
                : 'global_name' in request.user
                  ? (request.user.global_name ?? undefined)
                  : undefined,
          });
    const guild = request.dm ? undefined : world.guild(request.guildId);
    return {
      user,
      guild,
      roleIds: guild ? (request.roles ?? []).map((role) => world.role(role, guild.id).id) : [],
      permissions: String(request.permissions ?? MEMBER_PERMISSIONS),
      locale: request.locale ?? 'vi',
    };
  }

  #command(name: string, invoker: Invoker) {
    const command = this.standIn.commands.find(name, invoker.guild?.id);
    if (!command)
      throw new Error(`/${name} is not registered with the stand-in, so no member could run it (register commands before invoking)`);
    return command;
  }
}

function describeTimeout(what: string, record: InteractionRecord, followUps: number, timeoutMs: number, standIn: DiscordStandIn): string {
  const state = record.acknowledgement
    ? `acknowledged with type ${record.acknowledgement.type}, ${record.edits.length} edit(s), ${record.followUpIds.length}/${followUps} follow-up(s)`
    : 'never acknowledged';
  const violations = standIn.violations
    .map((violation) => `\n  ${violation.request} → ${violation.status} ${JSON.stringify(violation.error)}`)
    .join('');
  return `${what} (interaction ${record.id}) got no final answer within ${timeoutMs} ms: ${state}.${violations ? `\nViolations so far:${violations}` : ''}`;
}
