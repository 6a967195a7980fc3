// `npm start`: config, corpus, then Discord. Anything wrong at start-up is one clear message on
// stderr and exit code 1; once running, unexpected errors are logged and the bot stays up.
import { formatConfigErrors, loadConfig, readDotEnv } from '../config.ts';
import { formatCorpusError } from '../corpus/types.ts';
import { CorpusLoadError, LibraryStore } from '../library/libraryStore.ts';
import { createLogger, redact } from '../logger.ts';
import { isTokenRejected, startBot } from './startBot.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const loaded = loadConfig(readDotEnv());
  if (!loaded.ok) fail(formatConfigErrors(loaded.errors));
  const { config } = loaded;
  const baseLogger = createLogger({ level: config.logLevel, secrets: [config.token] });
  // Under `npm run start:sharded` every shard writes to the same output: tag each line with its shard
  // (SHARDS is set by discord.js's ShardingManager for the child it starts).
  const logger = process.env.SHARDING_MANAGER && process.env.SHARDS ? baseLogger.child({ shardId: Number(process.env.SHARDS) }) : baseLogger;

  let store: LibraryStore;
  try {
    store = await LibraryStore.open(config.corpusDir);
  } catch (error) {
    if (error instanceof CorpusLoadError) {
      fail(`citebot cannot start: the corpus in ${config.corpusDir} has problems:\n${error.errors.map(formatCorpusError).join('\n')}`);
    }
    fail(`citebot cannot start: could not read the corpus in ${config.corpusDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  logger.info('corpus loaded', {
    corpusDir: config.corpusDir,
    articles: store.current.corpus.articles.length,
    paragraphs: store.current.paragraphCount,
    fromCache: store.lastLoad?.fromCache,
  });

  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));

  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ config, store, logger });
  } catch (error) {
    if (isTokenRejected(error)) {
      fail('citebot cannot start: Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (Bot → Reset Token) and update .env.');
    }
    const detail = error instanceof Error ? error.message : String(error);
    fail(`citebot cannot start: could not connect to Discord: ${redact(detail, [config.token])}`);
  }
  logger.info('started', { guild: config.guildId ?? 'all', apiUrl: config.apiUrl ?? 'https://discord.com/api' });

  const shutdown = async (signal: NodeJS.Signals | 'manager-gone') => {
    logger.info('shutting down', { signal });
    await bot.stop().catch((error: unknown) => logger.error('error while shutting down', { error }));
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
  // A shard of `npm run start:sharded` talks to its manager over IPC. If the manager dies without
  // stopping it (SIGKILL, crash), the channel closes: stop too rather than run on unmanaged.
  if (process.send) process.once('disconnect', () => void shutdown('manager-gone'));
}

void main();
