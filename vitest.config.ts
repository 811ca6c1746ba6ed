import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang protection, not speed checks: full builds include speech and run on 2 busy cores.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
