// ESLint (flat config) with typescript-eslint's recommended rules, without type information so that
// `npm run lint` stays quick; `tsc --noEmit` does the type checking. Formatting is Prettier's job
// (`npm run format`), so eslint-config-prettier turns off every rule about layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Nothing outside test/ leans on test code (ARCHITECTURE.md); every block below that sets
// no-restricted-imports repeats this pattern, because a later block's options replace an earlier one's.
const NO_TEST_IMPORTS = { group: ['**/test/**'], message: 'Code outside test/ must not import from test/.' };

// The core's folders in the order data flows (ARCHITECTURE.md): each may import only the ones before it.
const LAYERS = ['corpus', 'text', 'language', 'search', 'extract', 'library', 'answers'];
const CORE_RESTRICTIONS = {
  paths: [{ name: 'discord.js', message: 'Only src/discord (and commands/) talk to Discord; return an Answer instead.' }],
  patterns: [{ group: ['@discordjs/*'], message: 'Only src/discord (and commands/) talk to Discord.' }, NO_TEST_IMPORTS],
};
/** One block per layer: the core's restrictions, plus every folder that sits after it. */
const layerBlocks = LAYERS.map((layer, i) => {
  const later = LAYERS.slice(i + 1).concat(['discord', 'cli']);
  return {
    files: [`src/${layer}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...CORE_RESTRICTIONS,
          patterns: [
            ...CORE_RESTRICTIONS.patterns,
            {
              group: later.flatMap((folder) => [`../${folder}/*`, `../../${folder}/*`]),
              message: `src/${layer} may import only the folders before it (${LAYERS.slice(0, i).join(', ') || 'none'}): move the code, not the arrow.`,
            },
          ],
        },
      ],
    },
  };
});

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'bench-results/', 'corpus/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_name` marks a value left out on purpose; `{ tookMs, ...rest }` drops a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A `let` read by a callback before its one assignment (a closure made before the value exists) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Classes of lone combining marks (tilde, hook above, dot below…) are how the Vietnamese tables
      // match text in NFD, one mark at a time: deliberate, not a mistake.
      'no-misleading-character-class': 'off',
      // `[\x00-\x7f]` (plain ASCII) is a byte range we mean.
      'no-control-regex': 'off',
    },
  },
  {
    // Everything outside test/ (src/discord, commands/, scripts/, tools/, the config files): no test code.
    files: ['**/*.{ts,js,mjs}'],
    ignores: ['test/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST_IMPORTS] }] },
  },
  {
    // The core never talks to Discord (see ARCHITECTURE.md).
    files: ['src/**'],
    ignores: ['src/discord/**'],
    rules: { 'no-restricted-imports': ['error', CORE_RESTRICTIONS] },
  },
  ...layerBlocks,
  {
    // The local Discord stand-in plays Discord itself, so it may import discord.js (its API types, and the
    // plain client of botOnStandIn.ts), ws and discord-api-spec; it is not the bot and knows none of
    // citebot's code, so it imports nothing from src/ or commands/ (the glue is test/e2e/support/).
    files: ['tools/discord-stand-in/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_TEST_IMPORTS,
            { group: ['**/src/**', '**/commands/**'], message: 'The stand-in is Discord, not the bot: it must not import citebot’s code.' },
          ],
        },
      ],
    },
  },
  {
    // Fakes of discord.js objects in tests stand in for types far larger than what a test touches.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
