export { startEmulator, type RunningEmulator } from './server.js';
export type { EmulatorOptions } from './config.js';
