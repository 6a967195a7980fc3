// A small process, started while the bot is still small, that starts the reload's builder processes
// for it. Why: fork() copies the page tables of the process that calls it, and the bot's event loop
// waits meanwhile. From a bot holding a 100k-paragraph library (~500 MB resident) one fork blocked
// it for ~20 ms, and the cost grows with the library (~80 ms at 1M paragraphs). The launcher stays
// at a few tens of MB, so starting a builder from it costs the bot one IPC message.
//
// The launcher runs at the builders' low priority (they inherit it), with the builders' allowlisted
// environment, and exits when the bot goes (its IPC channel closes), killing any builder it started.
// Where it cannot start or has gone, builders are forked by the bot itself, as before.
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { lowerPriority } from './lowerPriority.ts';
import { runsFromSource } from './runsFromSource.ts';

const LAUNCHER_KIND = 'citebot-builder-launcher';

/** What the bot asks the launcher. */
type LauncherRequest = { type: 'start'; id: number; script: string; args: string[]; env: NodeJS.ProcessEnv } | { type: 'stop'; id: number };

/** What the launcher tells the bot about the builder `id`. */
type LauncherReport =
  | { type: 'ready' }
  | { type: 'spawned'; id: number; pid: number }
  | { type: 'message'; id: number; message: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null };

/**
 * The part of a ChildProcess that buildLibraryProcess.ts uses, which a builder started by the launcher
 * also has: the same events (`spawn`, `message`, `error`, `exit`), `pid` once spawned, and `kill`.
 */
export interface BuilderProcess {
  readonly pid?: number | undefined;
  kill(signal: NodeJS.Signals): unknown;
  once(event: 'spawn', listener: () => void): unknown;
  /** What the builder sent: checked by whoever listens, as any IPC message. */
  once(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

class LaunchedBuilder extends EventEmitter {
  pid: number | undefined;
  constructor(
    readonly startedBy: ChildProcess,
    readonly id: number,
  ) {
    super();
  }
  override once(event: 'spawn', listener: () => void): this;
  override once(event: 'message', listener: (message: unknown) => void): this;
  override once(event: 'error', listener: (error: Error) => void): this;
  override once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  override once(event: string, listener: (...args: never[]) => void): this {
    return super.once(event, listener as (...args: unknown[]) => void);
  }
  kill(signal: NodeJS.Signals): void {
    if (this.pid === undefined) {
      if (this.startedBy === launcher) send({ type: 'stop', id: this.id });
      return;
    }
    try {
      process.kill(this.pid, signal);
    } catch {
      // already gone
    }
  }
}

let launcher: ChildProcess | undefined;
/**
 * Requests made before the launcher said it listens: a message that reached it while it was still
 * loading its modules would be emitted to no listener and lost (a builder that never starts).
 */
let waiting: LauncherRequest[] | undefined;
const builders = new Map<number, LaunchedBuilder>();
let lastId = 0;

/**
 * Starts the launcher (once). Call it early, before the library is loaded: that is when forking is
 * cheap. `env` is the builders' environment (see builderEnvironment in buildLibraryProcess.ts).
 */
export function startBuilderLauncher(env: NodeJS.ProcessEnv): void {
  if (launcher?.connected) return;
  const entry = import.meta.url;
  // Compiled, this very module runs; from the sources, tsChild.mjs registers tsx first.
  const [script, args] = runsFromSource(entry) ? [new URL('./tsChild.mjs', import.meta.url), [entry]] : [new URL(entry), []];
  let started: ChildProcess;
  try {
    started = fork(fileURLToPath(script), args, {
      execArgv: [],
      env: { ...env, CITEBOT_CHILD: LAUNCHER_KIND },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  } catch {
    return; // builders are forked by the bot itself
  }
  launcher = started;
  waiting = [];
  started.on('message', (report: LauncherReport) => {
    if (report.type !== 'ready') return relay(report);
    for (const request of waiting ?? []) started.send(request);
    waiting = undefined;
  });
  // Whatever ends it, the builders it started are gone with it, and the next ones are forked directly.
  const gone = () => {
    if (launcher === started) [launcher, waiting] = [undefined, undefined];
    // Only its own: a launcher started since (after a stop) has builders of its own, alive.
    for (const builder of [...builders.values()])
      if (builder.startedBy === started) relay({ type: 'exit', id: builder.id, code: null, signal: 'SIGKILL' });
  };
  started.once('exit', gone);
  started.once('error', gone);
  keepAliveWhileBuilding();
}

/** Stops the launcher (shutdown); builders it started go with it. */
export function stopBuilderLauncher(): void {
  launcher?.kill('SIGKILL');
  [launcher, waiting] = [undefined, undefined];
}

/** The launcher's process id while it runs (tests, logs). */
export function builderLauncherPid(): number | undefined {
  return launcher?.connected ? launcher.pid : undefined;
}

/**
 * Starts `script` (a file path) through the launcher with fork's options for builders, or returns
 * undefined when no launcher runs: the caller then forks it itself.
 */
export function forkThroughLauncher(script: string, args: string[], env: NodeJS.ProcessEnv): BuilderProcess | undefined {
  if (!launcher?.connected) return undefined;
  const builder = new LaunchedBuilder(launcher, ++lastId);
  builders.set(builder.id, builder);
  keepAliveWhileBuilding();
  send({ type: 'start', id: builder.id, script, args, env });
  return builder;
}

function send(request: LauncherRequest): void {
  if (waiting) waiting.push(request);
  else if (launcher?.connected) launcher.send(request);
}

function relay(report: Exclude<LauncherReport, { type: 'ready' }>): void {
  const builder = builders.get(report.id);
  if (!builder) return;
  if (report.type === 'spawned') {
    builder.pid = report.pid;
    builder.emit('spawn');
  } else if (report.type === 'message') builder.emit('message', report.message);
  else if (report.type === 'error') builder.emit('error', new Error(report.message));
  else {
    builders.delete(report.id);
    keepAliveWhileBuilding();
    builder.emit('exit', report.code, report.signal);
  }
}

/** An idle launcher never keeps the bot's process alive; one running a build does, as a child would. */
function keepAliveWhileBuilding(): void {
  if (!launcher) return;
  if (builders.size > 0) {
    launcher.ref();
    launcher.channel?.ref();
  } else {
    launcher.unref();
    launcher.channel?.unref();
  }
}

/** The launcher process itself: starts builders on request and relays what they say. */
function runLauncher(send: (report: LauncherReport) => void): void {
  lowerPriority('process');
  const children = new Map<number, ChildProcess>();
  const options = (env: NodeJS.ProcessEnv): ForkOptions => ({ execArgv: [], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  process.on('message', (request: LauncherRequest) => {
    if (request.type === 'stop') {
      children.get(request.id)?.kill('SIGKILL');
      return;
    }
    const { id } = request;
    let child: ChildProcess;
    try {
      child = fork(request.script, request.args, options(request.env));
    } catch (error) {
      send({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    children.set(id, child);
    child.once('spawn', () => send({ type: 'spawned', id, pid: child.pid! }));
    child.on('message', (message: unknown) => send({ type: 'message', id, message }));
    child.once('error', (error) => send({ type: 'error', id, message: error.message }));
    child.once('exit', (code, signal) => {
      children.delete(id);
      send({ type: 'exit', id, code, signal });
    });
  });
  send({ type: 'ready' });
  // The bot went away: so do its builders, and so does the launcher.
  process.once('disconnect', () => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(0);
  });
}

if (process.env.CITEBOT_CHILD === LAUNCHER_KIND && process.send) {
  const send = process.send.bind(process);
  runLauncher((report) => {
    if (process.connected) send(report);
  });
}
