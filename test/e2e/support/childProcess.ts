// Runs an npm script of this project as a separate process, the way an operator would, with an
// environment that holds only what the test gives it (no DISCORD_* leaking in from the shell).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningScript {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line that satisfies `test`; rejects if the process ends first. */
  waitForLine(test: (line: string) => boolean): Promise<string>;
  finished: Promise<Finished>;
  /** SIGKILLs the script's whole process group (npm, tsx and node), if anything of it is left. */
  killAll(): Promise<void>;
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DISCORD_|CORPUS_DIR$|MODERATOR_ROLE_IDS$|LOG_LEVEL$|npm_)/.test(key)),
  );
  return { ...inherited, ...env };
}

export function startScript(script: string, env: Record<string, string>, args: string[] = []): RunningScript {
  const child = spawn('npm', ['run', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    env: cleanEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so a test can clean up tsx and node too if npm leaves them behind.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  const lineWaiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    lineWaiters.forEach((wake) => wake());
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const finished = (async (): Promise<Finished> => {
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    lineWaiters.forEach((wake) => wake());
    return { code, signal, stdout, stderr };
  })();
  let ended = false;
  void finished.then(() => (ended = true));

  return {
    child,
    killAll: async () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
      await finished;
    },
    stdout: () => stdout,
    stderr: () => stderr,
    finished,
    waitForLine: (test) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = stdout.split('\n').find(test);
          if (line !== undefined) {
            lineWaiters.delete(check);
            resolve(line);
          } else if (ended || child.exitCode !== null) {
            lineWaiters.delete(check);
            reject(new Error(`npm run ${script} ended before printing the line waited for.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          }
        };
        lineWaiters.add(check);
        check();
      }),
  };
}

/** Runs a script to the end, feeding `input` on standard input. */
export async function runScript(
  script: string,
  env: Record<string, string>,
  options: { args?: string[]; input?: string } = {},
): Promise<Finished> {
  const running = startScript(script, env, options.args);
  running.child.stdin!.end(options.input ?? '');
  return running.finished;
}

/** The lines a program printed, without npm's own (`> citebot@… start`, `npm warn …`, `npm error …`). */
export function ownLines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '' && !/^> /.test(line) && !/^npm (warn|error|notice|ERR!)/i.test(line));
}

/** Whether a process with this id is still running (signal 0 only asks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
