// Step queues in the tests: the config a step subscribes with, and what
// the node reports a queue holds.
import { bytes, type TroupeConnection } from '../src/connection.js';
import type { QueueConfig } from '../src/motia-types.js';

/** A standard queue's config: two retries, no delay, a 30 s visibility timeout, unless `over` says otherwise. */
export const standard = (over: Partial<{ maxRetries: number; delaySeconds: number; visibilityTimeout: number }> = {}): QueueConfig => ({
  type: 'standard',
  maxRetries: 2,
  visibilityTimeout: 30,
  delaySeconds: 0,
  ...over,
});

export interface Stats {
  ready: number;
  delayed: number;
  inFlight: number;
  dead: number;
}

/** The queue of step `s` of topic `s.topic` in namespace `ns`, as QueueStats counts it. */
export async function queueStats(conn: TroupeConnection, ns: string, s: { topic: string; step: string }): Promise<Stats> {
  const r = await conn.request({ queueStats: { topic: bytes(`${ns}:${s.topic}`), step: bytes(s.step) } });
  const q = r.queueStats;
  if (!q) throw new Error(`no queueStats in the reply: ${JSON.stringify(r)}`);
  return { ready: Number(q.ready ?? 0), delayed: Number(q.delayed ?? 0), inFlight: Number(q.inFlight ?? 0), dead: Number(q.dead ?? 0) };
}
