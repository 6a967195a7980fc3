// The gateway half of the stand-in: HELLO, IDENTIFY → READY + GUILD_CREATEs, heartbeats, sequence
// numbers, RESUME with replay, and the faults a test can throw at a connected client.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { shardOfGuild } from './snowflake.ts';
import type { World } from './world.ts';

type Json = Record<string, unknown>;

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** How a shard came back after a fault. */
export type Recovery = 'resumed' | 'identified';

export interface GatewayLogEntry {
  shard?: number;
  event:
    | 'connected'
    | 'identify'
    | 'ready'
    | 'resume'
    | 'resumed'
    | 'closed-by-client'
    | 'closed-by-stand-in'
    | 'killed'
    | 'reconnect-requested'
    | 'session-invalidated'
    | 'acks-withheld';
  code?: number;
  url?: string;
  replayed?: number;
}

export interface GatewayOptions {
  world: World;
  token: string;
  heartbeatIntervalMs: number;
  /** Where READY tells the client to resume, e.g. ws://127.0.0.1:PORT/resume-gateway. */
  resumeUrl: string;
  /** Shard count a client gets told to use when none has identified yet. */
  defaultShardCount: number;
}

interface Session {
  id: string;
  shard: [number, number];
  sequence: number;
  sent: { op: 0; t: string; s: number; d: unknown }[];
  connection?: Connection;
}

interface Connection {
  socket: WebSocket;
  session?: Session;
  /** Dispatches flow only after READY or RESUMED went out on this connection. */
  live: boolean;
  withholdAcks: boolean;
  closingByStandIn: boolean;
}

const GUILDS_INTENT = 1 << 0;
const RECOVERY_TIMEOUT_MS = 10_000;

export class Gateway extends EventEmitter<{ ready: [number]; resumed: [number] }> {
  readonly log: GatewayLogEntry[] = [];
  /** The IDENTIFY payloads received, token included, in order. */
  readonly identifies: Json[] = [];
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #sessionsById = new Map<string, Session>();
  readonly #sessionByShard = new Map<number, Session>();
  readonly #connections = new Set<Connection>();

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(request, socket, head, (webSocket) => this.#accept(webSocket, request.url ?? '/'));
  }

  /** Sends a dispatch to the shard that owns `guildId` (DMs: shard 0), or keeps it for replay if that shard is disconnected. */
  dispatch(guildId: string | undefined, type: string, data: unknown): void {
    const shardCount = [...this.#sessionByShard.values()][0]?.shard[1] ?? this.options.defaultShardCount;
    const shardId = shardOfGuild(guildId, shardCount);
    const session = this.#sessionByShard.get(shardId);
    if (!session)
      throw new Error(`No gateway session for shard ${shardId}: has the client logged in (and re-identified after an invalid session)?`);
    this.#sendDispatch(session, type, data);
  }

  // --- Faults ------------------------------------------------------------------------------------

  /** Closes the shard's connection with a close frame (4000 "Unknown error" by default; discord.js resumes). */
  close(code = 4000, { shard = 0 } = {}): Promise<Recovery> {
    const connection = this.#liveConnection(shard);
    const recovery = this.waitForRecovery(shard, `close ${code}`);
    connection.closingByStandIn = true;
    this.log.push({ shard, event: 'closed-by-stand-in', code });
    connection.socket.close(code, 'Stand-in closed the connection');
    return recovery;
  }

  /** Drops the TCP connection without a close frame, as a network failure would. */
  kill({ shard = 0 } = {}): Promise<Recovery> {
    const connection = this.#liveConnection(shard);
    const recovery = this.waitForRecovery(shard, 'killed socket');
    connection.closingByStandIn = true;
    this.log.push({ shard, event: 'killed' });
    connection.socket.terminate();
    return recovery;
  }

  /** Op 7: Discord asks the client to reconnect and resume. */
  requestReconnect({ shard = 0 } = {}): Promise<Recovery> {
    const connection = this.#liveConnection(shard);
    const recovery = this.waitForRecovery(shard, 'op 7 reconnect');
    this.log.push({ shard, event: 'reconnect-requested' });
    connection.live = false;
    this.#send(connection, { op: Op.Reconnect, d: null });
    return recovery;
  }

  /** Op 9: resumable, the client resumes on the same connection; not, the session is gone and it must identify anew. */
  invalidateSession({ resumable = false, shard = 0 } = {}): Promise<Recovery> {
    const connection = this.#liveConnection(shard);
    const recovery = this.waitForRecovery(shard, `op 9 (resumable: ${resumable})`);
    this.log.push({ shard, event: 'session-invalidated', code: resumable ? 1 : 0 });
    connection.live = false;
    if (!resumable && connection.session) this.#forget(connection.session);
    this.#send(connection, { op: Op.InvalidSession, d: resumable });
    return recovery;
  }

  /** Stops answering heartbeats on the shard's current connection, so discord.js sees a zombie connection. */
  withholdHeartbeatAcks({ shard = 0 } = {}): Promise<Recovery> {
    const connection = this.#liveConnection(shard);
    const recovery = this.waitForRecovery(shard, 'withheld heartbeat ACKs');
    this.log.push({ shard, event: 'acks-withheld' });
    connection.withholdAcks = true;
    return recovery;
  }

  /** Resolves when the shard is next READY ('identified') or RESUMED ('resumed'). */
  waitForRecovery(shard: number, after: string): Promise<Recovery> {
    return new Promise((resolve, reject) => {
      const settle = (recovery: Recovery) => (id: number) => {
        if (id !== shard) return;
        cleanUp();
        resolve(recovery);
      };
      const onReady = settle('identified');
      const onResumed = settle('resumed');
      const timer = setTimeout(() => {
        cleanUp();
        reject(
          new Error(
            `Shard ${shard} neither resumed nor re-identified within ${RECOVERY_TIMEOUT_MS} ms after ${after}. Gateway log: ${JSON.stringify(this.log.slice(-8))}`,
          ),
        );
      }, RECOVERY_TIMEOUT_MS).unref();
      const cleanUp = () => {
        clearTimeout(timer);
        this.off('ready', onReady);
        this.off('resumed', onResumed);
      };
      this.on('ready', onReady);
      this.on('resumed', onResumed);
    });
  }

  async closeAll(): Promise<void> {
    for (const connection of this.#connections) {
      connection.closingByStandIn = true;
      connection.socket.terminate();
    }
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // --- Protocol ----------------------------------------------------------------------------------

  #accept(socket: WebSocket, url: string): void {
    const connection: Connection = { socket, live: false, withholdAcks: false, closingByStandIn: false };
    this.#connections.add(connection);
    this.log.push({ event: 'connected', url });
    const version = new URL(url, 'ws://127.0.0.1').searchParams.get('v');
    if (version !== '10') {
      socket.close(4012, 'Invalid API version');
      return;
    }
    socket.on('message', (raw) => this.#receive(connection, raw.toString()));
    socket.on('close', (code) => this.#closed(connection, code));
    socket.on('error', () => undefined); // a killed socket may error; the close handler does the work
    this.#send(connection, {
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["stand-in-gateway",{}]'] },
    });
  }

  #receive(connection: Connection, text: string): void {
    let payload: { op?: number; d?: unknown };
    try {
      payload = JSON.parse(text);
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        if (!connection.withholdAcks) this.#send(connection, { op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.#identify(connection, (payload.d ?? {}) as Json);
        return;
      case Op.Resume:
        this.#resume(connection, (payload.d ?? {}) as Json);
        return;
      default:
        if (!connection.session) connection.socket.close(4003, 'Not authenticated.');
        else if (![3, 4, 8, 31].includes(payload.op ?? -1)) connection.socket.close(4001, 'Unknown opcode.');
    }
  }

  #identify(connection: Connection, identify: Json): void {
    this.identifies.push(identify);
    if (identify.token !== this.options.token) {
      connection.socket.close(4004, 'Authentication failed.');
      return;
    }
    if (connection.session) {
      connection.socket.close(4005, 'Already authenticated.');
      return;
    }
    const shard = (identify.shard as [number, number] | undefined) ?? [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      connection.socket.close(4010, 'Invalid shard.');
      return;
    }
    this.log.push({ shard: shard[0], event: 'identify' });
    const previous = this.#sessionByShard.get(shard[0]);
    if (previous) this.#forget(previous);
    const session: Session = { id: randomBytes(16).toString('hex'), shard, sequence: 0, sent: [], connection };
    this.#sessionsById.set(session.id, session);
    this.#sessionByShard.set(shard[0], session);
    connection.session = session;
    connection.live = true;

    const { world } = this.options;
    const guilds = world.guilds.filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
    this.#sendDispatch(session, 'READY', {
      v: 10,
      user: world.bot,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.resumeUrl,
      shard,
      application: { id: world.application.id, flags: world.application.flags },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['singapore', 'hongkong'],
      user_settings: {},
      auth: {},
      _trace: ['["stand-in-gateway",{}]'],
    });
    this.log.push({ shard: shard[0], event: 'ready' });
    if ((Number(identify.intents) & GUILDS_INTENT) !== 0) {
      const joinedAt = new Date();
      for (const guild of guilds) this.#sendDispatch(session, 'GUILD_CREATE', world.guildCreate(guild, joinedAt));
    }
    this.emit('ready', shard[0]);
  }

  #resume(connection: Connection, resume: Json): void {
    const session = this.#sessionsById.get(String(resume.session_id));
    if (!session || resume.token !== this.options.token) {
      this.#send(connection, { op: Op.InvalidSession, d: false });
      return;
    }
    this.log.push({ shard: session.shard[0], event: 'resume' });
    if (session.connection && session.connection !== connection) session.connection.session = undefined;
    session.connection = connection;
    connection.session = session;
    const missed = session.sent.filter((dispatch) => dispatch.s > Number(resume.seq ?? 0));
    for (const dispatch of missed) this.#send(connection, dispatch);
    connection.live = true;
    this.#sendDispatch(session, 'RESUMED', { _trace: ['["stand-in-gateway",{}]'] });
    this.log.push({ shard: session.shard[0], event: 'resumed', replayed: missed.length });
    this.emit('resumed', session.shard[0]);
  }

  #closed(connection: Connection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    if (!connection.closingByStandIn) this.log.push({ shard: session?.shard[0], event: 'closed-by-client', code });
    if (!session) return;
    if (session.connection === connection) session.connection = undefined;
    // A client closing with 1000/1001 ends its session on Discord: it cannot resume afterwards.
    if (!connection.closingByStandIn && (code === 1000 || code === 1001)) this.#forget(session);
  }

  #forget(session: Session): void {
    this.#sessionsById.delete(session.id);
    if (this.#sessionByShard.get(session.shard[0]) === session) this.#sessionByShard.delete(session.shard[0]);
  }

  #sendDispatch(session: Session, type: string, data: unknown): void {
    session.sequence += 1;
    const dispatch = { op: Op.Dispatch, t: type, s: session.sequence, d: data } as const;
    session.sent.push(dispatch);
    const connection = session.connection;
    if (connection && (connection.live || type === 'READY' || type === 'RESUMED')) this.#send(connection, dispatch);
  }

  #send(connection: Connection, payload: unknown): void {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(payload));
  }

  #liveConnection(shard: number): Connection {
    const connection = this.#sessionByShard.get(shard)?.connection;
    if (!connection) throw new Error(`Shard ${shard} has no open gateway connection to disturb`);
    return connection;
  }
}
