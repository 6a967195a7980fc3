// `npm run bench`: load, index, query and reload timings of citebot on synthetic corpora of growing size,
// next to MiniSearch (defaults) and FlexSearch (reference). See scripts/bench/README.md.
//
//   npm run bench -- --sizes 1k,10k,100k --queries 1000 [--json] [--seed 20250624] [--budget 10] [--timeout 900] [--breakdown] [--keep]
//
// Each size runs in its own child process (started with --expose-gc), so it starts cold with a clean
// heap, and a size that runs out of memory or time is reported as far as it got instead of ending the run.

import { fork } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readFlagsOrExit } from '../src/commandLineFlags.ts';
import type { BenchEnvironment, BenchReport, ChildMessage, SizeResult } from './bench/benchResult.ts';
import { renderEnvironment, renderSize } from './bench/renderReport.ts';

const RUN_SIZE = fileURLToPath(new URL('./bench/runSize.ts', import.meta.url));

interface Options {
  sizes: { label: string; paragraphs: number }[];
  queries: number;
  json: boolean;
  seed: number;
  timeoutSeconds: number;
  /** Seconds of timed calls per query kind at most. */
  budgetSeconds: number;
  keep: boolean;
  breakdown: boolean;
}

const USAGE =
  'usage: npm run bench -- [--sizes 1k,10k,100k] [--queries 1000] [--json] [--seed N] [--budget SECONDS] [--timeout SECONDS] [--breakdown] [--keep]';

function parseOptions(args: string[]): Options {
  const { values } = readFlagsOrExit(
    {
      args,
      options: {
        sizes: { type: 'string', default: '1k,10k,100k' },
        queries: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '20250624' },
        timeout: { type: 'string', default: '900' },
        budget: { type: 'string', default: '10' },
        breakdown: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const positive = (flag: string, text: string) => {
    const number = Number(text);
    if (!Number.isInteger(number) || number < 1) fail(`--${flag} must be a whole number ≥ 1, got "${text}"`);
    return number;
  };
  return {
    sizes: values.sizes.split(',').map((label) => ({ label: label.trim(), paragraphs: parseSize(label.trim()) })),
    queries: positive('queries', values.queries),
    json: values.json,
    seed: positive('seed', values.seed),
    timeoutSeconds: positive('timeout', values.timeout),
    budgetSeconds: positive('budget', values.budget),
    keep: values.keep,
    breakdown: values.breakdown,
  };
}

/** `1k` → 1000, `2.5k` → 2500, `1m` → 1000000, `500` → 500. */
function parseSize(label: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(label);
  if (!match) fail(`bad size "${label}": use e.g. 1k, 10k, 100k or 500`);
  const multiplier = { '': 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  const paragraphs = Math.round(Number(match[1]) * multiplier);
  if (paragraphs < 1) fail(`bad size "${label}": at least 1 paragraph`);
  return paragraphs;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Runs one size in a child process; resolves with whatever it reported, plus why it stopped if it did not finish. */
function runSize(
  size: Options['sizes'][number],
  options: Options,
  onEnvironment: (environment: Omit<BenchEnvironment, 'queriesPerKind' | 'seed' | 'startedAt'>) => void,
): Promise<SizeResult> {
  const result: SizeResult = { label: size.label, targetParagraphs: size.paragraphs };
  const args = [
    size.label,
    String(size.paragraphs),
    String(options.queries),
    String(options.seed),
    String(options.budgetSeconds),
    ...(options.keep ? ['--keep'] : []),
    ...(options.breakdown ? ['--breakdown'] : []),
  ];
  const execArgv = process.execArgv.includes('--expose-gc') ? process.execArgv : [...process.execArgv, '--expose-gc'];
  // The child's stdout goes to our stderr, so `--json` output on stdout stays a single JSON object.
  const child = fork(RUN_SIZE, args, { execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  child.stdout?.pipe(process.stderr);

  return new Promise((resolve) => {
    let finished = false;
    let tempDir: string | undefined;
    const timer = setTimeout(() => {
      result.failure = `stopped after the ${options.timeoutSeconds} s limit (--timeout) while ${result.stage ?? 'starting'}`;
      child.kill('SIGKILL');
    }, options.timeoutSeconds * 1000);

    child.on('message', (message: ChildMessage) => {
      switch (message.type) {
        case 'environment':
          onEnvironment(message.environment);
          break;
        case 'stage':
          if (message.stage === 'done') finished = true;
          else result.stage = message.stage;
          break;
        case 'tempDir':
          tempDir = message.dir;
          break;
        case 'skip':
          (result.skipped ??= []).push(message.message);
          break;
        case 'set': {
          const [key, name] = message.path;
          if (name === undefined) (result as unknown as Record<string, unknown>)[key] = message.value;
          else ((result as unknown as Record<string, Record<string, unknown>>)[key] ??= {})[name] = message.value;
          break;
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!finished && !result.failure) {
        result.failure =
          `the run ended early (${signal ? `signal ${signal}` : `exit code ${code}`}) while ${result.stage ?? 'starting'}` +
          (code === 134 || signal === 'SIGABRT' ? ': most likely out of memory (see the heap limit above)' : '');
      }
      if (finished) delete result.stage;
      // A stopped child could not remove its corpus folder.
      const cleanup = !finished && tempDir && !options.keep ? rm(tempDir, { recursive: true, force: true }) : Promise.resolve();
      void cleanup.finally(() => resolve(result));
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const report: BenchReport = {
    environment: {
      node: process.version,
      cpus: 0,
      cpuModel: '',
      gcExposed: false,
      heapLimitMb: 0,
      queriesPerKind: options.queries,
      seed: options.seed,
      startedAt: new Date().toISOString(),
    },
    sizes: [],
  };
  let printedEnvironment = false;
  for (const size of options.sizes) {
    const result = await runSize(size, options, (environment) => {
      Object.assign(report.environment, environment);
      if (!printedEnvironment && !options.json) process.stdout.write(`${renderEnvironment(report.environment)}\n`);
      printedEnvironment = true;
    });
    report.sizes.push(result);
    if (!options.json) process.stdout.write(`${renderSize(result, report.environment.gcExposed)}\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
