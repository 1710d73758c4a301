// The Motia 0.17 plugin of a set of adapters (`troupeAdapters().plugin`):
// it tells the cron adapter every cron step's expression, so that each job
// runs once per tick, and keeps it told as steps change (`motia dev`).
//
//   const troupe = troupeAdapters()
//   export default config({ plugins: [troupe.plugin], adapters: troupe })
import type { TroupeCronAdapter } from './cron.js';

/** The parts of a Motia step the plugin reads. */
interface PluginStep {
  config: { type?: string; name?: string; cron?: string };
}

/** The parts of Motia's plugin context (MotiaPluginContext) the plugin uses. */
export interface PluginContext {
  lockedData: {
    cronSteps(): PluginStep[];
    onStep?(event: 'step-created' | 'step-updated', handler: (step: PluginStep) => void): void;
  };
}

/** What a Motia plugin returns. */
export interface MotiaPlugin {
  workbench: never[];
}

/** The plugin of `adapters` (what `troupeAdapters().plugin` is). */
export function troupePlugin(adapters: { cron: TroupeCronAdapter }) {
  return (context: PluginContext): MotiaPlugin => {
    learnCronSchedules(adapters.cron, context);
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
