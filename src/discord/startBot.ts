// The real start-up path, shared by `main.ts` and the end-to-end tests: a client that pings no one
// by default, the router on every interaction, then login; resolves once the client is ready.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { LibrarySource, SlashCommand } from './commandTypes.ts';
import type { Cooldown } from './cooldown.ts';
import { createInteractionRouter, type InteractionRouter, type RouterOptions } from './interactionRouter.ts';
import { answerShardReloads } from './reloadAllShards.ts';

export interface StartBotOptions {
  config: Config;
  store: LibrarySource;
  logger: Logger;
  /** For tests: other commands, or a cooldown with a fake clock. */
  commands?: readonly SlashCommand[];
  cooldown?: Cooldown;
  /** Called once per handled interaction (metrics). */
  observe?: RouterOptions['observe'];
  /** For tests against a stand-in: e.g. `ws.buildIdentifyThrottler`. `config.apiUrl` still sets `rest.api`. */
  clientOptions?: Pick<ClientOptions, 'rest' | 'ws'>;
}

export interface RunningBot {
  client: Client;
  router: InteractionRouter;
  /** Closes the gateway connection; safe to call twice. */
  stop(): Promise<void>;
}

export async function startBot({
  config,
  store,
  logger,
  commands,
  cooldown,
  observe,
  clientOptions,
}: StartBotOptions): Promise<RunningBot> {
  if (!config.token) throw new Error('DISCORD_TOKEN is missing: the bot cannot log in without it');
  const rest = { ...clientOptions?.rest, ...(config.apiUrl ? { api: config.apiUrl } : {}) };
  const client = new Client({
    ...(clientOptions?.ws ? { ws: clientOptions.ws } : {}),
    intents: [GatewayIntentBits.Guilds],
    ...(Object.keys(rest).length > 0 ? { rest } : {}),
    allowedMentions: { parse: [] },
  });
  const router = createInteractionRouter({
    store,
    config,
    logger,
    ...(commands ? { commands } : {}),
    ...(cooldown ? { cooldown } : {}),
    ...(observe ? { observe } : {}),
  });

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  // Under `npm run start:sharded`, a /reload in any shard reloads this shard's store too.
  if (client.shard) answerShardReloads(client, store, logger);
  client.once(Events.ClientReady, (ready) =>
    logger.info('ready', { user: ready.user.tag, applicationId: ready.application.id, guilds: ready.guilds.cache.size }),
  );
  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (error) => logger.error('client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('client warning', { detail: message }));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn('gateway disconnected', { shardId, code: event.code }));
  client.on(Events.ShardResume, (shardId) => logger.info('gateway resumed', { shardId }));
  client.on(Events.Debug, (message) => logger.debug('discord.js', { detail: message }));

  // Resolve once the client has its guilds, so callers (and tests) can use the cache straight away.
  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined);
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    // A failed login leaves timers and sockets behind: close them before a retry makes another client.
    await client.destroy().catch(() => undefined);
    throw error;
  }

  let stopped = false;
  return {
    client,
    router,
    async stop() {
      if (stopped) return;
      stopped = true;
      client.removeAllListeners(Events.InteractionCreate);
      await client.destroy();
    },
  };
}

/** A login refused because of the token (REST 401 or gateway close 4004), as opposed to a network failure. */
export function isTokenRejected(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'TokenInvalid' || /authentication failed|invalid token/i.test(error.message);
}
