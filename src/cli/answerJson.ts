// The JSON line `--json` and `--batch` print for an Answer. The "nothing found" reason is structured
// (`nothingFound`), and its English wording stays beside it as `message`, where the JSON always had it.
import type { Answer } from '../answers/answer.ts';
import { nothingFoundText } from './nothingFoundText.ts';

export function answerJson(answer: Answer): string {
  if (!answer.nothingFound) return JSON.stringify(answer);
  // The field order of the JSON before the reason was structured: `message` where the engines set it.
  const withMessage: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) {
    if (key === 'nothingFound') withMessage.message = nothingFoundText(answer);
    withMessage[key] = value;
  }
  return JSON.stringify(withMessage);
}
