// Partition routing, as the node and the C++ client do it: the partition of
// a request is xxHash64(partition key, seed 0) mod P, and the partition
// table (from Welcome, refreshed) names each partition's owner. A request
// sent to its owner skips a hop between nodes; any node would forward it.
//
// The partition keys (cluster/request_route.cpp): the trace id for state,
// the stream and group for streams (each component followed by 0x00 0x01,
// a 0x00 inside one written 0x00 0xFF), the topic for events, the job for
// locks. Requests over many partitions, and subscriptions with their acks
// (which belong to the connection that made them), have none.

const PRIME1 = 0x9e3779b185ebca87n;
const PRIME2 = 0xc2b2ae3d27d4eb4fn;
const PRIME3 = 0x165667b19e3779f9n;
const PRIME4 = 0x85ebca77c2b2ae63n;
const PRIME5 = 0x27d4eb2f165667c5n;
const MASK = 0xffffffffffffffffn;

const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & MASK;
const round = (acc: bigint, lane: bigint) => (rotl((acc + lane * PRIME2) & MASK, 31n) * PRIME1) & MASK;
const merge = (acc: bigint, val: bigint) => ((((acc ^ round(0n, val)) * PRIME1) & MASK) + PRIME4) & MASK;

/** XXH64 with seed 0 (the partition hash every Troupe client uses). */
export function xxh64(data: Uint8Array): bigint {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = data.length;
  let i = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = (PRIME1 + PRIME2) & MASK;
    let v2 = PRIME2;
    let v3 = 0n;
    let v4 = (0n - PRIME1) & MASK;
    for (; i + 32 <= len; i += 32) {
      v1 = round(v1, view.getBigUint64(i, true));
      v2 = round(v2, view.getBigUint64(i + 8, true));
      v3 = round(v3, view.getBigUint64(i + 16, true));
      v4 = round(v4, view.getBigUint64(i + 24, true));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    h = merge(merge(merge(merge(h, v1), v2), v3), v4);
  } else {
    h = PRIME5;
  }
  h = (h + BigInt(len)) & MASK;
  for (; i + 8 <= len; i += 8) {
    h ^= round(0n, view.getBigUint64(i, true));
    h = (((rotl(h, 27n) * PRIME1) & MASK) + PRIME4) & MASK;
  }
  if (i + 4 <= len) {
    h ^= (BigInt(view.getUint32(i, true)) * PRIME1) & MASK;
    h = (((rotl(h, 23n) * PRIME2) & MASK) + PRIME3) & MASK;
    i += 4;
  }
  for (; i < len; i++) {
    h ^= (BigInt(data[i]) * PRIME5) & MASK;
    h = (rotl(h, 11n) * PRIME1) & MASK;
  }
  h ^= h >> 33n;
  h = (h * PRIME2) & MASK;
  h ^= h >> 29n;
  h = (h * PRIME3) & MASK;
  h ^= h >> 32n;
  return h;
}

const asBytes = (v: Uint8Array | string | undefined): Buffer =>
  v == null ? Buffer.alloc(0) : typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);

/** Appends a key component the way the node's key codec does. */
function component(out: number[], v: Uint8Array | string | undefined) {
  for (const b of asBytes(v)) {
    out.push(b);
    if (b === 0) out.push(0xff);
  }
  out.push(0, 1);
}

const byField: Record<string, string> = {
  stateGet: 'traceId',
  stateExists: 'traceId',
  stateGetMany: 'traceId',
  stateSet: 'traceId',
  stateSetMany: 'traceId',
  stateDelete: 'traceId',
  stateKeys: 'traceId',
  stateClear: 'traceId',
  stateGetGroup: 'traceId',
  eventEmit: 'topic',
  eventEmitBatch: 'topic',
  eventRemoveStep: 'topic',
  eventTopicInfo: 'topic',
  queueStats: 'topic',
  deadLetterList: 'topic',
  deadLetterReplay: 'topic',
  deadLetterPurge: 'topic',
  lockAcquire: 'job',
  lockRenew: 'job',
  lockRelease: 'job',
};
const streamOps = new Set(['streamGet', 'streamSet', 'streamDelete', 'streamGetGroup', 'streamClear', 'streamQuery', 'streamSend']);

/** The partition key of a request an owner may serve directly, if any. */
export function partitionKey(req: Record<string, any>): Buffer | undefined {
  const [op] = Object.keys(req);
  const body = req[op] ?? {};
  if (byField[op]) return asBytes(body[byField[op]]);
  if (op === 'stateItems' && body.groupId != null) return asBytes(body.groupId);
  if (streamOps.has(op)) {
    const out: number[] = [];
    component(out, body.stream);
    component(out, body.groupId);
    return Buffer.from(out);
  }
  return undefined;
}

export interface TableMember {
  nodeId: string;
  clientAddress: string;
  reachable?: boolean;
}

/**
 * Who owns each partition (with replication: its leader; empty while it
 * elects one), and where to reach them (troupe.v1.PartitionTable). A member
 * the answering node cannot reach has no address here.
 */
export class PartitionTable {
  constructor(
    readonly epoch: number,
    private readonly owners: string[],
    private readonly addresses: Map<string, string>,
  ) {}

  static from(pt: any): PartitionTable | undefined {
    if (!pt?.owners?.length) return undefined;
    const addresses = new Map<string, string>();
    const members = (pt.members ?? []) as TableMember[];
    // A ClusterStatus reply says which members the answering node reaches
    // (itself always); Welcome's table does not say: then all count.
    const saysReachable = members.some((m) => m.reachable);
    for (const m of members) if (!saysReachable || m.reachable) addresses.set(m.nodeId, m.clientAddress);
    return new PartitionTable(Number(pt.epoch ?? 0), pt.owners, addresses);
  }

  /** The owner of `key`'s partition and its client address. */
  ownerOf(key: Uint8Array): { nodeId: string; address?: string } {
    const p = Number(xxh64(key) % BigInt(this.owners.length));
    const nodeId = this.owners[p] ?? '';
    return { nodeId, address: this.addresses.get(nodeId) };
  }
}
