// `npm run ask -- /who-met year:2025`: answers one command line from the corpus, offline.
// --json prints one Answer object; --batch answers one command line per stdin line (JSON lines);
// --corpus DIR reads another folder. Logs and errors go to stderr; exit 2 on bad input, 1 on a bad corpus
// (--skip-invalid: answer from the valid articles instead, listing the others on stderr).
// Like the bot, it keeps an index cache in `<corpus>/.index-cache` (see src/library/cacheFile.ts).
import { createInterface } from 'node:readline';
import { formatCorpusError } from '../corpus/types.ts';
import { CorpusLoadError, LibraryStore } from '../library/libraryStore.ts';
import { answerQuestion } from '../answers/answerQuestion.ts';
import type { Library } from '../library/library.ts';
import { optionUsage } from '../answers/commandSpecs/commandLine.ts';
import { ANSWERING_SPECS } from '../answers/commandSpecs/commands.ts';
import { readFlags, splitFlagsFromWords } from '../commandLineFlags.ts';
import { parseCommandLine } from './parseCommandLine.ts';
import { answerJson } from './answerJson.ts';
import { renderAnswerText } from './renderText.ts';

const USAGE = `usage: npm run ask -- [--json] [--corpus DIR] [--skip-invalid] /command option:value …
       npm run ask -- --batch [--corpus DIR] [--skip-invalid] < commands.txt
commands: ${ANSWERING_SPECS.map((spec) => [`/${spec.name}`, optionUsage(spec.options)].filter(Boolean).join(' ')).join('   ')}`;

interface CliArgs {
  json: boolean;
  batch: boolean;
  corpusDir: string;
  /** Answer from the valid articles when some files are bad (exit 0, problems on stderr). */
  skipInvalid: boolean;
  commandLine: string;
  help: boolean;
  errors: string[];
}

const FLAGS = {
  json: { type: 'boolean' },
  batch: { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  corpus: { type: 'string', default: 'corpus' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Flags come first; the first word that is not one starts the command line, which is taken whole. */
function parseArgs(argv: string[]): CliArgs {
  const { flags, words } = splitFlagsFromWords(argv, FLAGS);
  const read = readFlags({ args: flags, options: FLAGS });
  const commandLine = words.join(' ');
  if (!read.ok) {
    // With bad flags, still answer in JSON to a caller that asked for it.
    return {
      json: flags.includes('--json'),
      batch: flags.includes('--batch'),
      corpusDir: 'corpus',
      skipInvalid: false,
      commandLine,
      help: false,
      errors: [read.error],
    };
  }
  const { values } = read.flags;
  return {
    json: values.json ?? false,
    batch: values.batch ?? false,
    corpusDir: values.corpus,
    skipInvalid: values['skip-invalid'] ?? false,
    commandLine,
    help: values.help ?? false,
    errors: [],
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.errors.length === 0 && !args.batch && args.commandLine.trim() === '') args.errors.push('no command given');
  if (args.errors.length > 0) return fail(args, args.errors.map((error) => `error: ${error}`).concat(USAGE), 2);

  if (args.batch) {
    const loaded = await loadOrReport(args);
    return loaded.ok ? runBatch(loaded.library) : loaded.code;
  }
  // Check the command line before loading anything, so a typo is reported at once.
  const parsed = parseCommandLine(args.commandLine);
  if (!parsed.ok)
    return fail(
      args,
      parsed.errors.map((error) => `error: ${error}`),
      2,
    );
  const loaded = await loadOrReport(args);
  if (!loaded.ok) return loaded.code;

  const answer = answerQuestion(loaded.library, parsed.question);
  process.stdout.write(args.json ? `${answerJson(answer)}\n` : `${renderAnswerText(answer)}\n`);
  return 0;
}

/**
 * Opens the corpus as the bot does: from the index cache beside it when that is up to date (a 100k-
 * paragraph corpus opens in about 2 s instead of being rebuilt), with the engines' lookups ready, so
 * an answer's `tookMs` is the command's own time.
 */
async function loadOrReport(args: CliArgs): Promise<{ ok: true; library: Library } | { ok: false; code: number }> {
  try {
    const store = await LibraryStore.open(args.corpusDir, {
      buildInThisThread: true,
      onBadFiles: args.skipInvalid ? 'valid-articles' : 'fail',
    });
    for (const warning of store.lastLoad?.warnings ?? []) process.stderr.write(`note: ${warning}\n`);
    for (const problem of store.lastLoad?.problems ?? []) process.stderr.write(`skipped: ${formatCorpusError(problem)}\n`);
    return { ok: true, library: store.current };
  } catch (error) {
    const details =
      error instanceof CorpusLoadError ? error.errors.map(formatCorpusError) : [error instanceof Error ? error.message : String(error)];
    return { ok: false, code: fail(args, [`error: the corpus in ${args.corpusDir} is invalid:`, ...details], 1) };
  }
}

async function runBatch(library: Library): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const parsed = parseCommandLine(line);
    const output = parsed.ok
      ? answerJson(answerQuestion(library, parsed.question))
      : JSON.stringify({ line: lineNumber, input: line, error: parsed.errors.join('; ') });
    process.stdout.write(`${output}\n`);
  }
  return 0;
}

function fail(args: CliArgs, messages: string[], code: number): number {
  if (args.json && !args.batch) process.stdout.write(`${JSON.stringify({ error: messages.join('\n') })}\n`);
  process.stderr.write(`${messages.join('\n')}\n`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
