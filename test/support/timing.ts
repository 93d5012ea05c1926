import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Processes that want a core now (Linux's running count), else the last minute's load average. */
function busyness(): number {
  let running = 0;
  try {
    running = Number(/ (\d+)\//.exec(readFileSync('/proc/loadavg', 'utf8'))?.[1] ?? 0);
  } catch {
    // Not Linux: the load average alone (0 on Windows).
  }
  return Math.max(running, loadavg()[0] ?? 0);
}

/**
 * A time bound that proves a property (no backtracking, an event loop that is not blocked, no real wait) on an idle
 * machine, stretched by the machine's load: with more processes wanting a core than there are cores, each runs a
 * fraction of the time. A loaded CI machine (the suite's own workers, the children they spawn) then passes what an
 * idle one does, and a regression that costs seconds or blocks for good still fails.
 */
export function boundUnderLoad(ms: number): number {
  return Math.round(ms * Math.max(1, busyness() / availableParallelism()));
}
