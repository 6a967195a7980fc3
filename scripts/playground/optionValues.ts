// Typed text into option values, as Discord's client does before it sends a command: numbers, yes/no,
// a member for a user option. The line itself is read by the shared reader (src/answers/commandSpecs/commandLine.ts).
import type { APIUser } from 'discord.js';
import type { TypedOption } from '../../src/answers/commandSpecs/commandLine.ts';
import type { CommandSpec, OptionSpec } from '../../src/answers/commandSpecs/commandSpec.ts';
import { typedOptions } from '../../src/answers/commandSpecs/commands.ts';
import type { OptionInput } from '../../tools/discord-stand-in/interactionPayloads.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function optionValue(option: OptionSpec, text: string, userNamed: (name: string) => APIUser): Parsed<OptionInput> {
  switch (option.type) {
    case 'string':
      return text === '' ? { ok: false, error: `${option.name}: type some text` } : { ok: true, value: text };
    case 'integer':
      return /^-?\d+$/.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false, error: `${option.name} must be a whole number, e.g. 2025` };
    case 'boolean': {
      const lowered = text.toLowerCase();
      if (['true', 'yes', 'y', '1', 'có', 'co'].includes(lowered)) return { ok: true, value: true };
      if (['false', 'no', 'n', '0', 'không', 'khong'].includes(lowered)) return { ok: true, value: false };
      return { ok: false, error: `${option.name} is true or false` };
    }
    case 'user':
      return text.replace(/^@/, '') === ''
        ? { ok: false, error: `${option.name}: name someone, e.g. mention:@lan` }
        : { ok: true, value: userNamed(text.replace(/^@/, '')) };
    default:
      return { ok: false, error: `${option.name}: the playground cannot type this kind of option` };
  }
}

/** The values to send; `focused` (autocomplete) stays the text typed so far, and required options may be missing. */
export function optionValues(
  spec: CommandSpec,
  typed: readonly TypedOption[],
  userNamed: (name: string) => APIUser,
  focused?: string,
): Parsed<Record<string, OptionInput>> {
  const options: Record<string, OptionInput> = {};
  for (const { option, text } of typed) {
    if (option.name === focused) {
      options[option.name] = text;
      continue;
    }
    const value = optionValue(option, text, userNamed);
    if (!value.ok) return value;
    options[option.name] = value.value;
  }
  if (focused === undefined) {
    const missing = typedOptions(spec).filter((option) => option.required && !(option.name in options));
    if (missing.length > 0) return { ok: false, error: `/${spec.name} needs ${missing.map((option) => `${option.name}:`).join(' ')}` };
  }
  return { ok: true, value: options };
}
