// troupe-motia: Motia 0.17 adapters backed by Troupe.
//
//   import { troupeAdapters } from 'troupe-motia'
//   export default config({ adapters: troupeAdapters({ nodes: ['127.0.0.1:7379'] }) })
import { TroupeConnection } from './connection.js';
import { TroupeCronAdapter, type CronAdapterOptions } from './cron.js';
import { TroupeEventAdapter, type EventAdapterOptions } from './events.js';
import { Namespace } from './namespace.js';
import { TroupeStateAdapter } from './state.js';
import { TroupeStreamAdapterManager } from './streams.js';

export { TroupeConnection } from './connection.js';
export { TroupeError } from './errors.js';
export { Namespace } from './namespace.js';
export { buildTraceStreamsOnce } from './trace-streams.js';
export { TroupeStateAdapter } from './state.js';
export { TroupeStreamAdapter, TroupeStreamAdapterManager } from './streams.js';
export { TroupeEventAdapter } from './events.js';
export { TroupeCronAdapter } from './cron.js';

export interface TroupeOptions {
  /** host:port of the Troupe nodes. */
  nodes: string[];
  token?: string;
  /** Isolates this app's data from others on the same cluster. */
  namespace?: string;
  events?: EventAdapterOptions;
  cron?: CronAdapterOptions;
}

/** The four Motia adapters over one shared connection. */
export function troupeAdapters(options: TroupeOptions) {
  const conn = new TroupeConnection({ nodes: options.nodes, token: options.token });
  const ns = new Namespace(options.namespace);
  return {
    state: new TroupeStateAdapter(conn, ns),
    streams: new TroupeStreamAdapterManager(conn, ns),
    events: new TroupeEventAdapter(conn, ns, options.events),
    cron: new TroupeCronAdapter(conn, ns, options.cron),
  };
}
