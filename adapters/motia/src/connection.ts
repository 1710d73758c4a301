// One connection to a Troupe cluster, shared by every adapter of a process.
// It puts together the socket to one node (socket.ts), the requests waiting
// for a reply or for a node (request-queue.ts) and owner routing
// (router.ts), and adds what lasts across sockets: trying the configured
// nodes, reconnecting with backoff, server pushes routed by subscription id,
// and re-subscription hooks run after every reconnect. Subscriptions stay on
// this connection; in a cluster, single-partition requests go to their
// partition's owner (its leader, with replication). A request that fails
// because a node or a leader was lost (UNAVAILABLE, NOT_LEADER, a dropped
// connection) is sent again, with jittered backoff, for up to
// failoverTimeoutMs: through another node, to the partition's new leader.
import { parseAddresses, type NodeAddress } from './address.js';
import { Backoff } from './backoff.js';
import { TroupeError, TroupeOfflineError } from './errors.js';
import type { FrameData, troupe } from './frames.js';
import { OfflineQueue, PendingRequests, type Reply } from './request-queue.js';
import { OwnerRouter } from './router.js';
import { AttemptFailed, NodeSocket } from './socket.js';
import { tlsConnectOptions, type TlsOption } from './tls.js';
import type tls from 'node:tls';

export type { Reply } from './request-queue.js';

export interface ConnectionOptions {
  /** Addresses of the nodes to try, in order: "host:port" or "[IPv6]:port". */
  nodes: string[];
  token?: string;
  /**
   * Speak TLS to the nodes (troupe-node --tls-cert): `true` trusts Node's
   * bundled root CAs; an object gives PEM contents (not paths) of the CA
   * (`ca`) and, for a node with --tls-ca, of this client's certificate and
   * key (`cert`, `key`), the name to check (`servername`, default each
   * node's host) and `rejectUnauthorized` (default true). Default: plain TCP.
   */
  tls?: TlsOption;
  clientName?: string;
  /** Per-request limit in ms. Default 30000. */
  requestTimeoutMs?: number;
  /**
   * Longest wait for one node to accept the connection and welcome us, ms;
   * then the next node is tried. Default 10000 (at most requestTimeoutMs).
   */
  connectTimeoutMs?: number;
  /**
   * Requests made while no node is connected wait for one, at most this many
   * at once and this long each; beyond either they fail with
   * `TroupeOfflineError`. Default `{ limit: 10000, maxWaitMs: requestTimeoutMs }`.
   */
  offlineQueue?: { limit?: number; maxWaitMs?: number };
  /**
   * Send each single-partition request to the node that owns its partition
   * (by the partition table of Welcome, refreshed every few seconds). Off:
   * the connected node forwards them. Default on.
   */
  routeToOwner?: boolean;
  /**
   * How long a request that failed because a node or a partition's leader
   * was lost (`UNAVAILABLE`, `NOT_LEADER`, a connection dropped under it) is
   * sent again, ms: with jittered backoff (25 ms doubling to 1 s), through
   * whichever node is connected then, so a failover (a new leader is
   * elected in about a second) is ridden through without an error. Every
   * request is retried; see the README for what a retry means for each
   * (emits and stream sets are idempotent, a compare-and-set is checked).
   * 0: fail at the first such error. Default 15000.
   */
  failoverTimeoutMs?: number;
  /** Internal (owner connections): a lost or refused connection fails its requests at once. */
  failFast?: boolean;
}

/** A request: exactly one of troupe.v1.Request's operations. */
export type Request = troupe.v1.IRequest;
/** A server push for a subscription. */
export type Push = troupe.v1.IPush;

/** What the attempts of one request came to (filled in by `request`). */
export interface RequestOutcome {
  /** Attempts made; 1 when the first one was answered. */
  attempts: number;
  /**
   * An attempt failed after the request reached a node (its connection
   * dropped, its leader was lost mid-write, no answer in time): that attempt
   * may have been applied, so the answer may be to a repeat of it.
   */
  unknownOutcome: boolean;
}

/** An error a failover causes: the request may be sent again. */
export const isFailover = (err: unknown): err is TroupeError =>
  err instanceof TroupeError && (err.code === 'UNAVAILABLE' || err.code === 'NOT_LEADER') && !(err instanceof TroupeOfflineError);

/**
 * A connect round every node refused: reported as it is, not retried (see
 * `connect`); no request was sent.
 */
const refusals = new WeakSet<Error>();

/** A failed attempt that may still have been applied (it reached a node and got no answer of its fate). */
const mayHaveApplied = (err: TroupeError) => err.code === 'UNAVAILABLE' && !(err instanceof TroupeOfflineError) && !refusals.has(err);

export const text = (b: Uint8Array | string | undefined | null): string =>
  b == null ? '' : typeof b === 'string' ? b : Buffer.from(b).toString('utf8');
export const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

export class TroupeConnection {
  private readonly addresses: NodeAddress[];
  private socket?: NodeSocket;
  private readonly pending: PendingRequests;
  private readonly offline: OfflineQueue;
  private readonly router?: OwnerRouter;
  private pushHandlers = new Map<number, (push: Push) => void>();
  private reconnectHooks = new Set<() => Promise<void>>();
  /** Connecting, or connected: resolves once a node welcomed us. */
  private ready?: Promise<void>;
  private closed = false;
  private readonly closing = new AbortController();
  private nodeIndex = 0;
  private readonly backoff = new Backoff(50, 2000);
  /** The last reason each address could not be reached. */
  private lastErrors = new Map<string, string>();
  private readonly tls?: tls.ConnectionOptions;

  /** Refuses a missing or malformed address or `tls` option (`TroupeError` `INVALID_ARGUMENT`) here, naming it. */
  constructor(private readonly options: ConnectionOptions) {
    this.addresses = parseAddresses(options?.nodes);
    this.tls = tlsConnectOptions(options.tls);
    this.pending = new PendingRequests(this.requestTimeoutMs);
    this.offline = new OfflineQueue(
      { limit: options.offlineQueue?.limit ?? 10000, maxWaitMs: options.offlineQueue?.maxWaitMs ?? this.requestTimeoutMs },
      () => this.reasons(),
    );
    if (options.routeToOwner !== false)
      this.router = new OwnerRouter({
        connect: (address) => new TroupeConnection({ ...this.options, nodes: [address], routeToOwner: false, failFast: true }),
        refresh: () => this.send({ clusterStatus: {} }).then((r) => r.cluster?.table),
      });
  }

  private get requestTimeoutMs() {
    return this.options.requestTimeoutMs ?? 30000;
  }

  /** Whether a node has welcomed us and the connection is up. */
  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Whether `close` was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Requests waiting for a node now. */
  get waiting(): number {
    return this.offline.size;
  }

  /**
   * Connects (once) and resolves when a node has welcomed us. The first
   * connect tries each node once, in order, and fails as soon as every one
   * has refused, naming each address and its error; the next call tries
   * again. Once connected, a lost connection is re-established with backoff
   * (see `reconnect`).
   */
  connect(): Promise<void> {
    if (!this.ready) {
      this.ready = this.connectRound();
      this.ready.catch((err) => {
        this.ready = undefined;  // a refused round: the next call tries again
        this.offline.fail(err);
      });
    }
    return this.ready;
  }

  /** What the nodes answered so far, for errors: "a:1 (ECONNREFUSED), b:2 (ENOTFOUND)". */
  private reasons(): string {
    return this.addresses.map((a) => `${a.text} (${this.lastErrors.get(a.text) ?? 'no answer yet'})`).join(', ');
  }

  /** Each node once, in order, from the current one; a node's refusal of our Hello (an error frame) ends it. */
  private async connectRound(): Promise<void> {
    for (let i = 0; i < this.addresses.length; i++) {
      if (this.closed) throw new TroupeError('UNAVAILABLE', 'connection closed');
      try {
        return await this.attempt(this.addresses[this.nodeIndex % this.addresses.length]);
      } catch (err) {
        if (!(err instanceof AttemptFailed)) throw err;
        this.nodeIndex++;
      }
    }
    const refused = new TroupeError('UNAVAILABLE', `cannot reach any node: ${this.reasons()}`);
    refusals.add(refused);
    throw refused;
  }

  /** After a connection was lost: the next node, then the next, with jittered backoff, until one welcomes us. */
  private async reconnect(): Promise<void> {
    for (;;) {
      this.nodeIndex++;
      await new Promise((r) => setTimeout(r, this.backoff.next()).unref?.());
      if (this.closed) throw new TroupeError('UNAVAILABLE', 'connection closed');
      try {
        return await this.attempt(this.addresses[this.nodeIndex % this.addresses.length]);
      } catch (err) {
        if (err instanceof AttemptFailed) continue;
        this.closed = true;  // the node refused us (a wrong token): retrying will not help
        throw err;
      }
    }
  }

  /** One attempt on `address`; on its Welcome the socket becomes the connection's. */
  private async attempt(address: NodeAddress): Promise<void> {
    let socket: NodeSocket;
    try {
      socket = await NodeSocket.open(
        address,
        {
          token: this.options.token,
          clientName: this.options.clientName,
          connectTimeoutMs: Math.min(this.options.connectTimeoutMs ?? 10000, this.requestTimeoutMs),
          tls: this.tls,
        },
        { onFrame: (frame) => this.onFrame(frame), onClose: () => this.lost() },
        this.closing.signal,
      );
    } catch (err) {
      this.lastErrors.set(address.text, err instanceof AttemptFailed ? err.message : String((err as Error).message));
      throw err;
    }
    this.socket = socket;
    this.lastErrors.delete(address.text);
    this.router?.welcomed(socket.welcome.nodeId ?? '', socket.welcome.partitionTable);
    this.backoff.reset();
    this.offline.release();
  }

  /** The connection to the node dropped after its Welcome. */
  private lost() {
    this.socket = undefined;
    this.pending.failAll('connection to the node closed');
    // The node's subscriptions ended with the connection; their ids will be
    // given again by the next node, to whichever subscription asks first.
    this.pushHandlers.clear();
    if (this.closed) return;
    if (this.options.failFast) {
      this.ready = undefined;
      return;
    }
    this.ready = this.reconnect();
    // Hooks send requests themselves, so they run after `ready`, not in it.
    this.ready.then(
      () => this.runReconnectHooks(),
      (err) => this.offline.fail(err),
    );
  }

  private async runReconnectHooks() {
    for (const hook of this.reconnectHooks) await hook().catch(() => undefined);
  }

  /** Registers a hook run after each reconnect (to re-establish subscriptions). */
  onReconnect(hook: () => Promise<void>): () => void {
    this.reconnectHooks.add(hook);
    return () => this.reconnectHooks.delete(hook);
  }

  /** Routes pushes of `subscriptionId` to `handler`. */
  onPush(subscriptionId: number, handler: (push: Push) => void) {
    this.pushHandlers.set(subscriptionId, handler);
  }

  offPush(subscriptionId: number) {
    this.pushHandlers.delete(subscriptionId);
  }

  /**
   * Sends a subscribe request on this connection and routes its pushes to
   * `handler`. The handler is in place as soon as the reply is read, before
   * the frames behind it: a node with a backlog pushes the first deliveries
   * right after the reply, often in the same read. Resolves with the
   * subscription id. Retried like `request` while a failover lasts.
   */
  async subscribe(req: Request, handler: (push: Push) => void): Promise<number> {
    const r = await this.retrying(
      () => this.send(req, (result) => this.onPush(Number(result.subscribe?.subscriptionId), handler)),
      { attempts: 0, unknownOutcome: false },
    );
    return Number(r.subscribe?.subscriptionId);
  }

  /**
   * Sends one request; resolves with the Response's result, rejects with a
   * TroupeError. A request failing because a node or a leader was lost is
   * sent again for up to `failoverTimeoutMs`; `outcome`, if given, says how
   * many attempts it took and whether one may have been applied unanswered.
   * The error of a request that gave up, or whose retry was refused, has
   * `unknownOutcome` set when an earlier attempt may have been applied.
   */
  async request(req: Request, outcome: RequestOutcome = { attempts: 0, unknownOutcome: false }): Promise<Reply> {
    return this.retrying(() => this.route(req, outcome), outcome);
  }

  /** Runs `attempt` until it succeeds, fails with an error a failover does not explain, or failoverTimeoutMs is over. */
  private async retrying(attempt: () => Promise<Reply>, outcome: RequestOutcome): Promise<Reply> {
    const limit = this.options.failFast ? 0 : (this.options.failoverTimeoutMs ?? 15000);
    const deadline = Date.now() + limit;
    let backoff: Backoff | undefined;
    for (;;) {
      outcome.attempts++;
      try {
        return await attempt();
      } catch (err) {
        if (err instanceof TroupeError && mayHaveApplied(err)) outcome.unknownOutcome = true;
        if (err instanceof TroupeError && outcome.unknownOutcome) err.unknownOutcome = true;
        const left = deadline - Date.now();
        if (!isFailover(err) || refusals.has(err) || this.closed || left <= 0) throw err;
        // The leaders changed, or a node is gone: read the table again soon.
        this.router?.stale();
        backoff ??= new Backoff(25, 1000);
        await new Promise((r) => setTimeout(r, Math.min(backoff!.next(), left)).unref?.());
      }
    }
  }

  /** One attempt: to the partition's owner if another node owns it, else (or if that fails) through this connection. */
  private async route(req: Request, outcome: RequestOutcome): Promise<Reply> {
    await this.whenConnected();
    const owner = this.router?.ownerFor(req);
    if (owner) {
      try {
        return await owner.connection.request(req);
      } catch (e) {
        if (!isFailover(e)) throw e;
        if (mayHaveApplied(e)) outcome.unknownOutcome = true;
        // A stale table or a lost owner: this node routes it instead.
        this.router!.drop(owner.nodeId);
      }
    }
    return this.send(req);
  }

  /**
   * Resolves once a node is connected. Without one, the request waits in the
   * offline queue (bounded in number and time); the first connect fails
   * every waiting request as soon as all nodes refused.
   */
  private async whenConnected(): Promise<void> {
    while (!this.socket) {
      if (this.closed) throw new TroupeError('UNAVAILABLE', 'connection closed');
      const round = this.connect();
      if (this.options.failFast) {
        await round;
        continue;
      }
      await this.offline.wait();
    }
  }

  /** Sends one request on this connection (waiting for a node if there is none). */
  private async send(req: Request, onResult?: (r: Reply) => void): Promise<Reply> {
    await this.whenConnected();
    const socket = this.socket!;
    return this.pending.add((id) => socket.write({ id, request: req }), onResult);
  }

  close() {
    this.closed = true;
    this.router?.close();
    this.closing.abort();
    this.socket?.destroy();
    this.pending.failAll('connection closed');
    this.offline.fail(new TroupeError('UNAVAILABLE', 'connection closed'));
  }

  private onFrame(frame: FrameData) {
    if (frame.push) {
      this.pushHandlers.get(Number(frame.push.subscriptionId))?.(frame.push);
      return;
    }
    if (frame.response) this.pending.settle(frame);
  }
}
