// Everything that happens to an interaction after it is sent: the one acknowledgement Discord allows
// (within the deadline), the original message and its edits, follow-ups, and their rules.
import { EventEmitter } from 'node:events';
import * as spec from 'discord-api-spec/zod';
import type { ZodMiniType } from 'zod/mini';
import {
  alreadyAcknowledged,
  emptyMessage,
  invalidFormBody,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
  type DiscordErrorBody,
} from './discordErrors.ts';
import { autocompleteProblems, isEmptyMessage, messageLimitProblems } from './messageLimits.ts';
import { addPings, noPings, pingsOf, type Pings } from './mentions.ts';
import { MessageFlag, MessageStore, type StoredMessage } from './messageStore.ts';
import type { RestRequest, RestResponse, RestRoute } from './restRouter.ts';
import { validateBody } from './validateBody.ts';
import type { World } from './world.ts';

type Json = Record<string, unknown>;

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
} as const;

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: Json;
  createdAt: number;
  acknowledgement?: { type: number; at: number };
  /** The message the interaction answers with: a new reply, or for components the message the button is on. */
  originalMessageId?: string;
  edits: { messageId: string; body: Json; at: number }[];
  followUpIds: string[];
  choices?: Json[];
  pinged: Pings;
  /** Whether a member now sees a final answer (not a "thinking…" placeholder). */
  answered: boolean;
  /** The bot tried to acknowledge after the deadline: the member saw "This interaction failed". */
  failed: boolean;
}

export interface InteractionRules {
  /** How long the bot has to acknowledge (Discord: 3 s). */
  ackDeadlineMs: number;
  /** How long the interaction token accepts edits and follow-ups (Discord: 15 min). */
  tokenLifetimeMs: number;
  now(): number;
}

const COMMAND_CALLBACKS = [4, 5];
const COMPONENT_CALLBACKS = [4, 5, 6, 7];

export class InteractionLedger extends EventEmitter<{ change: [InteractionRecord] }> {
  readonly messages: MessageStore;
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly world: World,
    private readonly rules: InteractionRules,
  ) {
    super();
    // Every interaction a test has in flight waits on 'change'; twenty at once is a normal test.
    this.setMaxListeners(0);
    this.messages = new MessageStore(world, rules.now);
  }

  /** Starts tracking an interaction about to be dispatched. */
  open(payload: Json): InteractionRecord {
    const record: InteractionRecord = {
      id: String(payload.id),
      token: String(payload.token),
      type: Number(payload.type),
      payload,
      createdAt: this.rules.now(),
      edits: [],
      followUpIds: [],
      pinged: noPings(),
      answered: false,
      failed: false,
    };
    const message = payload.message as StoredMessage | undefined;
    if (message) {
      this.messages.remember(message);
      record.originalMessageId = message.id;
    }
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  routes(): RestRoute[] {
    const webhookMessage = '/webhooks/:app/:token/messages/:message';
    return [
      { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: (request) => this.#callback(request) },
      {
        method: 'POST',
        pattern: '/webhooks/:app/:token',
        auth: false,
        handle: (request) => this.#withToken(request, (record) => this.#followUp(record, request)),
      },
      {
        method: 'PATCH',
        pattern: webhookMessage,
        auth: false,
        handle: (request) => this.#withToken(request, (record) => this.#edit(record, request)),
      },
      {
        method: 'GET',
        pattern: webhookMessage,
        auth: false,
        handle: (request) => this.#withToken(request, (record) => this.#fetch(record, request)),
      },
      {
        method: 'DELETE',
        pattern: webhookMessage,
        auth: false,
        handle: (request) => this.#withToken(request, (record) => this.#delete(record, request)),
      },
    ];
  }

  #callback(request: RestRequest): RestResponse {
    const record = this.#byId.get(request.params.id!);
    if (!record || record.token !== request.params.token) return error(404, unknownInteraction);
    if (record.acknowledgement) return error(400, alreadyAcknowledged);
    if (this.rules.now() - record.createdAt > this.rules.ackDeadlineMs) {
      record.failed = true;
      this.#changed(record);
      return error(404, unknownInteraction);
    }

    const body = (request.body ?? {}) as Json;
    const type = Number(body.type);
    const data = body.data as Json | undefined;
    const allowed = record.type === 4 ? [CallbackType.AutocompleteResult] : record.type === 3 ? COMPONENT_CALLBACKS : COMMAND_CALLBACKS;
    if (!(allowed as number[]).includes(type)) {
      return error(
        400,
        invalidFormBody([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${allowed.join(', ')}}.` }]),
      );
    }
    const problem = this.#checkCallback(type, body, data);
    if (problem) return problem;

    const now = this.rules.now();
    record.acknowledgement = { type, at: now };
    switch (type) {
      case CallbackType.ChannelMessageWithSource: {
        const message = this.messages.create(record, data ?? {}, data?.flags, request.files);
        record.originalMessageId = message.id;
        record.answered = true;
        this.#announce(record, message, data);
        break;
      }
      case CallbackType.DeferredChannelMessageWithSource: {
        const flags = (Number(data?.flags ?? 0) & MessageFlag.Ephemeral) | MessageFlag.Loading;
        record.originalMessageId = this.messages.create(record, {}, flags).id;
        break;
      }
      case CallbackType.UpdateMessage:
        this.messages.edit(this.messages.get(record.originalMessageId!)!, data ?? {}, request.files);
        record.answered = true;
        break;
      case CallbackType.AutocompleteResult:
        record.choices = (data?.choices as Json[] | undefined) ?? [];
        record.answered = true;
        break;
      default: // 6: deferred update; the edit of @original will answer
        break;
    }
    this.#changed(record);

    if (request.query.get('with_response') !== 'true') return { status: 204 };
    const message =
      record.originalMessageId && type !== CallbackType.AutocompleteResult ? this.messages.get(record.originalMessageId) : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: record.id,
          type: record.type,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: message ? (message.flags & MessageFlag.Loading) !== 0 : null,
          response_message_ephemeral: message ? (message.flags & MessageFlag.Ephemeral) !== 0 : null,
        },
        ...(message ? { resource: { type, message } } : {}),
      },
    };
  }

  #checkCallback(type: number, body: Json, data: Json | undefined): RestResponse | undefined {
    const [schema, extra] = callbackSchema(type, data);
    const invalid = validateBody(schema, body, extra);
    if (invalid) return error(400, invalid);
    if (type === CallbackType.ChannelMessageWithSource && isEmptyMessage(data)) return error(400, emptyMessage);
    return undefined;
  }

  #withToken(request: RestRequest, respond: (record: InteractionRecord) => RestResponse): RestResponse {
    const record = this.#byToken.get(request.params.token!);
    if (!record || request.params.app !== this.world.application.id) return error(404, unknownWebhook);
    if (this.rules.now() - record.createdAt > this.rules.tokenLifetimeMs) return error(404, unknownWebhook);
    // Until the interaction is acknowledged its webhook does not exist yet.
    if (!record.acknowledgement) return error(404, unknownWebhook);
    return respond(record);
  }

  #followUp(record: InteractionRecord, request: RestRequest): RestResponse {
    const body = (request.body ?? {}) as Json;
    const invalid = validateBody(spec.IncomingWebhookRequestPartialSchema, body, messageLimitProblems(body, []));
    if (invalid) return error(400, invalid);
    if (isEmptyMessage(body)) return error(400, emptyMessage);
    const original = record.originalMessageId ? this.messages.get(record.originalMessageId) : undefined;
    let message: StoredMessage;
    if (original && (original.flags & MessageFlag.Loading) !== 0) {
      // Discord's rule: the first follow-up after a deferral fills in the "thinking…" message.
      message = this.messages.edit(original, body, request.files);
      record.answered = true;
    } else {
      message = this.messages.create(record, body, body.flags, request.files);
      record.followUpIds.push(message.id);
    }
    this.#announce(record, message, body);
    this.#changed(record);
    return request.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  #edit(record: InteractionRecord, request: RestRequest): RestResponse {
    const message = this.#ownMessage(record, request.params.message!);
    if (!message) return error(404, unknownMessage);
    const body = (request.body ?? {}) as Json;
    const invalid = validateBody(spec.IncomingWebhookUpdateRequestPartialSchema, body, messageLimitProblems(body, []));
    if (invalid) return error(400, invalid);
    const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
    this.messages.edit(message, body, request.files);
    record.edits.push({ messageId: message.id, body, at: this.rules.now() });
    if (message.id === record.originalMessageId) record.answered = true;
    // Filling in a deferred reply posts it, so its mentions notify; later edits notify no one.
    if (wasLoading) this.#announce(record, message, body);
    this.#changed(record);
    return { status: 200, body: message };
  }

  #fetch(record: InteractionRecord, request: RestRequest): RestResponse {
    const message = this.#ownMessage(record, request.params.message!);
    return message ? { status: 200, body: message } : error(404, unknownMessage);
  }

  #delete(record: InteractionRecord, request: RestRequest): RestResponse {
    const message = this.#ownMessage(record, request.params.message!);
    if (!message) return error(404, unknownMessage);
    this.messages.delete(message.id);
    this.#changed(record);
    return { status: 204 };
  }

  /** Tells watchers after the current response has gone out, so they never see a half-recorded request. */
  #changed(record: InteractionRecord): void {
    setImmediate(() => this.emit('change', record));
  }

  #ownMessage(record: InteractionRecord, idOrOriginal: string): StoredMessage | undefined {
    const id = idOrOriginal === '@original' ? record.originalMessageId : idOrOriginal;
    const ownsIt = id !== undefined && (id === record.originalMessageId || record.followUpIds.includes(id));
    return ownsIt ? this.messages.get(id) : undefined;
  }

  /** A message became visible: record who it notifies (ephemeral messages notify no one). */
  #announce(record: InteractionRecord, message: StoredMessage, body: Json | undefined): void {
    if ((message.flags & MessageFlag.Ephemeral) !== 0) return;
    addPings(record.pinged, pingsOf(message.content, body?.allowed_mentions));
  }
}

function callbackSchema(type: number, data: Json | undefined): [ZodMiniType, ReturnType<typeof messageLimitProblems>] {
  switch (type) {
    case CallbackType.AutocompleteResult:
      return [spec.ApplicationCommandAutocompleteCallbackRequestSchema, autocompleteProblems(data, ['data'])];
    case CallbackType.DeferredUpdateMessage:
    case CallbackType.UpdateMessage:
      return [spec.UpdateMessageInteractionCallbackRequestSchema, messageLimitProblems(data, ['data'])];
    default:
      return [spec.CreateMessageInteractionCallbackRequestSchema, messageLimitProblems(data, ['data'])];
  }
}

function error(status: number, body: DiscordErrorBody): RestResponse {
  return { status, body };
}
