// The messages interactions produce, stored as Discord returns them: created by a reply or follow-up,
// changed by edits and updates, with mentions and uploaded attachments filled in.
import { pingsOf } from './mentions.ts';
import type { UploadedFile } from './restRouter.ts';
import { nextSnowflake } from './snowflake.ts';
import type { World } from './world.ts';

type Json = Record<string, unknown>;

export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

/** A message as Discord stores and returns it. */
export interface StoredMessage extends Json {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
}

/** The interaction a message answers, as far as the message needs to know. */
export interface MessageOrigin {
  id: string;
  type: number;
  payload: Json;
}

export class MessageStore {
  readonly #byId = new Map<string, StoredMessage>();

  constructor(
    private readonly world: World,
    private readonly now: () => number,
  ) {}

  get(id: string): StoredMessage | undefined {
    return this.#byId.get(id);
  }

  /** Keeps a message a test brought along (e.g. one a button is on) unless a newer copy is known. */
  remember(message: StoredMessage): void {
    if (!this.#byId.has(message.id)) this.#byId.set(message.id, message);
  }

  delete(id: string): void {
    this.#byId.delete(id);
  }

  create(origin: MessageOrigin, body: Json, flags: unknown, files: UploadedFile[] = []): StoredMessage {
    const { payload } = origin;
    const invoker = (payload.member as Json | undefined)?.user ?? payload.user;
    const message: StoredMessage = {
      id: nextSnowflake(),
      type: origin.type === 2 ? 20 : 0, // 20: CHAT_INPUT_COMMAND
      channel_id: String(payload.channel_id),
      author: this.world.bot,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date(this.now()).toISOString(),
      edited_timestamp: null,
      webhook_id: this.world.application.id,
      application_id: this.world.application.id,
      interaction_metadata: {
        id: origin.id,
        type: origin.type,
        user: invoker,
        authorizing_integration_owners: payload.authorizing_integration_owners,
        ...(origin.type === 2 ? { name: (payload.data as Json).name } : {}),
      },
      flags: Number(flags ?? 0),
    };
    this.#copyVisibleFields(message, body, files);
    this.#byId.set(message.id, message);
    return message;
  }

  edit(message: StoredMessage, body: Json, files: UploadedFile[] = []): StoredMessage {
    const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
    this.#copyVisibleFields(message, body, files);
    // An edit can neither make a message ephemeral nor public; it does end "thinking…".
    message.flags &= ~MessageFlag.Loading;
    if (!wasLoading) message.edited_timestamp = new Date(this.now()).toISOString();
    return message;
  }

  #copyVisibleFields(message: StoredMessage, body: Json, files: UploadedFile[]): void {
    if ('content' in body) message.content = String(body.content ?? '');
    if ('embeds' in body) message.embeds = (body.embeds as Json[] | null) ?? [];
    if ('components' in body) message.components = (body.components as Json[] | null) ?? [];
    if ('attachments' in body) message.attachments = this.#attachments(message, (body.attachments as Json[] | null) ?? [], files);
    const pings = pingsOf(message.content, body.allowed_mentions);
    message.mentions = pings.users.map((id) => this.world.user({ id }));
    message.mention_roles = pings.roles;
    message.mention_everyone = pings.everyone;
  }

  #attachments(message: StoredMessage, requested: Json[], files: UploadedFile[]): Json[] {
    const kept = (message.attachments as Json[] | undefined) ?? [];
    return requested.flatMap((attachment) => {
      // A new attachment's id points at its upload (`files[id]`); a kept one's id is its snowflake.
      const upload = files.find((file) => file.field === `files[${String(attachment.id)}]`);
      if (!upload) return kept.filter((old) => old.id === attachment.id);
      const id = nextSnowflake();
      const url = `https://cdn.discordapp.com/attachments/${message.channel_id}/${id}/${upload.filename}`;
      return [
        {
          id,
          filename: upload.filename,
          size: upload.size,
          content_type: upload.contentType,
          url,
          proxy_url: url,
          description: attachment.description,
        },
      ];
    });
  }
}
