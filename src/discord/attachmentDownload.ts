// Downloads the file a moderator attached to `/library add`. Only from where Discord serves
// attachments (its CDN, or the origin of DISCORD_API_URL when the bot talks to a stand-in), never
// following a redirect elsewhere, with a byte cap checked while reading and a timeout.

/** Where Discord serves attachments from. */
export const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'] as const;
export const DOWNLOAD_TIMEOUT_MS = 15_000;

export type Download = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** The origins attachments may come from: Discord's, or only the stand-in's when the API is pointed elsewhere. */
export function attachmentOrigins(apiUrl: string | undefined): string[] {
  return apiUrl ? [new URL(apiUrl).origin] : [...DISCORD_ATTACHMENT_ORIGINS];
}

export interface DownloadOptions {
  allowedOrigins: readonly string[];
  maxBytes: number;
  timeoutMs?: number;
}

export async function downloadAttachment(url: string, options: DownloadOptions): Promise<Download> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a web address' };
  }
  if (!options.allowedOrigins.includes(parsed.origin)) return { ok: false, reason: `not a Discord attachment address (${parsed.host})` };

  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(parsed, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, reason: isTimeout(error) ? `no answer within ${Math.ceil(timeoutMs / 1000)} s` : 'the download failed' };
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    return { ok: false, reason: 'Discord sent a redirect, which is not followed' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, reason: `HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    return { ok: false, reason: `larger than ${options.maxBytes} bytes` };
  }

  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    // The declared size may lie: count while reading and stop past the cap.
    for await (const chunk of response.body ?? []) {
      received += chunk.byteLength;
      if (received > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: `larger than ${options.maxBytes} bytes` };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    return { ok: false, reason: isTimeout(error) ? `no answer within ${Math.ceil(timeoutMs / 1000)} s` : 'the download was cut off' };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
