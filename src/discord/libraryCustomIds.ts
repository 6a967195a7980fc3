// Buttons of `/library`: confirm or cancel a previewed change (`l:y:<token>`, `l:n:<token>`; the change
// itself waits on disk, see pendingChanges.ts) and turn the pages of the list (`l:p:<page>`).
// Anything else starting with `l:` is refused, never guessed at.
import { isPendingToken } from '../library/pendingChanges.ts';

export type LibraryButton = { kind: 'confirm' | 'cancel'; token: string } | { kind: 'page'; page: number };

const PREFIX = 'l:';
const MAX_PAGE = 9999;

export function isLibraryButton(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

export function encodeLibraryButton(button: LibraryButton): string {
  if (button.kind === 'page') return `${PREFIX}p:${Math.min(MAX_PAGE, Math.max(0, Math.trunc(button.page)))}`;
  return `${PREFIX}${button.kind === 'confirm' ? 'y' : 'n'}:${button.token}`;
}

export function decodeLibraryButton(customId: string): LibraryButton | undefined {
  const match = /^l:([ynp]):([0-9a-z]{1,16})$/.exec(customId);
  if (!match) return undefined;
  const [, kind, value] = match as unknown as [string, string, string];
  if (kind === 'p') {
    if (!/^\d{1,4}$/.test(value)) return undefined;
    return { kind: 'page', page: Number(value) };
  }
  if (!isPendingToken(value)) return undefined;
  return { kind: kind === 'y' ? 'confirm' : 'cancel', token: value };
}
