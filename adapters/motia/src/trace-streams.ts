// A Motia 0.17 plugin that works around a core slowdown, whatever the
// backend: core builds every stream anew for each step it runs and wraps
// what the stream's factory returns. Its own trace streams (storage type
// `custom`) return one shared adapter, so the wrappers pile up on it and each
// step run makes every later trace read and write slower: a long-running
// instance slows down quadratically. This plugin builds those streams once.
//
//   export default config({ plugins: [buildTraceStreamsOnce], adapters: ... })

interface PluginStream {
  config?: { baseConfig?: { storageType?: string } };
  factory: () => unknown;
}

interface PluginContext {
  lockedData: { listStreams(): PluginStream[] };
}

export function buildTraceStreamsOnce({ lockedData }: PluginContext): { workbench: never[] } {
  for (const stream of lockedData.listStreams()) {
    if (stream.config?.baseConfig?.storageType !== 'custom') continue;
    const build = stream.factory;
    let built: unknown;
    stream.factory = () => (built ??= build());
  }
  return { workbench: [] };
}
