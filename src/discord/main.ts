// `npm start`: config, corpus, then Discord. A bad setting or a rejected token is one clear message on
// stderr and exit code 1; a bad article is not (the bot serves the last good library, or the valid
// articles, and logs each `file:line: reason`); Discord out of reach at boot is retried with backoff.
// Once running, unexpected errors are logged and the bot stays up.
import { formatConfigErrors, loadConfig, readDotEnv } from '../config.ts';
import { formatCorpusError } from '../corpus/types.ts';
import { onBuilderStarted } from '../library/builderWatch.ts';
import { startBuilderLauncher, stopBuilderLauncher } from '../library/builderLauncher.ts';
import { builderEnvironment } from '../library/buildLibraryProcess.ts';
import { CorpusLoadError, LibraryStore } from '../library/libraryStore.ts';
import { createLogger, redact } from '../logger.ts';
import { warmUpInSlices } from '../answers/warmUp.ts';
import { renderAnswer } from './renderAnswer.ts';
import { type HealthServer, startHealthServer } from './healthServer.ts';
import { createMetrics } from './metrics.ts';
import { retryWhileUnreachable } from './retryWhileUnreachable.ts';
import { isTokenRejected, startBot } from './startBot.ts';
import type { Logger } from '../logger.ts';

/** Every file the library leaves out, one log line each, so an operator finds them in the logs. */
function logLoadNotes(logger: Logger, store: LibraryStore): void {
  const info = store.lastLoad;
  if (!info) return;
  for (const warning of info.warnings) logger.warn('corpus warning', { detail: warning });
  for (const problem of info.problems) logger.warn('article not loaded', { problem: formatCorpusError(problem) });
  for (const file of info.skipped) logger.info('file not loaded', { file: file.file, reason: file.reason });
  if (info.served === 'last-good-cache') {
    logger.warn('the corpus folder has bad files: serving the last good library from the index cache; fix them and run /reload', {
      problems: info.problems.length,
    });
  } else if (info.served === 'valid-articles') {
    logger.warn('the corpus folder has bad files: serving the valid articles only; fix them and run /reload', {
      problems: info.problems.length,
    });
  }
}

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
  const logger =
    process.env.SHARDING_MANAGER && process.env.SHARDS ? baseLogger.child({ shardId: Number(process.env.SHARDS) }) : baseLogger;

  // Now, while the bot is small: a reload's builder is then started from it without blocking the bot.
  startBuilderLauncher(builderEnvironment());
  let store: LibraryStore;
  try {
    store = await LibraryStore.open(config.corpusDir, { buildTimeoutMs: config.buildTimeoutMs });
  } catch (error) {
    if (error instanceof CorpusLoadError) {
      fail(`citebot cannot start: the corpus in ${config.corpusDir} has problems:\n${error.errors.map(formatCorpusError).join('\n')}`);
    }
    fail(
      `citebot cannot start: could not read the corpus in ${config.corpusDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  logger.info('corpus loaded', {
    corpusDir: config.corpusDir,
    articles: store.current.corpus.articles.length,
    paragraphs: store.current.paragraphCount,
    fromCache: store.lastLoad?.fromCache,
    served: store.lastLoad?.served,
  });
  logLoadNotes(logger, store);
  // While the bot logs in (waiting on the network): the engines and the replies run a while, so the
  // first members get answers as fast as later ones (see warmUp.ts). Both locales, first and later pages.
  void warmUpInSlices(store.current, {
    onAnswer: (answer, round) => renderAnswer(answer, { locale: round % 2 === 0 ? 'vi' : 'en-US', askerId: '0', page: round % 3 }),
  }).then(
    (warmed) => logger.info('engines warmed up', { ...warmed }),
    (error: unknown) => logger.warn('engines not warmed up', { error }),
  );
  if (config.moderationGuildIds.length === 0) {
    logger.warn(
      'library changes are off: set MODERATION_GUILD_IDS (or DISCORD_GUILD_ID) to the server(s) whose moderators may run /reload',
    );
  }

  onBuilderStarted((started) => logger.info('library builder started', { ...started }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));

  // Installed before logging in: a stop asked for while Discord is still out of reach ends the retries.
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  let health: HealthServer | undefined;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals | 'manager-gone') => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // The library builder first: it must not go on writing the cache after the bot is gone.
    store.close();
    stopBuilderLauncher();
    await bot?.stop().catch((error: unknown) => logger.error('error while shutting down', { error }));
    await health?.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));

  const metrics = config.httpPort === undefined ? undefined : createMetrics(store);
  if (metrics) {
    health = await startHealthServer({ config, store, logger, metrics, bot: () => bot }).catch((error: unknown) =>
      fail(`citebot cannot start: HTTP_PORT ${config.httpPort}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  try {
    bot = await retryWhileUnreachable(() => startBot({ config, store, logger, ...(metrics ? { observe: metrics.observe } : {}) }), {
      logger,
      isFatal: isTokenRejected,
      stopped: () => stopping,
    });
  } catch (error) {
    if (isTokenRejected(error)) {
      fail(
        'citebot cannot start: Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (Bot → Reset Token) and update .env.',
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    fail(`citebot cannot start: could not connect to Discord: ${redact(detail, [config.token])}`);
  }
  if (stopping) return;
  logger.info('started', { guild: config.guildId ?? 'all', apiUrl: config.apiUrl ?? 'https://discord.com/api' });

  // A shard of `npm run start:sharded` talks to its manager over IPC. If the manager dies without
  // stopping it (SIGKILL, crash), the channel closes: stop too rather than run on unmanaged.
  if (process.send) process.once('disconnect', () => void shutdown('manager-gone'));
}

void main();
