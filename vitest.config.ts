import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { sequencerInProjectOrder } from './test/support/sequencer.js';

// Tests that spawn the CLI, npm, Terraform, a browser or other child processes: mostly waiting on those children.
const processes = [
  'test/cli/**/*.test.ts',
  'test/browser/**/*.test.ts',
  'test/terraform/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/persistence/**/*.test.ts',
  'test/security/sandbox-*.test.ts',
];
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
    sequence: { sequencer: sequencerInProjectOrder(['processes', 'emulator', 'unit', 'isolated']) },
    // The SDK's documented switch (aws-sdk-js-v3#7983): its Node 20 notice would repeat in every test process.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The fuzz test compares heap use before and after, after a forced collection.
    execArgv: ['--expose-gc'],
    projects: [
      {
        extends: true,
        // Each file in a fresh process: they send signals, kill children and time them. Their children (npm, tsc,
        // Terraform's provider) share the cores with the other workers: a longer limit for a hang.
        test: { name: 'processes', include: processes, isolate: true, testTimeout: 120_000 },
      },
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
          exclude: [...configDefaults.exclude, ...processes, ...unit],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
    ],
  },
});
