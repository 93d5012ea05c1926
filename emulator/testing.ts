/**
 * The entry for tests that look inside a running emulator (its stores, clock and services through `runtime`). It is
 * not part of the published API (`idpool/emulator`), whose types expose no internals.
 */
export { type RunningEmulator, startEmulator } from './server.js';
