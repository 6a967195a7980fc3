// Small stand-ins for discord.js interactions: just the members the router and handlers read,
// and a record of what the bot sent back. Unit tests only; end-to-end tests use the stand-in in tools/discord-stand-in.
import { ApplicationCommandOptionType, type Interaction } from 'discord.js';
import { Cooldown } from '../../src/discord/cooldown.ts';

export interface Sent {
  method: 'reply' | 'deferReply' | 'editReply' | 'followUp' | 'update' | 'respond';
  options: any;
}

interface Base {
  userId?: string;
  guildId?: string | null;
  locale?: string;
}

function base(
  kind: 'command' | 'autocomplete' | 'button',
  { userId = '111111111111111111', guildId = '900000000000000000', locale = 'en-US' }: Base,
) {
  const sent: Sent[] = [];
  const interaction: Record<string, any> = {
    id: '555555555555555555',
    user: { id: userId, username: 'asker' },
    guildId,
    locale,
    deferred: false,
    replied: false,
    isChatInputCommand: () => kind === 'command',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isRepliable: () => kind !== 'autocomplete',
    inGuild: () => guildId !== null,
    async reply(options: unknown) {
      if (interaction.replied || interaction.deferred) throw new Error('already acknowledged');
      interaction.replied = true;
      sent.push({ method: 'reply', options });
    },
    async deferReply(options: unknown) {
      interaction.deferred = true;
      sent.push({ method: 'deferReply', options });
    },
    async editReply(options: unknown) {
      sent.push({ method: 'editReply', options });
    },
    async followUp(options: unknown) {
      sent.push({ method: 'followUp', options });
    },
    async update(options: unknown) {
      interaction.replied = true;
      sent.push({ method: 'update', options });
    },
    async respond(options: unknown) {
      sent.push({ method: 'respond', options });
    },
  };
  return { interaction, sent };
}

export interface CommandOptions {
  commandName: string;
  options?: Record<string, string | number | boolean | { id: string }>;
  memberPermissions?: { has: (flag: bigint) => boolean } | null;
  member?: { roles: string[] | { cache: Map<string, unknown> } } | null;
}

export function fakeCommand(init: CommandOptions & Base) {
  const { interaction, sent } = base('command', init);
  const values = init.options ?? {};
  interaction.commandName = init.commandName;
  interaction.memberPermissions = init.memberPermissions ?? null;
  interaction.member = init.member ?? null;
  interaction.options = {
    getString: (name: string) => (typeof values[name] === 'string' ? values[name] : null),
    getInteger: (name: string) => (typeof values[name] === 'number' ? values[name] : null),
    getBoolean: (name: string) => (typeof values[name] === 'boolean' ? values[name] : null),
    getUser: (name: string) => (typeof values[name] === 'object' ? values[name] : null),
  };
  return { interaction: interaction as unknown as Interaction & { commandName: string }, sent, raw: interaction };
}

export function fakeAutocomplete(init: { commandName: string; name: string; value: string; type: ApplicationCommandOptionType } & Base) {
  const { interaction, sent } = base('autocomplete', init);
  interaction.commandName = init.commandName;
  interaction.options = { getFocused: () => ({ name: init.name, value: init.value, type: init.type }) };
  return { interaction: interaction as unknown as Interaction, sent };
}

export function fakeButton(init: { customId: string; embeds?: unknown[] } & Base) {
  const { interaction, sent } = base('button', init);
  interaction.customId = init.customId;
  interaction.message = { embeds: (init.embeds ?? []).map((embed) => ({ toJSON: () => embed })) };
  return { interaction: interaction as unknown as Interaction, sent };
}

export { ApplicationCommandOptionType };

/** The guild every fake interaction comes from unless told otherwise. */
export const FAKE_GUILD = '900000000000000000';

/** A command context for /reload's handler: the fake guild is the operator's, no reload cooldown. */
export function moderationContext<Store, Log>({
  store,
  logger,
  moderatorRoleIds = ['700000000000000007'],
}: {
  store: Store;
  logger: Log;
  moderatorRoleIds?: string[];
}) {
  return {
    store,
    logger,
    config: { moderatorRoleIds, moderationGuildIds: [FAKE_GUILD] },
    reloadCooldown: new Cooldown(0),
    reloadReports: {},
  } as never;
}
