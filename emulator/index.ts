export { startEmulator, type RunningEmulator } from './server.js';
export type { EmulatorOptions } from './config.js';
export type { LoggedCaller, RequestLogEntry } from './request-log.js';
