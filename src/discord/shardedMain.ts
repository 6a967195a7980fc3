// `npm run start:sharded`, for when one process is not enough: a discord.js ShardingManager runs one
// child process per shard, each going through the same start-up as `npm start` (src/discord/main.ts).
// The manager only counts shards, starts them one after another, and stops them all on SIGINT/SIGTERM.
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Routes, ShardingManager, type Shard } from 'discord.js';
import { formatConfigErrors, loadConfig, readDotEnv, type Config } from '../config.ts';
import { createLogger, redact, type Logger } from '../logger.ts';
import { runsFromSource } from '../library/runsFromSource.ts';

const FROM_SOURCE = runsFromSource(import.meta.url);
/** Each shard runs the ordinary bot entry: compiled beside this file in dist/, or its source. */
const SHARD_ENTRY = fileURLToPath(new URL(FROM_SOURCE ? './main.ts' : './main.js', import.meta.url));
/**
 * Shards are plain `node` processes. Run from the sources, tsx's loader makes them run TypeScript;
 * it is resolved to a file URL here, because `--import tsx` would be looked up from the current
 * directory, which may not be ours. Compiled, they need nothing (and tsx may not be installed).
 */
const SHARD_EXEC_ARGV = FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : [];
/** Discord allows one IDENTIFY per 5 s (per max_concurrency bucket); each shard process identifies on its own. */
const SPAWN_DELAY_MS = 5_500;
/** Shard 0 may build the index cache from scratch before it logs in. */
const READY_TIMEOUT_MS = 5 * 60_000;
/** After SIGTERM, how long a shard gets to close its gateway connection before it is killed. */
const STOP_TIMEOUT_MS = 10_000;
const DISCORD_API = 'https://discord.com/api';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

type ShardCount = { ok: true; count: number; from: 'SHARD_COUNT' | 'Discord' } | { ok: false; error: string };

/**
 * SHARD_COUNT when set, else what Discord recommends. discord.js's own 'auto' always asks
 * discord.com (it ignores `rest.api`), so GET /gateway/bot is asked here, through DISCORD_API_URL.
 */
async function shardCount(env: NodeJS.ProcessEnv, config: Config): Promise<ShardCount> {
  const fixed = env.SHARD_COUNT?.trim();
  if (fixed) {
    if (!/^[1-9]\d{0,4}$/.test(fixed))
      return { ok: false, error: 'SHARD_COUNT must be a whole number of shards (1 or more), or unset to ask Discord' };
    return { ok: true, count: Number(fixed), from: 'SHARD_COUNT' };
  }
  const url = `${config.apiUrl ?? DISCORD_API}/v10${Routes.gatewayBot()}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bot ${config.token}` } });
  } catch (error) {
    return {
      ok: false,
      error: `could not ask Discord how many shards to run (${url}): ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (response.status === 401) {
    return {
      ok: false,
      error: 'Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (Bot → Reset Token) and update .env.',
    };
  }
  const body = (await response.json().catch(() => undefined)) as { shards?: unknown } | undefined;
  if (!response.ok || typeof body?.shards !== 'number' || !Number.isInteger(body.shards) || body.shards < 1) {
    return {
      ok: false,
      error: `could not ask Discord how many shards to run: GET ${url} answered ${response.status}; set SHARD_COUNT instead`,
    };
  }
  return { ok: true, count: body.shards, from: 'Discord' };
}

function watchShard(shard: Shard, logger: Logger, isStopping: () => boolean): void {
  const log = logger.child({ shardId: shard.id });
  // Shards are processes (the default mode), not workers: each has a pid.
  shard.on('spawn', (child) => log.info('shard started', { pid: 'pid' in child ? child.pid : undefined }));
  shard.on('ready', () => log.info('shard ready'));
  shard.on('death', (child) => {
    const fields = 'pid' in child ? { pid: child.pid, exitCode: child.exitCode, signal: child.signalCode } : {};
    if (isStopping()) log.info('shard exited', fields);
    else log.warn('shard exited', { ...fields, respawning: shard.manager.respawn });
  });
  // A failed respawn is emitted as 'error'; without a listener it would crash the manager.
  shard.on('error', (error: unknown) => log.error('shard error', { error }));
}

/** Asks every live shard to stop (SIGTERM: main.ts closes the gateway and exits 0), and waits until all have exited. */
async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  const stopping = [...manager.shards.values()].map(async (shard) => {
    const child = shard.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  });
  await Promise.all(stopping);
}

async function main(): Promise<void> {
  const env = readDotEnv();
  const loaded = loadConfig(env);
  if (!loaded.ok) fail(formatConfigErrors(loaded.errors));
  const { config } = loaded;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] }).child({ process: 'shard-manager' });

  const counted = await shardCount(env, config);
  if (!counted.ok) fail(`citebot cannot start: ${redact(counted.error, [config.token])}`);
  logger.info('starting shards', { pid: process.pid, shardCount: counted.count, from: counted.from, apiUrl: config.apiUrl ?? DISCORD_API });

  // The token reaches each shard in its environment (DISCORD_TOKEN), never on a command line.
  const manager = new ShardingManager(SHARD_ENTRY, {
    totalShards: counted.count,
    token: config.token,
    execArgv: SHARD_EXEC_ARGV,
    // Off while starting: a shard that dies before it is ready (a broken corpus, a refused token) would
    // otherwise be restarted forever. Turned on once every shard is up.
    respawn: false,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => watchShard(shard, logger, () => stopping));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));

  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await stopShards(manager).catch((error: unknown) => logger.error('error while stopping shards', { error }));
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));

  // One shard at a time, each waiting for the previous to be ready: shard 0 loads the corpus (and fills
  // the index cache next to it) before any other shard opens it.
  try {
    await manager.spawn({ delay: SPAWN_DELAY_MS, timeout: READY_TIMEOUT_MS });
  } catch (error) {
    if (stopping) return;
    stopping = true;
    await stopShards(manager).catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    fail(`citebot cannot start: a shard did not get ready (${redact(detail, [config.token])}); its own message is above.`);
  }
  if (stopping) return;
  manager.respawn = true;
  logger.info('started', { shardCount: manager.totalShards });
}

void main();
