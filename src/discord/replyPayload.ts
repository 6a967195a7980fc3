// The reply shape every renderer returns (Discord's own JSON, so tests read what Discord would get),
// Discord's size limits, and the one conversion to discord.js options.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  embedLength,
  type APIButtonComponentWithCustomId,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import { truncate } from './markdown.ts';

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedsTotal: 6000,
  embeds: 10,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

export interface AllowedMentions {
  parse: [];
  users?: string[];
}

export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: AllowedMentions;
  /** `MessageFlags.Ephemeral` when only the member who asked sees it. */
  flags?: number;
}

export function isEphemeral(payload: ReplyPayload): boolean {
  return ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** Nobody is pinged unless named here: no @everyone, no roles, no users found in the text. */
export function allowedMentions(userIds: readonly string[] = []): AllowedMentions {
  return userIds.length > 0 ? { parse: [], users: [...userIds] } : { parse: [] };
}

/** Characters an embed counts towards the 6,000 shared by all embeds of a message: discord.js counts them as Discord does. */
export { embedLength };

/** A private message made of one text. */
export function privateText(content: string): ReplyPayload {
  return { content, embeds: [], components: [], allowed_mentions: allowedMentions(), flags: MessageFlags.Ephemeral };
}

/** discord.js spells the payload in camelCase; this is the only place that translates. */
export function toReplyOptions(payload: ReplyPayload): InteractionReplyOptions {
  const options: InteractionReplyOptions = {
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowed_mentions,
  };
  if (payload.content !== undefined) options.content = payload.content;
  if (payload.flags) options.flags = payload.flags as InteractionReplyOptions['flags'];
  return options;
}

/** Editing a message in place: the content is always sent, so an old line does not linger. */
export function toUpdateOptions(payload: ReplyPayload): InteractionUpdateOptions {
  return replacingOptions(payload);
}

/** Filling in a deferred reply (its privacy was set when deferring). */
export function toEditReplyOptions(payload: ReplyPayload): InteractionEditReplyOptions {
  return replacingOptions(payload);
}

/** Both kinds of edit replace the whole message, so they send the same fields. */
function replacingOptions(payload: ReplyPayload): InteractionUpdateOptions & InteractionEditReplyOptions {
  return {
    content: payload.content ?? '',
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowed_mentions,
  };
}

/** A button with our custom id, its label cut to Discord's limit. */
export function replyButton(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.buttonLabel), custom_id: customId, disabled };
}
