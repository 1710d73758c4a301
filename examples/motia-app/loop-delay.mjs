// Loaded into each `motia start` instance by scale-out.mjs (`node --import`):
// measures the instance's event loop delay (perf_hooks.monitorEventLoopDelay)
// from its first SIGUSR2 to its second, then prints one line,
//   loop-delay {"p50":0.2,"p90":9.8,"p99":180.4,"max":410.1}
// in milliseconds: how late a 10 ms timer fired (the histogram records the
// whole interval; the 10 ms are taken off). A change the node pushes to the
// instance waits about that long before the instance even reads it.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const resolutionMs = 10;
const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
let measuring = false;

process.on('SIGUSR2', () => {
  if (!measuring) {
    histogram.reset();
    histogram.enable();
    measuring = true;
    return;
  }
  histogram.disable();
  measuring = false;
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 10) / 10);
  const figures = { p50: ms(histogram.percentile(50)), p90: ms(histogram.percentile(90)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  process.stdout.write(`loop-delay ${JSON.stringify(figures)}\n`);
});
