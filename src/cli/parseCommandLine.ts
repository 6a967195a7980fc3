// Reads a command line in Discord's own syntax (`/who-met year:2025 person:Mark Rutte`, `/ask hội nghị ở
// đâu`) with the reader the playground uses too, and checks it as a question.
import { readCommandLine } from '../answers/commandSpecs/commandLine.ts';
import { ANSWERING_SPECS } from '../answers/commandSpecs/commands.ts';
import { parseQuestion, type ParsedQuestion } from '../answers/question.ts';

export function parseCommandLine(line: string): ParsedQuestion {
  const read = readCommandLine(line, ANSWERING_SPECS);
  if (!read.ok)
    return read.unknownCommand === undefined ? { ok: false, errors: read.errors } : parseQuestion({ command: read.unknownCommand });
  return parseQuestion({ command: read.spec.name, ...Object.fromEntries(read.typed.map(({ option, text }) => [option.name, text])) });
}
