import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the inner loop (`npm run test:unit`), `e2e` starts the real bot against the
// local Discord stand-in (tools/discord-stand-in), after building the compiled bot in dist/ that
// `npm start` runs (`npm run test:e2e`). `npm test` runs both.
export default defineConfig({
  test: {
    // The e2e suite starts real sockets, and unit tests spawn the CLI; give them room on a 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/buildOnce.ts'],
        },
      },
    ],
  },
});
