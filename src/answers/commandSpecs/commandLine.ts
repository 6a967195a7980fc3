// The one reader of command lines in Discord's own syntax, for the CLI and the playground:
// `/who-met year:2025 person:Mark Rutte`. Values run until the next `option:` of that command, so they
// may contain spaces; a bare text fills the command's first required text option (`/ask hội nghị ở đâu`,
// `/cite 001_…#6`). Command and option names may be typed in English or Vietnamese, as in Discord.
import type { CommandSpec, OptionSpec } from './commandSpec.ts';
import { typedOptions } from './commands.ts';
import { escapeRegExp } from '../../text/escapeRegExp.ts';

export interface TypedOption {
  option: OptionSpec;
  /** As typed, trimmed: the caller turns it into the option's type. */
  text: string;
}

export type ReadCommandLine =
  | { ok: true; spec: CommandSpec; typed: TypedOption[] }
  /** `unknownCommand`: the name typed, which no command of the list has; each front end says so its own way. */
  | { ok: false; errors: string[]; unknownCommand?: string };

export interface ReadOptions {
  /** Also read `hide` and `mention` (Discord and the playground take them; a question does not). */
  replyOptions?: boolean;
}

/** The English name and its translation, as a member may type them. */
function namesOf(thing: { text: { en: { name: string }; vi: { name: string } } }): string[] {
  return [thing.text.en.name, thing.text.vi.name].map((name) => name.normalize('NFC').toLowerCase());
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** `question: [year:]`: required options plain, optional ones in brackets. */
export function optionUsage(options: readonly OptionSpec[]): string {
  return options.map((option) => (option.required ? `${option.name}:` : `[${option.name}:]`)).join(' ');
}

function describeOptions(name: string, options: readonly OptionSpec[]): string {
  return options.length === 0 ? `/${name} takes no options` : `/${name} takes ${optionUsage(options)}`;
}

export function readCommandLine(line: string, specs: readonly CommandSpec[], { replyOptions = false }: ReadOptions = {}): ReadCommandLine {
  const trimmed = line.normalize('NFC').trim();
  // A command name as Discord allows them: letters, digits, `-` and `_`.
  const match = /^\/?([-_\p{L}\p{N}]+)(?:\s+([\s\S]*))?$/u.exec(trimmed);
  if (!match) return { ok: false, errors: [`expected a command such as /who-met year:2025, got "${shorten(trimmed)}"`] };
  const typedName = match[1]!.toLowerCase();
  const spec = specs.find((candidate) => namesOf(candidate).includes(typedName));
  if (!spec) return { ok: false, errors: [], unknownCommand: typedName };

  const rest = (match[2] ?? '').trim();
  const options = replyOptions ? typedOptions(spec) : spec.answers ? spec.options : (spec.options ?? []);
  const byTypedName = new Map(options.flatMap((option) => namesOf(option).map((name) => [name, option] as const)));
  // Longest names first, so that one name never stops short inside a longer one.
  const alternatives = [...byTypedName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const starts =
    alternatives.length === 0
      ? []
      : [...rest.matchAll(new RegExp(`(?:^|\\s)(${alternatives.join('|')}):`, 'giu'))].map((found) => ({
          option: byTypedName.get(found[1]!.toLowerCase())!,
          at: found.index + found[0].length - found[1]!.length - 1,
          valueAt: found.index + found[0].length,
        }));

  const typed: TypedOption[] = [];
  const errors: string[] = [];
  const leading = rest.slice(0, starts[0]?.at ?? rest.length).trim();
  if (leading) {
    // A name as Discord allows them, then a colon: an option this command does not take.
    const unknownOption = /^(\p{L}[\p{L}\p{N}_-]*):/u.exec(leading);
    const bare = options.find((option) => option.required && option.type === 'string');
    if (unknownOption) errors.push(`unknown option "${unknownOption[1]}": ${describeOptions(spec.name, options)}`);
    else if (bare && !starts.some((start) => start.option === bare)) typed.push({ option: bare, text: leading });
    else errors.push(`"${shorten(leading)}" has no option name: write it as name:value (${describeOptions(spec.name, options)})`);
  }
  starts.forEach((start, index) => {
    if (typed.some((given) => given.option === start.option)) errors.push(`option "${start.option.name}" is given twice`);
    typed.push({ option: start.option, text: rest.slice(start.valueAt, starts[index + 1]?.at ?? rest.length).trim() });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, spec, typed };
}
