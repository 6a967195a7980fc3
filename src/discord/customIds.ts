// Button state lives in the button's custom_id (at most 100 characters), not in server memory,
// so Previous/Next and "Post in channel" keep working after a restart. Everything read back is
// checked: a forged or garbled id is refused, never trusted.
//
// Shape: `p:` (turn page) followed by a JSON array
//   [command, page, flags, owner, mention, ...options in the command's order]
// or `i:` (post one item in the channel) followed by
//   [command, item, flags, owner, mention, check, ...options in the command's order]
// with ids in base 36 (13 characters instead of 19) and trailing empty options dropped. `check` is a
// fingerprint of the item, so a button never posts another item than the one it was made for.
// (The `s:` buttons of earlier versions, which posted a whole page, are refused as out of date.)
import { z } from 'zod';
import type { CommandName } from '../answers/answer.ts';
import { BUTTON_CODES, QUESTION_OPTION_NAMES, type QuestionOptionName } from '../answers/commandSpecs/commands.ts';

export const MAX_CUSTOM_ID_LENGTH = 100;

export type ButtonAction = 'page' | 'share';

/** Options a button can carry: the same names the command takes. */
export type ButtonOptions = Partial<Record<QuestionOptionName, string | number>>;

export interface ButtonState {
  action: ButtonAction;
  command: CommandName;
  /** 0-based: the page to show (`page`), or the item of the answer to post (`share`). */
  page: number;
  /** Who ran the command; only they can turn the pages of a hidden reply. */
  ownerId: string;
  hidden: boolean;
  /** The reply was posted with "Post in channel": it says who shared it. */
  shared: boolean;
  mentionId?: string;
  /** `share`: the fingerprint of the item to post (see `itemFingerprint`). */
  check?: string;
  /** The command's options; absent when they were too long to fit (the button then works without them). */
  options?: ButtonOptions;
}

/**
 * Each command's options in the order its definition lists them (src/answers/commandSpecs/), so only
 * values are stored. A new option goes at the end of its command's list: posted buttons keep their meaning.
 */
export const BUTTON_OPTION_ORDER = QUESTION_OPTION_NAMES satisfies Record<CommandName, readonly QuestionOptionName[]>;

const COMMAND_CODES = BUTTON_CODES satisfies Record<CommandName, string>;
const COMMAND_BY_CODE = Object.fromEntries(Object.entries(COMMAND_CODES).map(([name, code]) => [code, name])) as Record<
  string,
  CommandName
>;
const ACTION_PREFIX = { page: 'p', share: 'i' } as const satisfies Record<ButtonAction, string>;

const CHECK_SHAPE = /^[0-9a-z]{1,7}$/;

/** A short fingerprint of what an item says and quotes: FNV-1a over its text, in base 36. */
export function itemFingerprint(item: {
  kind: string;
  date: string;
  summary: string;
  citations: readonly { articleId: string; paragraph: number; quote: string }[];
}): string {
  const text = [
    item.kind,
    item.date,
    item.summary,
    ...item.citations.map((citation) => `${citation.articleId}#${citation.paragraph}:${citation.quote}`),
  ].join('\n');
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const FLAG_HIDDEN = 1;
const FLAG_SHARED = 2;
const FLAG_NO_OPTIONS = 4;

/** `123456789012345678` ⇄ base 36. */
export function snowflakeToBase36(id: string): string {
  return BigInt(id).toString(36);
}

export function base36ToSnowflake(text: string): string | undefined {
  if (!/^[0-9a-z]{1,14}$/.test(text)) return undefined;
  let value = 0n;
  for (const char of text) value = value * 36n + BigInt(parseInt(char, 36));
  const id = value.toString();
  return /^\d{17,20}$/.test(id) ? id : undefined;
}

function encodeWith(state: ButtonState, withOptions: boolean): string {
  const order = BUTTON_OPTION_ORDER[state.command];
  const values: (string | number | null)[] = withOptions ? order.map((name) => state.options?.[name] ?? null) : [];
  while (values.length > 0 && values.at(-1) === null) values.pop();
  const flags = (state.hidden ? FLAG_HIDDEN : 0) | (state.shared ? FLAG_SHARED : 0) | (withOptions ? 0 : FLAG_NO_OPTIONS);
  const tuple = [
    COMMAND_CODES[state.command],
    state.page,
    flags,
    snowflakeToBase36(state.ownerId),
    state.mentionId ? snowflakeToBase36(state.mentionId) : '',
    ...(state.action === 'share' ? [state.check ?? ''] : []),
    ...values,
  ];
  return `${ACTION_PREFIX[state.action]}:${JSON.stringify(tuple)}`;
}

/**
 * The custom_id for a button, with the options when they fit in 100 characters, without them otherwise;
 * `undefined` only if even that does not fit (it always does for valid ids).
 */
export function encodeButtonState(state: ButtonState): { customId: string; withOptions: boolean } | undefined {
  if (state.options) {
    const full = encodeWith(state, true);
    if (full.length <= MAX_CUSTOM_ID_LENGTH) return { customId: full, withOptions: true };
  }
  const bare = encodeWith(state, false);
  return bare.length <= MAX_CUSTOM_ID_LENGTH ? { customId: bare, withOptions: false } : undefined;
}

const base36Id = z.string().regex(/^[0-9a-z]{1,14}$/);
const tupleSchema = z
  .tuple([
    z.enum(Object.values(COMMAND_CODES) as [string, ...string[]]),
    z.number().int().min(0).max(10_000),
    z.number().int().min(0).max(7),
    base36Id,
    z.union([z.literal(''), base36Id]),
  ])
  .rest(z.union([z.string().max(300), z.number().int().min(0).max(9999), z.null()]));

export type DecodedButton = { ok: true; state: ButtonState } | { ok: false; reason: string };

/** Reads a custom_id back; anything that is not exactly what `encodeButtonState` writes is refused. */
export function decodeButtonState(customId: string): DecodedButton {
  if (customId.length > MAX_CUSTOM_ID_LENGTH) return { ok: false, reason: 'too long' };
  const match = /^([pi]):(\[.*\])$/s.exec(customId);
  if (!match) return { ok: false, reason: 'not a citebot button' };
  let raw: unknown;
  try {
    raw = JSON.parse(match[2]!);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = tupleSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'unexpected shape' };
  const [code, page, flags, owner, mention, ...rest] = parsed.data;
  const action: ButtonAction = match[1] === 'p' ? 'page' : 'share';
  const check = action === 'share' ? rest[0] : undefined;
  if (action === 'share' && (typeof check !== 'string' || !CHECK_SHAPE.test(check))) return { ok: false, reason: 'bad item check' };
  const values = action === 'share' ? rest.slice(1) : rest;
  const command = COMMAND_BY_CODE[code]!;
  const ownerId = base36ToSnowflake(owner);
  const mentionId = mention === '' ? undefined : base36ToSnowflake(mention);
  if (!ownerId || (mention !== '' && !mentionId)) return { ok: false, reason: 'bad user id' };

  const order: readonly (keyof ButtonOptions)[] = BUTTON_OPTION_ORDER[command];
  if (values.length > order.length) return { ok: false, reason: 'too many options' };
  const withOptions = (flags & FLAG_NO_OPTIONS) === 0;
  if (!withOptions && values.length > 0) return { ok: false, reason: 'options where none were expected' };

  const state: ButtonState = {
    action,
    command,
    page,
    ownerId,
    hidden: (flags & FLAG_HIDDEN) !== 0,
    shared: (flags & FLAG_SHARED) !== 0,
  };
  if (mentionId) state.mentionId = mentionId;
  if (check !== undefined) state.check = check as string;
  if (withOptions) {
    const options: ButtonOptions = {};
    values.forEach((value, index) => {
      if (value !== null) options[order[index]!] = value;
    });
    state.options = options;
  }
  return { ok: true, state };
}
