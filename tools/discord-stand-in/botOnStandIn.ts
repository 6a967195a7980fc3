// Starts a stand-in and a discord.js client logged in to it, and tears both down so vitest exits clean.
// The client comes from a `startBot` function, so the real bot's start-up can be plugged in later.
import { once } from 'node:events';
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { DiscordDriver } from './discordDriver.ts';
import { startDiscordStandIn, type DiscordStandIn, type StandInOptions } from './standIn.ts';

/** What a bot needs to log in to the stand-in instead of Discord. */
export interface StandInConnection {
  token: string;
  /** Merge into the bot's ClientOptions: points REST at the stand-in and skips identify throttling. */
  clientOptions: Pick<ClientOptions, 'rest' | 'ws'>;
}

/** Logs a client in and resolves once it is ready (has its guilds). */
export type StartBot = (connection: StandInConnection) => Promise<Client>;

export interface BotOnStandIn {
  standIn: DiscordStandIn;
  client: Client;
  driver: DiscordDriver;
  /** Destroys the client, then closes every socket and server of the stand-in. */
  stop(): Promise<void>;
}

export function standInConnection(standIn: DiscordStandIn): StandInConnection {
  return {
    token: standIn.token,
    clientOptions: {
      rest: { api: standIn.restApi },
      // discord.js waits 5 s between two IDENTIFYs of a shard, as Discord demands. The stand-in does not
      // demand it, and tests that make a client re-identify should not sit out the wait.
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
    },
  };
}

/**
 * A plain discord.js client with the Guilds intent; `setup` attaches the test's handlers before login,
 * `options` adds client options (e.g. `shards: 'auto'` to take the stand-in's recommended shard count).
 */
export function plainClient(setup: (client: Client) => void = () => undefined, options: Partial<ClientOptions> = {}): StartBot {
  return async ({ token, clientOptions }) => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options, ...clientOptions });
    setup(client);
    const ready = once(client, 'clientReady');
    try {
      await client.login(token);
      await ready;
    } catch (error) {
      await client.destroy();
      throw error;
    }
    return client;
  };
}

export async function startBotOnStandIn(startBot: StartBot, options: StandInOptions = {}): Promise<BotOnStandIn> {
  const standIn = await startDiscordStandIn(options);
  let client: Client;
  try {
    client = await startBot(standInConnection(standIn));
  } catch (error) {
    await standIn.close();
    throw error;
  }
  return {
    standIn,
    client,
    driver: new DiscordDriver(standIn),
    stop: async () => {
      await client.destroy();
      await standIn.close();
    },
  };
}
