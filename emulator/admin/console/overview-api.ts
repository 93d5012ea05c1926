import type { EmulatorRuntime } from '../../runtime.js';
import { consoleState } from './console-state.js';

/** `GET api/overview`: where the emulator runs and how much it holds. */
export function overview(runtime: EmulatorRuntime): object {
  const { config, clock } = runtime;
  return {
    region: config.region,
    accountId: config.accountId,
    persistent: config.dataDir !== undefined,
    now: clock.now().toISOString(),
    clockOffsetSeconds: clock.offsetSeconds,
    counts: { ...consoleState(runtime).queries.counts(), requests: runtime.requests.length },
  };
}
