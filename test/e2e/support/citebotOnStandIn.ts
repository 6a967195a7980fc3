// Starts the real citebot the way `npm start` does — config from environment variables, the corpus
// through LibraryStore, the commands registered by the real deploy code, then `startBot` — against
// the local Discord stand-in. The only thing pointing it there is DISCORD_API_URL (config.apiUrl).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../../src/config.ts';
import type { Cooldown } from '../../../src/discord/cooldown.ts';
import { deployCommands } from '../../../src/discord/deployCommands.ts';
import { startBot, type RunningBot, type StartBotOptions } from '../../../src/discord/startBot.ts';
import { LibraryStore } from '../../../src/library/libraryStore.ts';
import { createLogger } from '../../../src/logger.ts';
import { DiscordDriver } from '../../../tools/discord-stand-in/discordDriver.ts';
import { startDiscordStandIn, type DiscordStandIn, type StandInOptions } from '../../../tools/discord-stand-in/standIn.ts';

export const BUNDLED_CORPUS = 'corpus';
export const EDITOR_ROLE = 'Biên tập viên';
export const MODERATOR_ROLE = 'Điều hành viên';

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface CitebotOnStandIn {
  standIn: DiscordStandIn;
  bot: RunningBot;
  driver: DiscordDriver;
  store: LibraryStore;
  config: Config;
  /** Every line the bot logged, parsed. */
  logs: LogLine[];
  /** Lines at level error (a handler that threw, a reply that failed): a member saw "something went wrong". */
  errorLogs(): LogLine[];
  /** Stops the bot, then the stand-in. */
  stop(): Promise<void>;
}

export interface CitebotOptions {
  /** Corpus folder (default: the bundled `corpus/`). */
  corpusDir?: string;
  /** Passed to startBot: `new Cooldown(0)` turns the per-member pause off. */
  cooldown?: Cooldown;
  standIn?: StandInOptions;
  /** More settings, as the operator would write them in `.env` (they win over the defaults here). */
  env?: Record<string, string>;
  /** Passed to startBot: called once per interaction (metrics). */
  observe?: StartBotOptions['observe'];
}

export async function startCitebotOnStandIn(options: CitebotOptions = {}): Promise<CitebotOnStandIn> {
  const standIn = await startDiscordStandIn({
    // Short heartbeats so a zombie connection is found in well under a second.
    heartbeatIntervalMs: 200,
    guilds: [
      {
        name: 'Phòng tin Citebot',
        preferredLocale: 'vi',
        channelName: 'hỏi-đáp',
        roles: [{ name: EDITOR_ROLE }, { name: MODERATOR_ROLE }],
      },
    ],
    ...options.standIn,
  });
  try {
    const env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_URL: standIn.restApi,
      DISCORD_APPLICATION_ID: standIn.world.application.id,
      CORPUS_DIR: options.corpusDir ?? BUNDLED_CORPUS,
      MODERATOR_ROLE_IDS: standIn.world.role(MODERATOR_ROLE).id,
      // The first seeded server is the operator's; a test that seeds more can check the others are refused.
      MODERATION_GUILD_IDS: standIn.world.guild().id,
      // Tests reload several times in a row; the reload cooldown has its own test.
      RELOAD_COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
      ...options.env,
    };
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(`test config refused: ${loaded.errors.join('; ')}`);
    const { config } = loaded;

    await deployCommands(config);
    const store = await LibraryStore.open(config.corpusDir, { buildTimeoutMs: config.buildTimeoutMs });
    const logs: LogLine[] = [];
    const logger = createLogger({
      level: config.logLevel,
      secrets: [config.token],
      write: (line) => logs.push(JSON.parse(line) as LogLine),
    });
    const bot = await startBot({
      config,
      store,
      logger,
      ...(options.cooldown ? { cooldown: options.cooldown } : {}),
      ...(options.observe ? { observe: options.observe } : {}),
      // Only the identify throttler: REST reaches the stand-in through config.apiUrl alone.
      clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } },
    });
    return {
      standIn,
      bot,
      driver: new DiscordDriver(standIn),
      store,
      config,
      logs,
      errorLogs: () => logs.filter((line) => line.level === 'error'),
      stop: async () => {
        store.close();
        await bot.stop();
        await standIn.close();
      },
    };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}

/** A scratch copy of a corpus folder that a test may change; `remove()` deletes it. */
export async function copyCorpus(from = BUNDLED_CORPUS): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'citebot-e2e-'));
  const dir = join(root, 'corpus');
  await cp(from, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
