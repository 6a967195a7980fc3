// Picks the label table for a Discord locale: Vietnamese for `vi`, English for everything else.
import { en, type Messages } from '../locales/en.ts';
import { vi } from '../locales/vi.ts';

export type { Messages };

export function messagesFor(locale: string | null | undefined): Messages {
  return locale?.toLowerCase().startsWith('vi') ? vi : en;
}
