// Troupe is this app's only backend: the four adapters speak Troupe's
// protocol, and the Redis connection Motia itself keeps (logs, traces) goes to
// Troupe's RESP front door.
//
//   TROUPE_NODES      comma-separated host:port of Troupe's client protocol
//   TROUPE_RESP       host:port of a node's RESP front door (--resp-listen)
//   TROUPE_TOKEN      the nodes' --token, if any
//   TROUPE_NAMESPACE  isolates this app from others on the same cluster
import { config } from 'motia'
import { buildTraceStreamsOnce, troupeAdapters } from 'troupe-motia'

const [respHost, respPort] = (process.env.TROUPE_RESP ?? '127.0.0.1:6379').split(':')

const troupe = troupeAdapters({
  nodes: (process.env.TROUPE_NODES ?? '127.0.0.1:7379').split(','),
  token: process.env.TROUPE_TOKEN,
  namespace: process.env.TROUPE_NAMESPACE ?? 'motia-app',
})

export default config({
  // troupe.plugin gives the cron adapter each cron step's expression (one run
  // per tick); buildTraceStreamsOnce works around a Motia 0.17 core slowdown
  // (see troupe-motia's README).
  plugins: [buildTraceStreamsOnce, troupe.plugin],
  adapters: troupe,
  redis: {
    useMemoryServer: false,
    host: respHost,
    port: Number(respPort),
    password: process.env.TROUPE_TOKEN,
  },
})
