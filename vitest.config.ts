import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { sequencerInProjectOrder } from './test/support/sequencer.js';

// idpool as a user installs and drives it, through foreign tools: Terraform, a real browser, `npm pack` and install,
// and the CLI's commands end to end. The longest files (Terraform alone ~100 s on 2 cores): `npm run test:all` and CI
// run them, `npm test` leaves them out (README, Development).
const integration = [
  'test/terraform/**/*.test.ts',
  'test/browser/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/console/console-cli.test.ts',
];
// Tests that send signals, kill children and time them, or spawn the emulator in other processes.
const processes = ['test/faults/**/*.test.ts', 'test/persistence/**/*.test.ts', 'test/security/sandbox-*.test.ts'];
// Pure in-process tests of modules, without an emulator on a port.
const unit = ['test/unit/**/*.test.ts', 'emulator/**/*.test.ts', 'contracts/**/*.test.ts', 'src/**/*.test.ts'];
// Tests that need modules of their own (they check state a module holds from its first import).
const isolated = ['test/unit/lazy-services.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker per core leaves the cores idle while the tests wait on their children and sockets; every project
    // shares this number (vitest runs projects with different maxWorkers one after the other).
    maxWorkers: availableParallelism() + 1,
    globalSetup: ['test/support/temp-root.ts'],
    // The process-spawning files, the longest (Terraform, the packed install), start first.
    sequence: { sequencer: sequencerInProjectOrder(['integration', 'processes', 'emulator', 'unit', 'isolated']) },
    // The SDK's documented switch (aws-sdk-js-v3#7983): its Node 20 notice would repeat in every test process.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The fuzz test compares heap use before and after, after a forced collection.
    execArgv: ['--expose-gc'],
    projects: [
      // Each file in a fresh process, mostly waiting on its children (npm, tsc, Terraform's provider, Chromium).
      { extends: true, test: { name: 'integration', include: integration, isolate: true, testTimeout: 120_000 } },
      // They share worker processes as `emulator` does (none changes its own process's state), with a longer limit for a
      // hang: their children share the cores with the other workers.
      { extends: true, test: { name: 'processes', include: processes, isolate: false, testTimeout: 120_000 } },
      // In `unit` and `emulator`, a worker's process runs file after file and loads the SDK and the emulator's modules
      // once (most of a file's time when each had its own): a file leaves no state behind, or goes in `isolated`.
      {
        extends: true,
        test: { name: 'unit', include: unit, exclude: [...configDefaults.exclude, ...isolated], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'emulator',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...integration, ...processes, ...unit],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
    ],
  },
});
