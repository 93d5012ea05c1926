import { startEmulator } from '../../emulator/index.js';
import { idpoolClock } from './clock-control.js';
import type { ExecuteApiUrlStyle, Target } from './target.js';

export interface EmbeddedTargetOptions {
  region?: string;
  executeApiUrlStyle?: ExecuteApiUrlStyle;
}

/** idpool's own emulator, started in this process on a free port and stopped after the run. */
export function embeddedTarget(options: EmbeddedTargetOptions = {}): Target {
  return {
    name: 'embedded',
    kind: 'embedded',
    start: async () => {
      const emulator = await startEmulator({
        port: 0,
        logLevel: 'error',
        ...(options.region ? { region: options.region } : {}),
      });
      return {
        name: 'embedded',
        kind: 'embedded',
        description: `idpool emulator in process at ${emulator.url}`,
        region: emulator.region,
        endpoint: emulator.url,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        executeApiUrlStyle: options.executeApiUrlStyle ?? 'host',
        clock: await idpoolClock(emulator.url, { accessKeyId: 'test', secretAccessKey: 'test' }),
        eventuallyConsistent: false,
        stop: () => emulator.stop(),
      };
    },
  };
}
