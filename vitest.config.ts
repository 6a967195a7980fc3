import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The e2e suite starts real sockets; give it room on a 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
