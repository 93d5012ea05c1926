import type { EmulatorRuntime } from '../../runtime.js';
import { ConsoleQueries } from '../../store/console-queries.js';

/** A contract run's results.json as posted, kept in memory. */
interface ContractRun {
  id: string;
  receivedAt: string;
  results: unknown;
}

interface ConsoleState {
  queries: ConsoleQueries;
  /** Newest first, at most 20. */
  runs: ContractRun[];
}

const states = new WeakMap<EmulatorRuntime, ConsoleState>();

/** The console's own state for one emulator, made on its first use (its statements are prepared once). */
export function consoleState(runtime: EmulatorRuntime): ConsoleState {
  let state = states.get(runtime);
  if (!state) states.set(runtime, (state = { queries: new ConsoleQueries(runtime.db), runs: [] }));
  return state;
}
