// The optional HTTP endpoint for operators (HTTP_PORT): `/healthz` answers 200 when the library is
// loaded and the gateway is connected, 503 otherwise (Docker's HEALTHCHECK, a load balancer, systemd
// watchers); `/metrics` is Prometheus text. It listens on HTTP_HOST (127.0.0.1 unless set) and serves
// nothing else: no corpus content, no paths, no settings.
import { createServer, type Server } from 'node:http';
import type { Client } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { LibrarySource } from './commandTypes.ts';
import type { BotMetrics } from './metrics.ts';

export interface HealthServerOptions {
  config: Pick<Config, 'httpPort' | 'httpHost'>;
  store: LibrarySource;
  logger: Logger;
  /** The running bot, once logged in (undefined while still connecting). */
  bot(): { client: Client } | undefined;
  metrics?: BotMetrics;
}

export interface HealthServer {
  server: Server;
  /** The port actually listened on (useful with HTTP_PORT=0 in tests). */
  port: number;
  close(): Promise<void>;
}

export interface Health {
  ok: boolean;
  library: boolean;
  gateway: boolean;
  articles: number;
}

export function health(store: LibrarySource, bot: { client: Client } | undefined): Health {
  const articles = store.current?.corpus.articles.length ?? 0;
  const gateway = bot?.client.isReady() === true;
  return { ok: articles > 0 && gateway, library: articles > 0, gateway, articles };
}

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { store, logger, metrics } = options;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/healthz') {
      const state = health(store, options.bot());
      response.writeHead(state.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(state));
    } else if (path === '/metrics' && metrics) {
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: unknown) => {
          logger.error('metrics failed', { error });
          response.writeHead(500).end();
        },
      );
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.config.httpPort ?? 0, options.config.httpHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.config.httpPort ?? 0);
  logger.info('health endpoint listening', { host: options.config.httpHost, port });
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
