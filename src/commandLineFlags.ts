// The flags of every script and entry point, read by `node:util` `parseArgs` in strict mode: a misspelt
// or unknown flag stops the program with a clear message and exit code 2 instead of being ignored
// (`deploy-commands -- --dryrun` must not register the commands for real).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Flags<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;
export type FlagsResult<T extends ParseArgsConfig> = { ok: true; flags: Flags<T> } | { ok: false; error: string };

/** Exit code for a bad command line, as in the shell's own convention. */
export const BAD_USAGE_EXIT_CODE = 2;

/** `parseArgs` with `strict: true`; a bad command line comes back as a message naming the flag, not as a throw. */
export function readFlags<T extends ParseArgsConfig>(config: T): FlagsResult<T> {
  try {
    return { ok: true, flags: parseArgs({ ...config, strict: true }) as Flags<T> };
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    return { ok: false, error: describeParseError(error, config) };
  }
}

/** As `readFlags`, but prints `error: …` and the usage on stderr and exits with code 2 when the flags are wrong. */
export function readFlagsOrExit<T extends ParseArgsConfig>(config: T, usage: string): Flags<T> {
  const read = readFlags(config);
  if (read.ok) return read.flags;
  process.stderr.write(`error: ${read.error}\n${usage}\n`);
  process.exit(BAD_USAGE_EXIT_CODE);
}

/**
 * Splits `argv` into the flags in front and the words from the first one that is not a flag (or after
 * `--`) on, for programs that take a free command line after their flags (`npm run ask -- --json /who-met
 * year:2025`): what follows the flags is never read as flags, even when it contains `--`.
 */
export function splitFlagsFromWords(argv: readonly string[], options: ParseArgsConfig['options']): { flags: string[]; words: string[] } {
  // Not strict: this pass only finds where the flags end (it knows which flags take a value); the
  // strict pass over the flags alone reports what is wrong with them.
  const { tokens } = parseArgs({ args: [...argv], options: options ?? {}, strict: false, allowPositionals: true, tokens: true });
  const end = tokens.find((token) => token.kind === 'positional' || token.kind === 'option-terminator');
  if (!end) return { flags: [...argv], words: [] };
  return { flags: argv.slice(0, end.index), words: argv.slice(end.kind === 'option-terminator' ? end.index + 1 : end.index) };
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function describeParseError(error: Error & { code: string }, config: ParseArgsConfig): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Node's message: Unknown option '--dryrun'. To specify a positional argument starting with …
    const flag = /'([^']+)'/.exec(error.message)?.[1] ?? error.message;
    const near = closeFlag(flag, Object.keys(config.options ?? {}));
    return `unknown flag ${flag}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']+)'/.exec(error.message)?.[1];
    return word ? `unexpected argument "${word}"` : error.message;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // Node's message: Option '--corpus <value>' argument missing (or: does not take an argument).
    const flag = /'(-[^' ]+)/.exec(error.message)?.[1];
    if (flag && /argument missing/.test(error.message)) return `${flag} needs a value`;
    if (flag && /does not take an argument/.test(error.message)) return `${flag} takes no value`;
  }
  return error.message;
}

/**
 * A known flag the typed one differs from only in dashes, underscores or case (`--dryrun`, `--Dry_Run`),
 * or by a letter or two at the end (`--corpuss`, `--jso`).
 */
function closeFlag(typed: string, known: readonly string[]): string | undefined {
  const letters = (text: string) => text.replace(/^-+/, '').replace(/[-_]/g, '').toLowerCase();
  const typedLetters = letters(typed);
  const near = (name: string) => {
    const [shorter, longer] = [letters(name), typedLetters].sort((a, b) => a.length - b.length) as [string, string];
    return shorter.length >= 3 && longer.startsWith(shorter) && longer.length - shorter.length <= 2;
  };
  return known.find((name) => letters(name) === typedLetters) ?? known.find(near);
}
