// Troupe is this app's only backend. Two adapter sets, chosen by
// MOTIA_ADAPTERS:
//
// - unset (default): the four adapters speak Troupe's protocol (troupe-motia),
//   and the Redis connection Motia itself keeps (logs, traces) goes to
//   Troupe's RESP front door.
// - `redis`: Motia's own Redis adapters, the ones `motia start` uses when none
//   are configured (BullMQ events, Redis state, streams and cron lock), all on
//   the RESP front door, with no troupe-motia. The door partitions keys as
//   Redis Cluster does, so BullMQ gets a queue prefix with a hash tag
//   (`{motia}`: each queue's keys in one partition); the other options are
//   Motia's defaults.
//
//   MOTIA_ADAPTERS    `redis` for Motia's Redis adapters, else troupe-motia
//   TROUPE_NODES      comma-separated host:port of Troupe's client protocol
//   TROUPE_RESP       host:port of a node's RESP front door (--resp-listen)
//   TROUPE_TOKEN      the nodes' --token, if any
//   TROUPE_NAMESPACE  isolates this app from others on the same cluster
import { config } from 'motia'

const [respHost, respPort] = (process.env.TROUPE_RESP ?? '127.0.0.1:6379').split(':')

async function troupeMotia() {
  const { buildTraceStreamsOnce, troupeAdapters } = await import('troupe-motia')
  const troupe = troupeAdapters({
    nodes: (process.env.TROUPE_NODES ?? '127.0.0.1:7379').split(','),
    token: process.env.TROUPE_TOKEN,
    namespace: process.env.TROUPE_NAMESPACE ?? 'motia-app',
  })
  return {
    // troupe.plugin gives the cron adapter each cron step's expression (one
    // run per tick); buildTraceStreamsOnce works around a Motia 0.17 core
    // slowdown (see troupe-motia's README).
    plugins: [buildTraceStreamsOnce, troupe.plugin],
    adapters: troupe,
  }
}

async function motiaRedis() {
  const [{ BullMQEventAdapter }, { RedisStateAdapter }, { RedisStreamAdapterManager }, { RedisCronAdapter }] = await Promise.all([
    import('@motiadev/adapter-bullmq-events'),
    import('@motiadev/adapter-redis-state'),
    import('@motiadev/adapter-redis-streams'),
    import('@motiadev/adapter-redis-cron'),
  ])
  const host = respHost
  const port = Number(respPort)
  const password = process.env.TROUPE_TOKEN
  // node-redis options (state, streams, cron)
  const redis = { socket: { host, port }, password }
  return {
    plugins: [],
    adapters: {
      events: new BullMQEventAdapter({ connection: { host, port, password }, prefix: '{motia}' }),
      state: new RedisStateAdapter(redis),
      streams: new RedisStreamAdapterManager(redis),
      cron: new RedisCronAdapter(redis),
    },
  }
}

export default config({
  ...(process.env.MOTIA_ADAPTERS === 'redis' ? await motiaRedis() : await troupeMotia()),
  redis: {
    useMemoryServer: false,
    host: respHost,
    port: Number(respPort),
    password: process.env.TROUPE_TOKEN,
  },
})
