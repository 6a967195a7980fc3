// The REST half's plumbing: reads JSON or multipart bodies, matches `/api/v10/...` routes, checks the
// bot token where Discord would, injects one-off 429s, records every request, and reports every
// 4xx the bot earned as a violation.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { invalidJson, notFound, unauthorized, type DiscordErrorBody } from './discordErrors.ts';

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Files uploaded alongside `payload_json`, when discord.js sent multipart/form-data. */
  files: UploadedFile[];
}

export interface UploadedFile {
  /** The form field, `files[0]` and so on; attachment `id` 0 refers to `files[0]`. */
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after `/api/v10`, with `:name` segments, e.g. `/webhooks/:app/:token/messages/:message`. */
  pattern: string;
  /** Whether Discord wants `Authorization: Bot <token>` here (interaction and webhook routes do not). */
  auth: boolean;
  handle(request: RestRequest): RestResponse | Promise<RestResponse>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  body: unknown;
}

export interface RestViolation {
  kind: 'rest';
  request: string;
  status: number;
  error: DiscordErrorBody;
  body: unknown;
}

interface RateLimitTrap {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
}

export interface RestRouterOptions {
  isBotToken(authorization: string | undefined): boolean;
  onViolation(violation: RestViolation): void;
}

const API_PREFIX = /^\/api\/v10(?=\/)/;

export class RestRouter {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: RestRoute[] = [];
  readonly #traps: RateLimitTrap[] = [];

  constructor(private readonly options: RestRouterOptions) {}

  add(...routes: RestRoute[]): void {
    this.#routes.push(...routes);
  }

  /** The next request matching `method` and `path` gets a 429 with Discord's headers; discord.js should wait and retry. */
  failOnceWith429(method: RestRoute['method'], path: RegExp, retryAfterSeconds = 0.05): void {
    this.#traps.push({ method, path, retryAfterSeconds });
  }

  async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const method = incoming.method ?? 'GET';
    const path = url.pathname.replace(API_PREFIX, '');
    const read = await readBody(incoming).catch(() => undefined);
    const { body, files } = read ?? { body: undefined, files: [] };
    const response = read
      ? await this.#respond(method, path, url, incoming.headers, body, files, API_PREFIX.test(url.pathname))
      : { status: 400, body: invalidJson };
    this.requests.push({ method, path, query: url.search, status: response.status, body });
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      this.options.onViolation({
        kind: 'rest',
        request: `${method} ${path}`,
        status: response.status,
        error: response.body as DiscordErrorBody,
        body,
      });
    }
    const payload = response.body === undefined ? '' : JSON.stringify(response.body);
    outgoing.writeHead(response.status, {
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...response.headers,
    });
    outgoing.end(payload);
  }

  async #respond(
    method: string,
    path: string,
    url: URL,
    headers: IncomingHttpHeaders,
    body: unknown,
    files: UploadedFile[],
    versioned: boolean,
  ): Promise<RestResponse> {
    const trapIndex = this.#traps.findIndex((trap) => trap.method === method && trap.path.test(path));
    if (trapIndex >= 0) {
      const [trap] = this.#traps.splice(trapIndex, 1);
      return rateLimited(trap!.retryAfterSeconds);
    }
    for (const route of versioned ? this.#routes : []) {
      const params = matchPath(route.pattern, path);
      if (route.method !== method || !params) continue;
      if (route.auth && !this.options.isBotToken(headers.authorization)) return { status: 401, body: unauthorized };
      return route.handle({ method, path, params, query: url.searchParams, headers, body, files });
    }
    return { status: 404, body: notFound };
  }
}

function rateLimited(retryAfterSeconds: number): RestResponse {
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((Date.now() / 1000 + retryAfterSeconds).toFixed(3)),
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-bucket': 'stand-in-bucket',
      'x-ratelimit-scope': 'user',
    },
  };
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const expected = pattern.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    // discord.js sends `@original` as `%40original`; Discord reads both.
    const value = decodeURIComponent(actual[index]!);
    if (segment.startsWith(':')) params[segment.slice(1)] = value;
    else if (segment !== value) return undefined;
  }
  return params;
}

async function readBody(incoming: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = incoming.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // Node's fetch Response already knows how to take multipart apart.
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const payload = form.get('payload_json');
    const files = [...form.entries()].flatMap(([field, value]) =>
      typeof value === 'string' ? [] : [{ field, filename: value.name, size: value.size, contentType: value.type }],
    );
    return { body: typeof payload === 'string' ? JSON.parse(payload) : undefined, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}
