import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // One test file per core: most tests wait on the botkpi processes they start (6 min instead of 9 on 2 cores).
    maxWorkers: '100%',
    globalSetup: ['test/global-tmp.ts'],
  },
});
