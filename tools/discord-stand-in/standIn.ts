// A local Discord that an unmodified discord.js Client logs in to: one HTTP server on 127.0.0.1
// serving REST v10 under /api and the gateway as a WebSocket, plus the record of what the bot did wrong.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttachmentStore } from './attachments.ts';
import { CommandRegistry } from './commandsApi.ts';
import { Gateway } from './gateway.ts';
import { InteractionLedger } from './interactionsApi.ts';
import { RestRouter, type RestViolation } from './restRouter.ts';
import { World, type GuildSeed } from './world.ts';

export interface StandInOptions {
  /** The bot token the stand-in accepts. */
  token?: string;
  /** Shards recommended by GET /gateway/bot (default 1). */
  shardCount?: number;
  /** HELLO's heartbeat interval; Discord uses ~41 s, tests want ~200 ms so zombies are found quickly. */
  heartbeatIntervalMs?: number;
  /** Time the bot has to acknowledge an interaction (Discord: 3 s). */
  ackDeadlineMs?: number;
  /** Time edits and follow-ups are accepted after an interaction (Discord: 15 min). */
  tokenLifetimeMs?: number;
  guilds?: GuildSeed[];
  /**
   * Discord rejects a bad token on REST (401) before the gateway ever sees it. Turn this off to let a
   * bad token through to IDENTIFY, where the gateway closes with 4004.
   */
  checkTokenOnRest?: boolean;
}

export type Violation = RestViolation;

export interface DiscordStandIn {
  /** What to pass discord.js as `rest.api`. */
  readonly restApi: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly world: World;
  readonly gateway: Gateway;
  readonly rest: RestRouter;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionLedger;
  /** Files members attached to commands, served like Discord's CDN from this server. */
  readonly attachments: AttachmentStore;
  /** Every request the bot made that Discord would have refused, in order. */
  readonly violations: readonly Violation[];
  /** Returns the violations so far and forgets them (for tests that provoke some on purpose). */
  takeViolations(): Violation[];
  /** Resolves with the next violation (or one already recorded and not yet taken). */
  nextViolation(): Promise<Violation>;
  /** Throws, listing them, if any violation was recorded. */
  expectNoViolations(): void;
  /** Moves the stand-in's clock forward: deadlines pass without anyone waiting. */
  advanceClock(ms: number): void;
  now(): number;
  close(): Promise<void>;
}

export async function startDiscordStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  const token = options.token ?? 'stand-in-bot-token.citebot';
  const shardCount = options.shardCount ?? 1;
  const checkTokenOnRest = options.checkTokenOnRest ?? true;
  const world = new World(options.guilds);
  const violations: Violation[] = [];
  const violationWaiters: ((violation: Violation) => void)[] = [];
  let clockSkewMs = 0;
  const now = () => Date.now() + clockSkewMs;

  const rest = new RestRouter({
    isBotToken: (authorization) => !checkTokenOnRest || authorization === `Bot ${token}`,
    onViolation: (violation) => {
      violations.push(violation);
      violationWaiters.splice(0).forEach((wake) => wake(violation));
    },
  });
  const commands = new CommandRegistry(world.application.id);
  const interactions = new InteractionLedger(world, {
    ackDeadlineMs: options.ackDeadlineMs ?? 3_000,
    tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
    now,
  });

  let origin = '';
  const attachments = new AttachmentStore(() => `http://${origin}`, now);
  const server: Server = createServer((request, response) => {
    if (attachments.handle(request, response)) return;
    rest.handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 0, message: `Stand-in failure: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gatewayUrl = `ws://${origin}/gateway`;

  const gateway = new Gateway({
    world,
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    resumeUrl: `ws://${origin}/resume-gateway`,
    defaultShardCount: shardCount,
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'ws://127.0.0.1').pathname;
    if (path === '/gateway' || path === '/resume-gateway') gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  rest.add(
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: gatewayUrl,
          shards: shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      }),
    },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: world.bot }) },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handle: () => ({
        status: 200,
        body: { ...world.application, description: '', bot_public: false, bot_require_code_grant: false, bot: world.bot },
      }),
    },
    ...commands.routes(),
    ...interactions.routes(),
  );

  return {
    restApi: `http://${origin}/api`,
    gatewayUrl,
    token,
    world,
    gateway,
    rest,
    commands,
    interactions,
    attachments,
    violations,
    takeViolations: () => violations.splice(0),
    nextViolation: () => {
      const pending = violations[0];
      if (pending) return Promise.resolve(pending);
      return new Promise((resolve) => violationWaiters.push(resolve));
    },
    expectNoViolations: () => {
      if (violations.length === 0) return;
      const lines = violations.map((violation) => `  ${violation.request} → ${violation.status} ${JSON.stringify(violation.error)}`);
      throw new Error(`The bot made ${violations.length} request(s) Discord would refuse:\n${lines.join('\n')}`);
    },
    advanceClock: (ms) => {
      clockSkewMs += ms;
    },
    now,
    close: async () => {
      await gateway.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
