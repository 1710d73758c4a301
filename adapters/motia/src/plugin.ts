// The Motia 0.17 plugin of a set of adapters (`troupeAdapters().plugin`):
// it tells the cron adapter every cron step's expression, so that each job
// runs once per tick, and keeps it told as steps change (`motia dev`); and
// it installs live streams across instances (live-streams.ts).
//
//   const troupe = troupeAdapters()
//   export default config({ plugins: [troupe.plugin], adapters: troupe })
import type { TroupeCronAdapter } from './cron.js';
import { LiveStreams, type LiveStreamsData, type LiveStreamsOptions } from './live-streams.js';
import type { TroupeStreamAdapterManager } from './streams.js';

/** The parts of a Motia step the plugin reads. */
interface PluginStep {
  config: { type?: string; name?: string; cron?: string };
}

/** The parts of Motia's plugin context (MotiaPluginContext) the plugin uses. */
export interface PluginContext {
  lockedData: {
    cronSteps(): PluginStep[];
    onStep?(event: 'step-created' | 'step-updated', handler: (step: PluginStep) => void): void;
  } & Partial<LiveStreamsData>;
}

/** What a Motia plugin returns. */
export interface MotiaPlugin {
  workbench: never[];
}

export interface PluginAdapters {
  cron: TroupeCronAdapter;
  streams?: TroupeStreamAdapterManager;
  /** Live streams across instances; `false` leaves Motia's streams as they are. */
  liveStreams?: LiveStreamsOptions | false;
}

/** The plugin of `adapters` (what `troupeAdapters().plugin` is). */
export function troupePlugin(adapters: PluginAdapters) {
  return (context: PluginContext): MotiaPlugin => {
    learnCronSchedules(adapters.cron, context);
    const { lockedData } = context;
    if (adapters.streams && adapters.liveStreams !== false && lockedData.getStreams && lockedData.getStreamByName)
      new LiveStreams(adapters.streams, adapters.liveStreams ?? {}).attach(lockedData as LiveStreamsData);
    return { workbench: [] };
  };
}

function learnCronSchedules(cron: TroupeCronAdapter, { lockedData }: PluginContext) {
  {
    const learn = (step: PluginStep) => {
      const { type, name, cron: expression } = step.config;
      if (type !== 'cron' || !name || !expression) return;
      try {
        cron.schedule(name, expression);
      } catch {
        // An expression node-cron refuses too: Motia never schedules it.
      }
    };
    lockedData.cronSteps().forEach(learn);
    lockedData.onStep?.('step-created', learn);
    lockedData.onStep?.('step-updated', learn);
  }
}
