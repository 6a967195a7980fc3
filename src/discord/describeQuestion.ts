// What a member asked, as a reply repeats it: `/ask · question: “…” · year: 2025`, in their language.
import type { Answer, CommandName } from '../answers/answer.ts';
import { BUTTON_OPTION_ORDER } from './customIds.ts';
import { escapeAndTruncate } from './markdown.ts';
import type { Messages } from './messagesFor.ts';

/** The command and the options it takes, with what the member typed escaped and each value cut to `maxValue`. */
export function describeQuestion(command: CommandName, options: Answer['options'], t: Messages, maxValue = 400): string {
  const parts = [`/${t.commands[command].name}`];
  for (const name of BUTTON_OPTION_ORDER[command]) {
    const value = options[name];
    if (value === undefined || value === '') continue;
    const shown = escapeAndTruncate(String(value), maxValue);
    parts.push(`${t.options[name].name}: ${typeof value === 'string' ? `“${shown}”` : shown}`);
  }
  return parts.join(' · ');
}
