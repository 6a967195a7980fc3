// `npm run playground` as a contributor uses it: command lines piped in, replies printed as Discord
// shows them, buttons pressed by number, and an exit code that says whether every line ran.
import { describe, expect, it } from 'vitest';
import { ownLines, runScript } from './support/childProcess.ts';

/** The playground loads TypeScript through tsx and starts a bot: room for a busy 2-core machine. */
const CHILD_TIMEOUT_MS = 30_000;

describe('npm run playground', () => {
  it(
    'prints the answer to a piped /who-met year:2025 and exits 0',
    async () => {
      const run = await runScript('playground', {}, { input: '/who-met year:2025\n' });
      expect(ownLines(run.stderr).filter((line) => /^error|would refuse|did not answer/.test(line))).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Mark Rutte');
      expect(run.stdout).toContain('Wi Sung-lac');
      expect(run.stdout).toContain('001_03677d34c6a97d66#1');
      // Bot logs stay out of the output.
      expect(run.stdout).not.toContain('"level"');
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'shows buttons by number, presses them, takes Vietnamese names, and exits 2 after a line it cannot run',
    async () => {
      const input = [
        'help',
        '/ask question:NATO hide:true',
        'press 2',
        '3',
        'complete /who-met person:stolt',
        '/nope',
        'locale vi',
        '/ai-gặp-ai năm:2023',
        '',
      ].join('\n');
      const run = await runScript('playground', {}, { input });
      const out = run.stdout;
      expect(out).toContain('/ask question: [year:] [hide:] [mention:]');
      expect(out).toContain('── only you can see this ──');
      expect(out).toContain('[1] Previous (disabled)  [2] Next  [3] Post 1 in channel  [4] Post 2 in channel');
      expect(out).toContain('10 results · page 2 of 2');
      expect(out).toMatch(/Shared by @you/);
      expect(out).toContain('Jens Stoltenberg — Tổng thư ký NATO');
      expect(out).toContain('1 kết quả · trang 1/1');
      expect(ownLines(run.stderr).filter((line) => line.startsWith('error:'))).toEqual([
        'error: no command /nope; the bot has /who-met /agreements /ask /sources /cite /reload /library /help',
      ]);
      expect(run.code).toBe(2);
    },
    CHILD_TIMEOUT_MS,
  );
});
