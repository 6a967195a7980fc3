// Files members attach to a slash command. Discord uploads them first, then sends the interaction with
// the attachment in `data.resolved.attachments` and a signed, expiring CDN URL; here the stand-in's own
// HTTP server plays the CDN under /ephemeral-attachments/. Every download is recorded, so a test can
// check that the bot fetched (or did not fetch) a file.
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { nextSnowflake } from './snowflake.ts';

/** What a test passes for an attachment option. */
export interface AttachmentInput {
  filename: string;
  content: string | Uint8Array;
  contentType?: string;
  /** The size Discord reports in the interaction; defaults to the real one (set it to model a lie). */
  declaredSize?: number;
}

export function isAttachmentInput(input: unknown): input is AttachmentInput {
  return typeof input === 'object' && input !== null && 'filename' in input && 'content' in input;
}

interface StoredAttachment {
  id: string;
  channelId: string;
  filename: string;
  bytes: Buffer;
  contentType: string;
  expiresAt: number;
}

export interface AttachmentDownload {
  path: string;
  status: number;
  attachmentId?: string;
}

/** Discord's CDN links stop working after about a day. */
const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;
const PATH = /^\/ephemeral-attachments\/(\d+)\/(\d+)\/([^/]+)$/;

export class AttachmentStore {
  readonly downloads: AttachmentDownload[] = [];
  readonly #byId = new Map<string, StoredAttachment>();
  readonly #secret = randomBytes(16);

  constructor(
    private readonly origin: () => string,
    private readonly now: () => number,
  ) {}

  /** Stores the file and returns the attachment object Discord puts in `resolved.attachments`. */
  add(channelId: string, input: AttachmentInput): Record<string, unknown> {
    const bytes = Buffer.from(input.content);
    // Discord replaces characters it does not keep in file names.
    const filename = input.filename.replace(/[^\w.-]/g, '_');
    const id = nextSnowflake();
    const contentType = input.contentType ?? guessContentType(filename);
    const stored: StoredAttachment = { id, channelId, filename, bytes, contentType, expiresAt: this.now() + LINK_LIFETIME_MS };
    this.#byId.set(id, stored);
    const url = this.#signedUrl(stored);
    return {
      id,
      filename,
      size: input.declaredSize ?? bytes.length,
      url,
      proxy_url: url.replace('/ephemeral-attachments/', '/ephemeral-attachments-proxy/'),
      content_type: contentType,
      ephemeral: true,
    };
  }

  #signature(stored: StoredAttachment, expiresHex: string): string {
    return createHmac('sha256', this.#secret).update(`${stored.id}/${stored.filename}/${expiresHex}`).digest('hex');
  }

  #signedUrl(stored: StoredAttachment): string {
    const expires = Math.floor(stored.expiresAt / 1000).toString(16);
    const issued = Math.floor(this.now() / 1000).toString(16);
    return `${this.origin()}/ephemeral-attachments/${stored.channelId}/${stored.id}/${encodeURIComponent(stored.filename)}?ex=${expires}&is=${issued}&hm=${this.#signature(stored, expires)}&`;
  }

  /** Serves a GET for an attachment URL; false when the path is not an attachment's. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/ephemeral-attachments')) return false;
    const match = PATH.exec(url.pathname);
    const stored = match ? this.#byId.get(match[2]!) : undefined;
    const expires = url.searchParams.get('ex') ?? '';
    const valid =
      request.method === 'GET' &&
      stored !== undefined &&
      stored.channelId === match![1] &&
      decodeURIComponent(match![3]!) === stored.filename &&
      url.searchParams.get('hm') === this.#signature(stored, expires) &&
      parseInt(expires, 16) * 1000 >= this.now();
    if (!valid) {
      this.downloads.push({ path: url.pathname, status: 404, ...(stored ? { attachmentId: stored.id } : {}) });
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('This content is no longer available.');
      return true;
    }
    this.downloads.push({ path: url.pathname, status: 200, attachmentId: stored.id });
    response.writeHead(200, { 'content-type': stored.contentType, 'content-length': String(stored.bytes.length) });
    response.end(stored.bytes);
    return true;
  }
}

function guessContentType(filename: string): string {
  if (/\.txt$/i.test(filename)) return 'text/plain; charset=utf-8';
  if (/\.md$/i.test(filename)) return 'text/markdown; charset=utf-8';
  if (/\.docx$/i.test(filename)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return 'application/octet-stream';
}
