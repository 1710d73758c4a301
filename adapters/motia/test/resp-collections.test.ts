// Lists, sets and sorted sets on Troupe's RESP front door, differentially
// against a real redis-server in the same run.
//
// Seeded random command sequences (mulberry32, fixed seeds: every run sends
// the same traffic) go one command at a time to both servers over plain
// sockets, RESP2 and, for one seed per family, RESP3 after `HELLO 3`. Each
// reply must be the same bytes on the wire: comparing raw replies, not what a
// client library makes of them, catches what a client would paper over —
// integer vs bulk replies, null vs empty arrays, RESP3 doubles vs bulk
// scores, float formatting, the exact error texts. Only where Redis itself
// leaves things open is the check looser: SMEMBERS, SINTER, SUNION and SDIFF
// compare as sorted multisets (their order is unspecified), SPOP,
// SRANDMEMBER and ZRANDMEMBER are checked by their properties, and a TTL may
// differ by one second. After each sequence the whole contents of every key
// are compared too.
//
// All keys share the hash tag {t}, so multi-key commands stay in one Troupe
// partition. A failure names the family, seed, protocol and step, the
// command, both replies and the commands before it.
// RESP_COLLECTIONS_KEEP_GOING=1 goes on past mismatches and lists the first
// one of each command instead (later ones may follow from earlier ones).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { startNode, startRedis, type RunningNode, type RunningRedis } from './node.js';

const STEPS = 400;
// RESP_COLLECTIONS_SEEDS=n runs seeds 1..n (every fourth in RESP3): a
// longer search than CI's four.
const SEEDS = Number(process.env.RESP_COLLECTIONS_SEEDS ?? '4');
const RUNS: { seed: number; resp: 2 | 3 }[] = Array.from({ length: SEEDS }, (_, i) => ({
  seed: i + 1,
  resp: (i + 1) % 4 === 0 ? 3 : 2,
}));
const KEEP_GOING = process.env.RESP_COLLECTIONS_KEEP_GOING === '1';
// RESP_COLLECTIONS_TRACE=1 prints every command with both replies (redis | troupe).
const TRACE = process.env.RESP_COLLECTIONS_TRACE === '1';
/** A guard against a server that never answers, not part of any check. */
const REPLY_DEADLINE_MS = 15000;

// ---------------------------------------------------------------- RESP wire

type Arg = string | Buffer;
const CRLF = Buffer.from('\r\n');

function encode(args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? Buffer.from(a) : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, CRLF);
  }
  return Buffer.concat(parts);
}

/** One RESP2/RESP3 reply: its type byte, its exact bytes, and what it holds. */
interface Reply {
  type: string;
  raw: Buffer;
  /** The line of a simple type, the payload of a bulk; absent for nulls. */
  body?: Buffer;
  /** Elements of an aggregate (a map's keys and values interleaved). */
  items?: Reply[];
  end: number;
}

/** The reply starting at buf[start], or undefined while it is incomplete. */
function parse(buf: Buffer, start: number): Reply | undefined {
  if (start >= buf.length) return undefined;
  const nl = buf.indexOf(CRLF, start);
  if (nl < 0) return undefined;
  const type = String.fromCharCode(buf[start]);
  const line = buf.subarray(start + 1, nl);
  let end = nl + 2;
  const done = (extra: Partial<Reply>): Reply => ({ type, raw: buf.subarray(start, end), end, ...extra });
  switch (type) {
    case '+': case '-': case ':': case ',': case '#': case '(': case '_':
      return done({ body: line });
    case '$': case '!': case '=': {
      const n = Number(line.toString());
      if (n < 0) return done({});
      if (buf.length < end + n + 2) return undefined;
      const body = buf.subarray(end, end + n);
      end += n + 2;
      return done({ body });
    }
    case '*': case '~': case '>': case '%': case '|': {
      const n = Number(line.toString());
      if (n < 0) return done({});
      const items: Reply[] = [];
      for (let i = 0; i < (type === '%' || type === '|' ? 2 * n : n); i++) {
        const item = parse(buf, end);
        if (!item) return undefined;
        items.push(item);
        end = item.end;
      }
      if (type === '|') {
        // Attributes precede the reply they annotate: keep both as one.
        const reply = parse(buf, end);
        if (!reply) return undefined;
        return { ...reply, raw: buf.subarray(start, reply.end) };
      }
      return done({ items });
    }
    default:
      throw new Error(`not a RESP reply: ${show(buf.subarray(start, start + 60))}`);
  }
}

/** A connection that sends commands and hands back one whole reply for each. */
class Conn {
  private buf = Buffer.alloc(0);
  private readonly waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  private failed?: Error;

  private constructor(readonly name: string, private readonly sock: net.Socket) {
    sock.on('data', (data) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : data;
      try {
        for (;;) {
          const reply = parse(this.buf, 0);
          if (!reply) break;
          this.buf = this.buf.subarray(reply.end);
          if (reply.type === '>') continue; // an out-of-band push; nothing here subscribes
          const waiter = this.waiting.shift();
          if (!waiter) throw new Error(`${name} sent a reply nobody asked for: ${show(reply.raw)}`);
          waiter.resolve({ ...reply, raw: Buffer.from(reply.raw) });
        }
      } catch (e) {
        this.fail(e as Error);
        sock.destroy();
      }
    });
    sock.on('error', (e) => this.fail(e));
    sock.on('close', () => this.fail(new Error(`${name} closed the connection`)));
  }

  static open(name: string, host: string, port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host, port }, () => {
        sock.off('error', reject);
        resolve(new Conn(name, sock));
      });
      sock.once('error', reject);
    });
  }

  call(args: readonly Arg[]): Promise<Reply> {
    if (this.failed) return Promise.reject(this.failed);
    const reply = new Promise<Reply>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.sock.write(encode(args));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.name}: no reply within ${REPLY_DEADLINE_MS} ms to ${render(args)}`)),
        REPLY_DEADLINE_MS,
      );
    });
    return Promise.race([reply, deadline]).finally(() => clearTimeout(timer));
  }

  close(): void {
    this.failed ??= new Error(`${this.name}: closed by the test`);
    this.sock.destroy();
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}

// ------------------------------------------------------------ presentation

/** Bytes as a quoted string, CR/LF and binary escaped, long ones cut. */
function show(b: Buffer, max = 300): string {
  const s = JSON.stringify(b.subarray(0, max).toString('latin1'));
  return b.length > max ? `${s}... (${b.length} bytes)` : s;
}

function render(args: readonly Arg[]): string {
  return args
    .map((a) => {
      const s = typeof a === 'string' ? a : a.toString('latin1');
      return /^[\x21-\x7e]+$/.test(s) && !s.includes('"') ? s : JSON.stringify(s);
    })
    .join(' ');
}

// -------------------------------------------------------------- comparison

type Compare = 'bytes' | 'multiset' | 'ttl';

/** Equal as the comparison demands; `multiset` orders aggregates' elements first. */
function same(t: Reply, r: Reply, compare: Compare): boolean {
  if (t.raw.equals(r.raw)) return true;
  if (compare === 'multiset') {
    if (!t.items || !r.items || t.type !== r.type || t.items.length !== r.items.length) return false;
    const sorted = (x: Reply) => x.items!.map((i) => i.raw).sort(Buffer.compare);
    const a = sorted(t);
    const b = sorted(r);
    return a.every((x, i) => x.equals(b[i]));
  }
  if (compare === 'ttl') {
    // TTL rounds the time left to seconds: the two may fall either side of a boundary.
    if (t.type !== ':' || r.type !== ':') return false;
    const [a, b] = [Number(t.body!.toString()), Number(r.body!.toString())];
    return a >= 0 && b >= 0 && Math.abs(a - b) <= 1;
  }
  return false;
}

/** Members a reply names: a bulk, or the bulks of an aggregate; [] for nulls. */
function members(reply: Reply): Buffer[] {
  if (reply.items) return reply.items.map((i) => i.body ?? Buffer.alloc(0));
  return reply.body && (reply.type === '$' || reply.type === '+') ? [reply.body] : [];
}

/** member (hex) → raw score reply, from ZRANGE ... WITHSCORES in RESP2 (flat) or RESP3 (pairs). */
function scoresOf(reply: Reply): Map<string, Buffer> | undefined {
  if (!reply.items) return undefined;
  const pairs = pairsOf(reply.items);
  return new Map(pairs.map(([m, s]) => [m.toString('hex'), s.raw]));
}

function pairsOf(items: Reply[]): Array<[Buffer, Reply]> {
  if (items.length && items[0].items) return items.map((p) => [p.items![0].body!, p.items![1]]);
  const out: Array<[Buffer, Reply]> = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i].body!, items[i + 1]]);
  return out;
}

// ------------------------------------------------------------ random input

class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** lo..hi picks, repeats allowed. */
  some<T>(lo: number, hi: number, draw: () => T): T[] {
    return Array.from({ length: lo + this.int(hi - lo + 1) }, draw);
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
  /** Runs one of the choices, each as likely as its weight. */
  weighted<T>(choices: ReadonlyArray<readonly [number, () => T]>): T {
    let n = this.next() * choices.reduce((s, [w]) => s + w, 0);
    for (const [w, f] of choices) if ((n -= w) < 0) return f();
    return choices[choices.length - 1][1]();
  }
}

const MAIN_KEYS = ['{t}:a', '{t}:b', '{t}:c', '{t}:d'];
const STRING_KEY = '{t}:s';
const HASH_KEY = '{t}:h';
/** A sorted set whose scores are all 0, for the lexicographic commands (undefined on mixed scores). */
const LEX_KEY = '{t}:lex';
const ALL_KEYS = [...MAIN_KEYS, LEX_KEY, STRING_KEY, HASH_KEY];

const ELEMENTS: Arg[] = [
  'a', 'b', 'c', 'd', 'x', '', '0', '1', '-1', '10', '007', '3.5', '12345678901', 'a b', 'é',
  Buffer.from([0x00, 0xff, 0x0d, 0x0a]), 'member-with-a-longer-name-0123456789',
];
const INDEXES = ['0', '1', '2', '3', '5', '-1', '-2', '-3', '-5', '100', '-100'];
const BAD_INTS = ['x', '1.5', '', '9223372036854775808'];
// Scores with short exact binary expansions: Redis 7.0 prints doubles with
// %.17g and 7.2 with the shortest form; these print alike in both. No -0:
// Redis itself prints it as 0 or -0 depending on the zset's encoding (and
// no weight below turns a 0 into -0 either).
const SCORES = ['0', '1', '-1', '2', '3', '1.5', '-2.25', '0.5', '100', 'inf', '-inf', '+inf', '1e1'];
const BAD_SCORES = ['nan', 'abc', '', '1.5x'];
const INCREMENTS = ['1', '-1', '0.5', '2.25', '0', 'inf', '-inf'];
const SCORE_BOUNDS = ['-inf', '+inf', 'inf', '-1', '0', '1', '1.5', '2', '3', '100', '(0', '(1', '(1.5', '(-inf', '(+inf', '(3', '('];
const BAD_SCORE_BOUNDS = ['abc', '(abc', 'nan', '[1'];
const LEX_BOUNDS = ['-', '+', '[a', '(a', '[b', '(b', '[c', '(d', '[x', '[', '(', '[0', '(1', '[é', '[member'];
const BAD_LEX_BOUNDS = ['a', '', '+a', '-x'];

const el = (rng: Rng): Arg => rng.pick(ELEMENTS);
const els = (rng: Rng, lo: number, hi: number): Arg[] => rng.some(lo, hi, () => el(rng));
const idx = (rng: Rng): string => (rng.chance(0.94) ? rng.pick(INDEXES) : rng.pick(BAD_INTS));
/** A collection key, sometimes the string or the hash (WRONGTYPE). */
const key = (rng: Rng): string => (rng.chance(0.92) ? rng.pick(MAIN_KEYS) : rng.pick([STRING_KEY, HASH_KEY]));
const keys = (rng: Rng, lo: number, hi: number): string[] => rng.some(lo, hi, () => key(rng));
const score = (rng: Rng): string => (rng.chance(0.93) ? rng.pick(SCORES) : rng.pick(BAD_SCORES));
const scoreBound = (rng: Rng): string => (rng.chance(0.95) ? rng.pick(SCORE_BOUNDS) : rng.pick(BAD_SCORE_BOUNDS));
const lexBound = (rng: Rng): string => (rng.chance(0.93) ? rng.pick(LEX_BOUNDS) : rng.pick(BAD_LEX_BOUNDS));
const optional = (rng: Rng, p: number, args: () => Arg[]): Arg[] => (rng.chance(p) ? args() : []);

interface Step {
  cmd: Arg[];
  compare: Compare | 'spop' | 'srandmember' | 'zrandmember';
}
const bytes = (cmd: Arg[]): Step => ({ cmd, compare: 'bytes' });
const multiset = (cmd: Arg[]): Step => ({ cmd, compare: 'multiset' });

/**
 * Now and then drops trailing arguments or adds one: wrong arities and syntax
 * errors. What it adds is one of the keys, since a multi-key command may take
 * it as a key: one outside the hash tag would be CROSSSLOT on Troupe.
 */
function mangle(rng: Rng, step: Step): Step {
  if (step.compare === 'spop' || step.compare === 'srandmember' || step.compare === 'zrandmember') return step;
  if (!rng.chance(0.03)) return step;
  const cmd = rng.chance(0.5) ? step.cmd.slice(0, 1 + rng.int(step.cmd.length - 1)) : [...step.cmd, rng.pick(MAIN_KEYS)];
  return { ...step, cmd };
}

// --------------------------------------------------------------- families

function listStep(rng: Rng): Step {
  const k = key(rng);
  const side = () => (rng.chance(0.95) ? rng.pick(['LEFT', 'RIGHT']) : rng.pick(['UP', 'left']));
  return rng.weighted<Step>([
    [4, () => bytes(['LPUSH', k, ...els(rng, 1, 4)])],
    [4, () => bytes(['RPUSH', k, ...els(rng, 1, 4)])],
    [1, () => bytes([rng.pick(['LPUSHX', 'RPUSHX']), k, ...els(rng, 1, 2)])],
    [3, () => bytes([rng.pick(['LPOP', 'RPOP']), k, ...optional(rng, 0.5, () => [rng.pick(['0', '1', '2', '3', '10', '-1', 'x'])])])],
    [3, () => bytes(['LRANGE', k, idx(rng), idx(rng)])],
    [1, () => bytes(['LLEN', k])],
    [2, () => bytes(['LINDEX', k, idx(rng)])],
    [2, () => bytes(['LSET', k, idx(rng), el(rng)])],
    [2, () => bytes(['LREM', k, rng.pick(['0', '1', '2', '-1', '-2', 'x']), el(rng)])],
    [1, () => bytes(['LTRIM', k, idx(rng), idx(rng)])],
    [
      3,
      () => {
        const opts: Arg[][] = [];
        if (rng.chance(0.4)) opts.push(['RANK', rng.pick(['1', '2', '-1', '-2', '0', 'x'])]);
        if (rng.chance(0.4)) opts.push(['COUNT', rng.pick(['0', '1', '2', '-1'])]);
        if (rng.chance(0.3)) opts.push(['MAXLEN', rng.pick(['0', '1', '3', '-1'])]);
        if (rng.chance(0.04)) opts.push(['FOO', '1']);
        rng.shuffle(opts);
        return bytes(['LPOS', k, el(rng), ...opts.flat()]);
      },
    ],
    [2, () => bytes(['LINSERT', k, rng.chance(0.95) ? rng.pick(['BEFORE', 'AFTER']) : 'MIDDLE', el(rng), el(rng)])],
    [
      3,
      () => {
        const src = key(rng);
        return bytes(['LMOVE', src, rng.chance(0.3) ? src : key(rng), side(), side()]);
      },
    ],
    [1, () => bytes(['RPOPLPUSH', k, rng.chance(0.3) ? k : key(rng)])],
    [1, () => bytes(['TYPE', k])],
  ]);
}

function setStep(rng: Rng): Step {
  const k = key(rng);
  return rng.weighted<Step>([
    [6, () => bytes(['SADD', k, ...els(rng, 1, 4)])],
    [2, () => bytes(['SREM', k, ...els(rng, 1, 3)])],
    [2, () => multiset(['SMEMBERS', k])],
    [2, () => bytes(['SISMEMBER', k, el(rng)])],
    [2, () => bytes(['SMISMEMBER', k, ...els(rng, 1, 3)])],
    [1, () => bytes(['SCARD', k])],
    [2, () => bytes(['SMOVE', k, key(rng), el(rng)])],
    [3, () => multiset([rng.pick(['SINTER', 'SUNION', 'SDIFF']), ...keys(rng, 1, 3)])],
    [3, () => bytes([rng.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), key(rng), ...keys(rng, 1, 3)])],
    [
      2,
      () => {
        const from = keys(rng, 1, 3);
        // A wrong count is never one that makes an option a key (CROSSSLOT on Troupe, as in Redis Cluster).
        const numkeys = rng.chance(0.9) ? String(from.length) : rng.pick(['0', '-1', 'x', '50']);
        return bytes(['SINTERCARD', numkeys, ...from, ...optional(rng, 0.4, () => ['LIMIT', rng.pick(['0', '1', '2', '-1', 'x'])])]);
      },
    ],
    [2, () => ({ cmd: ['SPOP', rng.pick(MAIN_KEYS), ...optional(rng, 0.6, () => [rng.pick(['0', '1', '2', '5', '-1', 'x'])])], compare: 'spop' })],
    [2, () => ({ cmd: ['SRANDMEMBER', k, ...optional(rng, 0.7, () => [rng.pick(['0', '1', '2', '5', '-1', '-3', 'x'])])], compare: 'srandmember' })],
  ]);
}

/** A zset key for commands that read or only remove: the lex key too. */
const zkey = (rng: Rng): string => (rng.chance(0.12) ? LEX_KEY : key(rng));
/** The lex key mostly; else a mixed-score key is undefined, so only the hash (never a store's
 * destination in this family) or a missing key. */
const lexKey = (rng: Rng): string => (rng.chance(0.9) ? LEX_KEY : rng.pick([HASH_KEY, '{t}:missing']));
const limit = (rng: Rng): Arg[] => ['LIMIT', rng.pick(['0', '1', '2', '-1']), rng.pick(['0', '1', '2', '-1', '5'])];

function zaddStep(rng: Rng): Step {
  const flags = rng.shuffle(['NX', 'XX', 'GT', 'LT', 'CH', 'INCR'].filter(() => rng.chance(0.15)));
  const pairs = flags.includes('INCR') && rng.chance(0.85) ? 1 : 1 + rng.int(4);
  const cmd: Arg[] = ['ZADD', key(rng), ...flags];
  for (let i = 0; i < pairs; i++) cmd.push(score(rng), el(rng));
  if (rng.chance(0.04)) cmd.pop(); // a score without its member
  return bytes(cmd);
}

function zrangeStep(rng: Rng): Step {
  const mode = rng.pick(['index', 'index', 'score', 'lex'] as const);
  const k = mode === 'lex' ? lexKey(rng) : zkey(rng);
  const [start, stop] =
    mode === 'index' ? [idx(rng), idx(rng)] : mode === 'score' ? [scoreBound(rng), scoreBound(rng)] : [lexBound(rng), lexBound(rng)];
  const opts: Arg[][] = [];
  if (mode === 'score') opts.push(['BYSCORE']);
  if (mode === 'lex') opts.push(['BYLEX']);
  if (rng.chance(0.03)) opts.push([rng.pick(['BYSCORE', 'BYLEX'])]); // both, or twice
  if (rng.chance(0.3)) opts.push(['REV']);
  if (rng.chance(mode === 'index' ? 0.06 : 0.3)) opts.push(limit(rng));
  if (rng.chance(mode === 'lex' ? 0.05 : 0.4)) opts.push(['WITHSCORES']);
  if (rng.chance(0.2)) rng.shuffle(opts);
  return bytes(['ZRANGE', k, start, stop, ...opts.flat()]);
}

function zstoreStep(rng: Rng): Step {
  const n = 1 + rng.int(3);
  const from = rng.some(n, n, () => zkey(rng));
  // A wrong count is never one that makes an option a key (CROSSSLOT on Troupe, as in Redis Cluster).
  const numkeys = rng.chance(0.92) ? String(n) : rng.pick(['0', '-1', 'x', '50']);
  const opts: Arg[][] = [];
  if (rng.chance(0.4)) {
    const count = rng.chance(0.95) ? n : n - 1;
    opts.push(['WEIGHTS', ...rng.some(count, count, () => (rng.chance(0.95) ? rng.pick(['1', '2', '0.5', '3', 'inf', '-inf']) : 'x'))]);
  }
  if (rng.chance(0.4)) opts.push(['AGGREGATE', rng.chance(0.95) ? rng.pick(['SUM', 'MIN', 'MAX', 'sum']) : 'AVG']);
  if (rng.chance(0.3)) rng.shuffle(opts);
  // Never into the hash key: the lexicographic commands count on it staying a hash.
  const dest = rng.chance(0.92) ? rng.pick(MAIN_KEYS) : STRING_KEY;
  return bytes([rng.pick(['ZUNIONSTORE', 'ZINTERSTORE']), dest, numkeys, ...from, ...opts.flat()]);
}

function zsetStep(rng: Rng): Step {
  const k = zkey(rng);
  const withscores = (): Arg[] => optional(rng, 0.5, () => ['WITHSCORES']);
  return rng.weighted<Step>([
    [8, () => zaddStep(rng)],
    [
      3,
      () => {
        // The lex key: every score 0.
        const flags = rng.shuffle(['NX', 'XX', 'CH'].filter(() => rng.chance(0.15)));
        return bytes(['ZADD', LEX_KEY, ...flags, ...rng.some(1, 3, () => ['0', el(rng)]).flat()]);
      },
    ],
    [2, () => bytes(['ZREM', k, ...els(rng, 1, 3)])],
    [2, () => bytes(['ZSCORE', k, el(rng)])],
    [1, () => bytes(['ZMSCORE', k, ...els(rng, 1, 3)])],
    [2, () => bytes(['ZINCRBY', key(rng), rng.chance(0.93) ? rng.pick(INCREMENTS) : rng.pick(['nan', 'x']), el(rng)])],
    [1, () => bytes(['ZCARD', k])],
    [2, () => bytes(['ZCOUNT', k, scoreBound(rng), scoreBound(rng)])],
    [5, () => zrangeStep(rng)],
    [
      3,
      () => {
        const opts = [withscores(), optional(rng, 0.3, () => limit(rng))];
        if (rng.chance(0.3)) opts.reverse();
        return bytes([rng.pick(['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), k, scoreBound(rng), scoreBound(rng), ...opts.flat()]);
      },
    ],
    [3, () => bytes([rng.pick(['ZRANGEBYLEX', 'ZREVRANGEBYLEX']), lexKey(rng), lexBound(rng), lexBound(rng), ...optional(rng, 0.3, () => limit(rng))])],
    [2, () => bytes(['ZREVRANGE', k, idx(rng), idx(rng), ...withscores()])],
    [2, () => bytes([rng.pick(['ZRANK', 'ZREVRANK']), k, el(rng)])],
    [2, () => bytes([rng.pick(['ZPOPMIN', 'ZPOPMAX']), k, ...optional(rng, 0.6, () => [rng.pick(['0', '1', '2', '5', '-1', 'x'])])])],
    [1, () => bytes(['ZREMRANGEBYSCORE', k, scoreBound(rng), scoreBound(rng)])],
    [1, () => bytes(['ZREMRANGEBYRANK', k, idx(rng), idx(rng)])],
    [1, () => bytes(['ZREMRANGEBYLEX', lexKey(rng), lexBound(rng), lexBound(rng)])],
    [2, () => bytes(['ZLEXCOUNT', lexKey(rng), lexBound(rng), lexBound(rng)])],
    [2, () => zstoreStep(rng)],
    [
      1,
      () => ({
        cmd: ['ZRANDMEMBER', zkey(rng), ...optional(rng, 0.7, () => [rng.pick(['0', '1', '2', '5', '-1', '-3']), ...withscores()])],
        compare: 'zrandmember',
      }),
    ],
  ]);
}

/** Every type on the same few keys: TYPE, EXISTS, DEL, expiry, WRONGTYPE, stores over other types. */
function crossStep(rng: Rng): Step {
  const any = () => rng.pick([...MAIN_KEYS, STRING_KEY, HASH_KEY]);
  const k = any();
  return rng.weighted<Step>([
    [3, () => bytes(['RPUSH', k, ...els(rng, 1, 2)])],
    [3, () => bytes(['SADD', k, ...els(rng, 1, 2)])],
    [3, () => bytes(['ZADD', k, rng.pick(SCORES), el(rng)])],
    [1, () => bytes(['SET', k, el(rng)])],
    [1, () => bytes(['HSET', k, 'f', el(rng)])],
    [3, () => bytes(['TYPE', k])],
    [2, () => bytes(['EXISTS', ...rng.some(1, 3, any)])],
    [1, () => bytes(['DEL', ...rng.some(1, 2, any)])],
    [
      3,
      () => bytes(['EXPIRE', k, rng.pick(['100', '1000', '5000', '0', '-1', 'x']), ...optional(rng, 0.25, () => [rng.pick(['NX', 'XX', 'GT', 'LT'])])]),
    ],
    [3, () => ({ cmd: ['TTL', k], compare: 'ttl' })],
    [1, () => bytes(['PERSIST', k])],
    [2, () => bytes([rng.pick(['LLEN', 'SCARD', 'ZCARD', 'GET', 'STRLEN']), k])],
    [1, () => bytes(['HGET', k, 'f'])],
    [1, () => bytes(['LRANGE', k, '0', '-1'])],
    [1, () => multiset(['SMEMBERS', k])],
    [1, () => bytes(['ZRANGE', k, '0', '-1', 'WITHSCORES'])],
    [
      2,
      () => {
        const from = rng.some(1, 3, any);
        return bytes([rng.pick(['ZUNIONSTORE', 'ZINTERSTORE']), any(), String(from.length), ...from]);
      },
    ],
    [2, () => bytes([rng.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), any(), ...rng.some(1, 3, any)])],
    [1, () => multiset([rng.pick(['SINTER', 'SUNION', 'SDIFF']), ...rng.some(1, 3, any)])],
    [1, () => bytes(['LMOVE', k, any(), 'LEFT', 'RIGHT'])],
    [1, () => bytes(['RPOPLPUSH', k, any()])],
    [1, () => bytes(['SMOVE', k, any(), el(rng)])],
    [1, () => bytes([rng.pick(['LPOP', 'ZPOPMIN']), k])],
    [1, () => bytes(['SISMEMBER', k, el(rng)])],
    [1, () => bytes(['ZSCORE', k, el(rng)])],
  ]);
}

const FAMILIES: ReadonlyArray<{ name: string; step: (rng: Rng) => Step }> = [
  { name: 'lists', step: listStep },
  { name: 'sets', step: setStep },
  { name: 'sorted sets', step: zsetStep },
  { name: 'types, existence and expiry across collections', step: crossStep },
];

// ----------------------------------------------------------------- runner

class Mismatch extends Error {}

/** Runs steps on both servers and keeps what is needed to explain a difference. */
class Session {
  private readonly history: string[] = [];
  private readonly found = new Map<string, string>();
  step = 0;

  constructor(
    private readonly troupe: Conn,
    private readonly redis: Conn,
    private readonly label: string,
  ) {}

  /** Sends cmd to both; the replies must be equal under `compare`. */
  async send(cmd: readonly Arg[], compare: Compare = 'bytes', why = ''): Promise<[Reply, Reply]> {
    const [t, r] = await this.exchange(cmd);
    if (!same(t, r, compare)) this.mismatch(cmd, `the replies differ (${compare === 'bytes' ? 'byte for byte' : compare})${why}`, t, r);
    return [t, r];
  }

  async exchange(cmd: readonly Arg[]): Promise<[Reply, Reply]> {
    const replies = await Promise.all([this.troupe.call(cmd), this.redis.call(cmd)]);
    this.history.push(`${render(cmd)}  ->  ${show(replies[1].raw, 80)}`);
    if (TRACE) console.log(`${this.label}: ${render(cmd)}  ->  ${show(replies[1].raw, 200)} | ${show(replies[0].raw, 200)}`);
    if (this.history.length > 9) this.history.shift();
    return replies;
  }

  /** Reports the difference: a failure now, or with KEEP_GOING the first of its command. */
  mismatch(cmd: readonly Arg[], what: string, t?: Reply, r?: Reply): void {
    const lines = [
      `${this.label}, ${this.step > STEPS ? `after all ${STEPS} steps` : `step ${this.step} of ${STEPS}`}: ${what}`,
      `  command: ${render(cmd)}`,
      ...(t ? [`  troupe:  ${show(t.raw)}`] : []),
      ...(r ? [`  redis:   ${show(r.raw)}`] : []),
      `  the commands before it (with redis-server's replies):`,
      ...this.history.slice(0, -1).map((h) => `    ${h}`),
    ];
    const message = lines.join('\n');
    if (!KEEP_GOING) throw new Mismatch(message);
    const name = String(cmd[0]).toUpperCase();
    if (!this.found.has(name)) this.found.set(name, message);
  }

  finish(): void {
    if (this.found.size) throw new Mismatch(`commands that differ: ${this.found.size}; the first mismatch of each:\n\n${[...this.found.values()].join('\n\n')}`);
  }

  async run(step: Step): Promise<void> {
    switch (step.compare) {
      case 'spop':
      case 'srandmember':
        return this.randomSetStep(step);
      case 'zrandmember':
        return this.zrandmemberStep(step);
      default:
        await this.send(step.cmd, step.compare);
    }
  }

  /**
   * SPOP and SRANDMEMBER pick at random: the replies need not be equal, but
   * both must be shaped alike and name members the set had; SPOP must remove
   * exactly what it returns. Then each server also drops what the other
   * popped, so the two hold the same set again.
   */
  private async randomSetStep(step: Step): Promise<void> {
    const k = step.cmd[1];
    const [before] = await this.send(['SMEMBERS', k], 'multiset', ` (the set before ${render(step.cmd)})`);
    const [t, r] = await this.exchange(step.cmd);
    if (t.raw.equals(r.raw) && step.compare === 'srandmember') return;
    if (t.type === '-' || r.type === '-' || !before.items) {
      if (!t.raw.equals(r.raw)) this.mismatch(step.cmd, 'the replies differ (byte for byte)', t, r);
      return;
    }
    const had = new Set(members(before).map((m) => m.toString('hex')));
    const counted = step.cmd.length > 2 ? Number(step.cmd[2]) : undefined;
    const distinct = step.compare === 'spop' || (counted !== undefined && counted > 0);
    for (const [who, reply] of [['troupe', t], ['redis-server', r]] as const) {
      const got = members(reply).map((m) => m.toString('hex'));
      const problem =
        reply.type !== r.type || (reply.items?.length ?? -1) !== (r.items?.length ?? -1) || members(reply).length !== members(r).length
          ? 'the replies are not shaped alike'
          : got.some((m) => !had.has(m))
            ? `${who} returned a member the set does not have`
            : distinct && new Set(got).size !== got.length
              ? `${who} returned a member twice`
              : undefined;
      if (problem) return this.mismatch(step.cmd, problem, t, r);
    }
    if (step.compare !== 'spop') return;
    const poppedT = new Set(members(t).map((m) => m.toString('hex')));
    const poppedR = new Set(members(r).map((m) => m.toString('hex')));
    for (const [who, conn, popped] of [['troupe', this.troupe, poppedT], ['redis-server', this.redis, poppedR]] as const) {
      const left = members(await conn.call(['SMEMBERS', k])).map((m) => m.toString('hex')).sort();
      const expected = [...had].filter((m) => !popped.has(m)).sort();
      if (left.join() !== expected.join())
        return this.mismatch(step.cmd, `on ${who} the set after SPOP is not the set before less what SPOP returned`, t, r);
    }
    const dropOnTroupe = [...poppedR].filter((m) => !poppedT.has(m)).map((h) => Buffer.from(h, 'hex'));
    const dropOnRedis = [...poppedT].filter((m) => !poppedR.has(m)).map((h) => Buffer.from(h, 'hex'));
    if (dropOnTroupe.length) await this.troupe.call(['SREM', k, ...dropOnTroupe]);
    if (dropOnRedis.length) await this.redis.call(['SREM', k, ...dropOnRedis]);
    await this.send(['SMEMBERS', k], 'multiset', ' (the sets after SPOP, each less what the other popped)');
  }

  /** ZRANDMEMBER: shaped alike on both, members the zset has, with their scores. */
  private async zrandmemberStep(step: Step): Promise<void> {
    const k = step.cmd[1];
    const [before] = await this.send(['ZRANGE', k, '0', '-1', 'WITHSCORES'], 'bytes', ` (the zset before ${render(step.cmd)})`);
    const [t, r] = await this.exchange(step.cmd);
    if (t.raw.equals(r.raw)) return;
    const scores = scoresOf(before);
    if (t.type === '-' || r.type === '-' || !scores) return this.mismatch(step.cmd, 'the replies differ (byte for byte)', t, r);
    const withscores = step.cmd.length > 3;
    const count = step.cmd.length > 2 ? Number(step.cmd[2]) : undefined;
    for (const [who, reply] of [['troupe', t], ['redis-server', r]] as const) {
      const shape = (x: Reply) => `${x.type}${x.items?.length}:${x.items?.map((i) => i.type).join('')}`;
      const picked: Array<[Buffer, Reply | undefined]> = !reply.items
        ? members(reply).map((m) => [m, undefined])
        : withscores
          ? pairsOf(reply.items)
          : reply.items.map((i) => [i.body!, undefined]);
      const problem =
        shape(reply) !== shape(r)
          ? 'the replies are not shaped alike'
          : picked.some(([m]) => !scores.has(m.toString('hex')))
            ? `${who} returned a member the zset does not have`
            : picked.some(([m, s]) => s && !s.raw.equals(scores.get(m.toString('hex'))!))
              ? `${who} returned a member with a score it does not have`
              : count !== undefined && count > 0 && new Set(picked.map(([m]) => m.toString('hex'))).size !== picked.length
                ? `${who} returned a member twice`
                : undefined;
      if (problem) return this.mismatch(step.cmd, problem, t, r);
    }
  }

  /** The string and the hash that provoke WRONGTYPE, (re)made now and then. */
  async resetOtherTypes(): Promise<void> {
    await this.send(['SET', STRING_KEY, 'a string']);
    await this.send(['HSET', HASH_KEY, 'f', 'v']);
  }

  /** Every key's type, contents and TTL, and the key count, equal on both. */
  async compareContents(): Promise<void> {
    for (const k of ALL_KEYS) {
      const [type] = await this.send(['TYPE', k], 'bytes', ' (final contents)');
      const read: Record<string, [Arg[], Compare]> = {
        list: [['LRANGE', k, '0', '-1'], 'bytes'],
        set: [['SMEMBERS', k], 'multiset'],
        zset: [['ZRANGE', k, '0', '-1', 'WITHSCORES'], 'bytes'],
        string: [['GET', k], 'bytes'],
        hash: [['HGETALL', k], 'multiset'],
      };
      const what = read[type.body?.toString() ?? ''];
      if (what) await this.send(what[0], what[1], ' (final contents)');
      await this.send(['TTL', k], 'ttl', ' (final contents)');
    }
    await this.send(['DBSIZE'], 'bytes', ' (final contents)');
  }
}

function hostPort(address: string): [string, number] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i), Number(address.slice(i + 1))];
}

let troupe: RunningNode;
let redis: RunningRedis;

before(async () => {
  troupe = await startNode([], { resp: true });
  redis = await startRedis();
});

after(async () => {
  await troupe?.stop();
  await redis?.stop();
});

async function runSequence(family: (typeof FAMILIES)[number], seed: number, resp: 2 | 3): Promise<void> {
  const [th, tp] = hostPort(troupe.resp!);
  const t = await Conn.open('troupe', th, tp);
  const r = await Conn.open('redis-server', redis.host, redis.port);
  const session = new Session(t, r, `${family.name}, seed ${seed}, RESP${resp}`);
  try {
    if (resp === 3) {
      // The HELLO replies name the servers and differ; both must be RESP3 maps.
      const [ht, hr] = await session.exchange(['HELLO', '3']);
      assert.equal(hr.type, '%', `HELLO 3 on redis-server: ${show(hr.raw)}`);
      assert.equal(ht.type, '%', `HELLO 3 on troupe: ${show(ht.raw)}`);
    }
    await session.send(['FLUSHDB']);
    await session.resetOtherTypes();
    const rng = new Rng(seed);
    for (session.step = 1; session.step <= STEPS; session.step++) {
      if (session.step % 100 === 0) await session.resetOtherTypes();
      await session.run(mangle(rng, family.step(rng)));
    }
    await session.compareContents();
    session.finish();
  } finally {
    t.close();
    r.close();
  }
}

for (const family of FAMILIES) {
  describe(`${family.name}: Troupe's RESP door replies byte for byte as redis-server does`, () => {
    for (const { seed, resp } of RUNS) test(`seed ${seed}, RESP${resp}, ${STEPS} random commands`, () => runSequence(family, seed, resp));
  });
}
