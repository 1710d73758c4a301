// troupe-motia: Motia 0.17 adapters backed by Troupe.
//
//   import { troupeAdapters } from 'troupe-motia'
//   export default config({ adapters: troupeAdapters({ nodes: ['127.0.0.1:7379'] }) })
import { TroupeConnection } from './connection.js';
import { TroupeCronAdapter, type CronAdapterOptions } from './cron.js';
import { settingsFromEnv } from './env.js';
import { TroupeEventAdapter, type EventAdapterOptions } from './events.js';
import { Namespace } from './namespace.js';
import { TroupeStateAdapter } from './state.js';
import { TroupeStreamAdapterManager } from './streams.js';
import { troupePlugin } from './plugin.js';
import type { LiveStreamsOptions } from './live-streams.js';
import type { TlsOption } from './tls.js';

export { TroupeConnection, type ConnectionOptions, type Reply, type Request } from './connection.js';
export { TroupeError, TroupeOfflineError } from './errors.js';
export type { TlsOption, TroupeTlsOptions } from './tls.js';
export { Namespace } from './namespace.js';
export { buildTraceStreamsOnce } from './trace-streams.js';
export { troupePlugin, type MotiaPlugin, type PluginContext, type PluginAdapters } from './plugin.js';
export { LiveStreams, type LiveStreamsOptions } from './live-streams.js';
export { CronExpression } from './cron-expression.js';
export { TroupeStateAdapter, type SetOptions, type StateEntry, type VersionedValue } from './state.js';
export type { CronAdapterOptions, TroupeCronLock } from './cron.js';
export type { EventAdapterOptions } from './events.js';
export { TroupeStreamAdapter, TroupeStreamAdapterManager } from './streams.js';
export { TroupeEventAdapter } from './events.js';
export { TroupeCronAdapter } from './cron.js';

export interface TroupeOptions {
  /**
   * Addresses of the Troupe nodes, "host:port" or "[IPv6]:port". Default:
   * TROUPE_NODES (comma-separated), else 127.0.0.1:7379.
   */
  nodes?: string[];
  /** The nodes' --token. Default: TROUPE_TOKEN. */
  token?: string;
  /**
   * TLS to the nodes (troupe-node --tls-cert): `true`, or `{ ca, cert, key,
   * servername, rejectUnauthorized }` with PEM contents (not paths).
   * Default: from TROUPE_CLIENT_TLS, TROUPE_CLIENT_TLS_CA, _CERT, _KEY
   * (file paths) and _SERVERNAME; else plain TCP.
   */
  tls?: TlsOption;
  /** Isolates this app's data from others on the same cluster. Default: TROUPE_NAMESPACE. */
  namespace?: string;
  events?: EventAdapterOptions;
  cron?: CronAdapterOptions;
  /** Live streams across instances (installed by `plugin`); `false`: off. */
  liveStreams?: LiveStreamsOptions | false;
}

/**
 * The four Motia adapters over one shared connection, and `plugin`, the
 * Motia plugin that tells them about the app (its cron steps' expressions)
 * and installs live streams across instances:
 * `config({ plugins: [troupe.plugin], adapters: troupe })`. Connection
 * settings not given come from TROUPE_NODES, TROUPE_TOKEN,
 * TROUPE_NAMESPACE and TROUPE_CLIENT_TLS*. A malformed address or `tls`
 * option, or an unreadable TLS file, is refused here (`TroupeError`
 * `INVALID_ARGUMENT`).
 */
export function troupeAdapters(options: TroupeOptions = {}) {
  const { nodes, token, namespace, tls } = settingsFromEnv(options);
  const conn = new TroupeConnection({ nodes, token, tls });
  const ns = new Namespace(namespace);
  const cron = new TroupeCronAdapter(conn, ns, options.cron);
  const streams = new TroupeStreamAdapterManager(conn, ns);
  return {
    state: new TroupeStateAdapter(conn, ns),
    streams,
    events: new TroupeEventAdapter(conn, ns, options.events),
    cron,
    plugin: troupePlugin({ cron, streams, liveStreams: options.liveStreams }),
  };
}
