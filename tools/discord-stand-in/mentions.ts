// Who a message would notify: the mentions in its content, filtered by its allowed_mentions the way
// Discord does (no allowed_mentions means every kind is parsed).

export interface Pings {
  users: string[];
  roles: string[];
  /** @everyone or @here. */
  everyone: boolean;
}

interface AllowedMentions {
  parse?: string[] | null;
  users?: string[] | null;
  roles?: string[] | null;
}

export const noPings = (): Pings => ({ users: [], roles: [], everyone: false });

export function pingsOf(content: unknown, allowedMentions: unknown): Pings {
  const text = typeof content === 'string' ? content : '';
  const allowed = (allowedMentions ?? undefined) as AllowedMentions | undefined;
  const parse = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
  const mentionedUsers = [...text.matchAll(/<@!?(\d+)>/g)].map((match) => match[1]!);
  const mentionedRoles = [...text.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!);
  const keep = (ids: string[], kind: string, listed: string[] | null | undefined) =>
    unique(ids.filter((id) => parse.includes(kind) || (listed ?? []).includes(id)));
  return {
    users: keep(mentionedUsers, 'users', allowed?.users),
    roles: keep(mentionedRoles, 'roles', allowed?.roles),
    everyone: parse.includes('everyone') && /@(everyone|here)\b/.test(text),
  };
}

export function addPings(into: Pings, more: Pings): void {
  into.users = unique([...into.users, ...more.users]);
  into.roles = unique([...into.roles, ...more.roles]);
  into.everyone ||= more.everyone;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
