import { defineConfig } from 'vitest/config';

// `npm run test:unit` is the inner loop (under 20 s on a 2-core machine): pure code and small libraries
// built in the test's own thread, in the projects `unit` and `unit-isolated`. `npm run test:e2e` runs
// everything that starts threads, processes, servers or sockets, all in test/e2e/: the real bot against
// the local Discord stand-in (tools/discord-stand-in), the CLI, the library builders, and the compiled
// bot in dist/ that `npm start` runs (built once before the e2e files). `npm test` runs all three, unit tests first.

/**
 * The unit loop keeps the TypeScript it has transformed in node_modules/.experimental-vitest-cache, keyed
 * by each file's path and content and by this config: a rerun transforms only what changed, which saves
 * about a sixth of the loop's CPU. Experimental in vitest 4; `npx vitest --clearCache` empties it.
 */
const KEEP_TRANSFORMS = { fsModuleCache: true };

/**
 * Unit test files that replace a module with `vi.mock` and call the replacement: each needs module
 * instances of its own, and a fresh worker that imports discord.js and src/ again (a second or more on
 * two cores), so keep this list short: a file that only wants to skip loading the engines need not mock them.
 */
const MOCKING_MODULES = ['test/discord/interactionRouter.test.ts'];

export default defineConfig({
  test: {
    // The e2e suite starts real sockets and processes; give them room on a 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Item lists compare by their items (see the file).
    setupFiles: ['test/support/itemListEquality.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', ...MOCKING_MODULES],
          // The files share their workers' modules instead of loading src/ afresh each (an import of
          // discord.js or the language tables costs more than most files' tests). Safe because the
          // module-level state of src/ is caches that must not change an answer: sharing them tests that.
          isolate: false,
          experimental: KEEP_TRANSFORMS,
          // Unit tests only compute: one file per core (vitest's default leaves one core idle).
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: MOCKING_MODULES,
          experimental: KEEP_TRANSFORMS,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/buildOnce.ts'],
          // The bot, the stand-in and their child processes share the cores: one file at a time, so
          // Discord's deadlines (3 s to acknowledge) are not missed for want of CPU.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
