import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'emulator/**/*.test.ts', 'contracts/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/temp-root.ts'],
    // The SDK's documented switch (aws-sdk-js-v3#7983): its Node 20 notice would repeat in every test process.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The fuzz test compares heap use before and after, after a forced collection.
    execArgv: ['--expose-gc'],
  },
});
