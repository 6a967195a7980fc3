// Reading a /library attachment: only from where Discord serves attachments, no redirect followed,
// never more than the cap however the server describes the file, and a server that never answers
// gives up after the timeout instead of holding the command.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentOrigins, DISCORD_ATTACHMENT_ORIGINS, downloadAttachment } from '../../src/discord/attachmentDownload.ts';

describe('downloadAttachment', () => {
  let server: Server;
  let origin: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      switch (request.url) {
        case '/ok.txt':
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end('date 2025-01\n\nMột đoạn.\n');
          return;
        case '/moved.txt':
          response.writeHead(302, { location: 'http://example.invalid/elsewhere.txt' });
          response.end();
          return;
        case '/big-declared.txt':
          response.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
          response.end(Buffer.alloc(2 * 1024 * 1024, 0x61));
          return;
        case '/big-chunked.txt':
          // No length announced: the cap has to be counted while reading.
          response.writeHead(200, { 'transfer-encoding': 'chunked' });
          for (let index = 0; index < 40; index++) response.write(Buffer.alloc(64 * 1024, 0x61));
          response.end();
          return;
        case '/silent.txt':
          return; // never answers
        default:
          response.writeHead(404);
          response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const get = (path: string, timeoutMs?: number) =>
    downloadAttachment(`${origin}${path}`, { allowedOrigins: [origin], maxBytes: 1024 * 1024, ...(timeoutMs ? { timeoutMs } : {}) });

  it('reads an attachment from the allowed origin', async () => {
    const download = await get('/ok.txt');
    expect(download.ok && download.bytes.toString('utf8')).toBe('date 2025-01\n\nMột đoạn.\n');
  });

  it('refuses any other host without asking it', async () => {
    const before = requested.length;
    const download = await downloadAttachment(`${origin}/ok.txt`, { allowedOrigins: [...DISCORD_ATTACHMENT_ORIGINS], maxBytes: 1024 });
    expect(download).toEqual({ ok: false, reason: 'not a Discord attachment address (127.0.0.1:' + origin.split(':')[2] + ')' });
    expect(requested.length).toBe(before);
  });

  it('allows only Discord’s CDN, or only the stand-in when DISCORD_API_URL points at one', () => {
    expect(attachmentOrigins(undefined)).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net']);
    expect(attachmentOrigins('http://127.0.0.1:4000/api')).toEqual(['http://127.0.0.1:4000']);
  });

  it('does not follow a redirect', async () => {
    expect(await get('/moved.txt')).toEqual({ ok: false, reason: 'Discord sent a redirect, which is not followed' });
  });

  it.each(['/big-declared.txt', '/big-chunked.txt'])('stops at the cap: %s', async (path) => {
    expect(await get(path)).toEqual({ ok: false, reason: 'larger than 1048576 bytes' });
  });

  it('gives up on a server that never answers', async () => {
    expect(await get('/silent.txt', 50)).toEqual({ ok: false, reason: 'no answer within 1 s' });
  });

  it('reports an HTTP error', async () => {
    expect(await get('/gone.txt')).toEqual({ ok: false, reason: 'HTTP 404' });
  });
});
