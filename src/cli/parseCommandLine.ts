// Reads a command line in Discord's own syntax: `/who-met year:2025 person:Mark Rutte`.
// Values run until the next `option:` of that command, so they may contain spaces; `/ask` also
// takes a bare question (`/ask hội nghị ở đâu`).
import { commandOptions, parseQuestion, type ParsedQuestion } from '../answers/question.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';

export function parseCommandLine(line: string): ParsedQuestion {
  const trimmed = line.normalize('NFC').trim();
  const match = /^\/?([a-z][a-z-]*)(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (!match) {
    return { ok: false, errors: [`expected a command such as /who-met year:2025, got "${shorten(trimmed)}"`] };
  }
  const command = match[1]!.toLowerCase();
  const rest = (match[2] ?? '').trim();
  const known = commandOptions[command as keyof typeof commandOptions];
  if (!known) return parseQuestion({ command });

  const options: Record<string, string> = {};
  const errors: string[] = [];
  // Option names this command knows, plus any ASCII `name:` at the very start (an unknown option).
  const names = known.map(escapeRegExp).join('|');
  const optionStart = new RegExp(`(?:^|\\s)(${names || '(?!)'}):`, 'gi');
  const starts = [...rest.matchAll(optionStart)].map((found) => ({
    name: found[1]!.toLowerCase(),
    at: found.index! + found[0].length - found[1]!.length - 1,
    valueAt: found.index! + found[0].length,
  }));

  const leading = rest.slice(0, starts[0]?.at ?? rest.length).trim();
  if (leading) {
    const unknownOption = /^([a-z][a-z-]*):/i.exec(leading);
    if (unknownOption) errors.push(`unknown option "${unknownOption[1]}": ${describe(command, known)}`);
    else if (command === 'ask' && !starts.some((start) => start.name === 'question')) options.question = leading;
    else if (command === 'cite' && !starts.some((start) => start.name === 'id')) options.id = leading;
    else errors.push(`"${shorten(leading)}" has no option name: write it as name:value (${describe(command, known)})`);
  }
  starts.forEach((start, i) => {
    const value = rest.slice(start.valueAt, starts[i + 1]?.at ?? rest.length).trim();
    if (start.name in options) errors.push(`option "${start.name}" is given twice`);
    options[start.name] = value;
  });
  if (errors.length > 0) return { ok: false, errors };
  return parseQuestion({ command, ...options });
}

function describe(command: string, known: readonly string[]): string {
  return known.length > 0 ? `/${command} takes ${known.map((name) => `${name}:`).join(' ')}` : `/${command} takes no options`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
