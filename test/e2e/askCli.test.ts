// The offline CLI as a newcomer runs it: `npm run ask -- /who-met year:2025`.
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('npm run ask', () => {
  it('prints the 2025 meetings with quotes and citations', async () => {
    const run = await runCli(['/who-met', 'year:2025']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wi Sung-lac');
    expect(run.stdout).toContain('Mark Rutte');
    expect(run.stdout).toMatch(/— untitled, 2025-06, ¶\d+ · 001_03677d34c6a97d66#\d+/);
  });

  it('prints exactly one Answer object with --json, with tookMs', async () => {
    const run = await runCli(['--json', '/agreements', 'year:2023']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer).toMatchObject({ command: 'agreements', options: { year: 2023 } });
    expect(answer.items.length).toBeGreaterThan(0);
    expect(typeof answer.tookMs).toBe('number');
  });

  it('answers one JSON line per input line with --batch, and goes on past a bad line', async () => {
    const run = await runCli(['--batch'], '/who-met year:2023\n/who-met year:soon\n\n/sources\n');
    expect(run.code).toBe(0);
    const outputs = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(outputs).toHaveLength(3);
    expect(outputs[0].command).toBe('who-met');
    expect(outputs[1]).toMatchObject({ line: 2, error: 'year must be a number, e.g. 2025' });
    expect(outputs[2].command).toBe('sources');
  });

  it('exits non-zero with a clear message on bad input', async () => {
    const unknown = await runCli(['/meet', 'year:2025']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "meet"/);
    const empty = await runCli(['/ask', 'question:']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/question is empty/);
    const long = await runCli(['/ask', `question:${'a'.repeat(6000)}`]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/too long/);
  });

  it('refuses a misspelt flag with exit code 2, naming it, before reading any corpus', async () => {
    const typo = await runCli(['--jso', '/sources']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: unknown flag --jso \(did you mean --json\?\)\nusage: npm run ask/);
    expect(typo.stdout).toBe('');
    const noFolder = await runCli(['--corpus']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/^error: --corpus needs a value/);
  });

  it('reads flags only before the command line: words after it are the question, even with dashes', async () => {
    const run = await runCli(['--json', '--corpus=corpus', '/ask', 'question:', 'Rutte', '--batch']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'ask', options: { question: 'Rutte --batch' } });
  });

  it('lists every broken file as file:line: reason and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citebot-cli-'));
    tempDirs.push(dir);
    await writeFile(join(dir, 'good.txt'), ' date 2024-03 Photo : Test\n\nThủ tướng A gặp Bộ trưởng B.\n');
    await writeFile(join(dir, 'nodate.txt'), 'hello\n\nbody\n');
    await writeFile(join(dir, 'empty.txt'), ' date 2024-03\n\n\n');
    const run = await runCli(['--corpus', dir, '/sources']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nodate\.txt:1: /);
    expect(run.stderr).toMatch(/empty\.txt:\d+: /);
    expect(run.stdout).toBe('');
  });

  it('with --skip-invalid answers from the valid articles, naming each file left out on stderr, and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citebot-cli-'));
    tempDirs.push(dir);
    await writeFile(join(dir, 'good.txt'), ' date 2024-03 Photo : Test\n\nThủ tướng A gặp Bộ trưởng B.\n');
    await writeFile(join(dir, 'nodate.txt'), 'hello\n\nbody\n');
    const run = await runCli(['--corpus', dir, '--skip-invalid', '--json', '/sources']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^skipped: nodate\.txt:1: /m);
    expect(
      (JSON.parse(run.stdout) as { items: { citations: { articleId: string }[] }[] }).items.map((item) => item.citations[0]?.articleId),
    ).toEqual(['good']);
  });

  it('reads another corpus folder with --corpus', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citebot-cli-'));
    tempDirs.push(dir);
    await writeFile(join(dir, 'only.txt'), ' date 2024-03-05 Photo : Test\n\nHôm nay trời đẹp.\n');
    const run = await runCli(['--json', '--corpus', dir, '/sources']);
    expect(JSON.parse(run.stdout).items).toHaveLength(1);
  });

  it('adds outlet, headline and link to the JSON citations of --batch --json --corpus, keeping every earlier field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citebot-cli-'));
    tempDirs.push(dir);
    await writeFile(
      join(dir, 'sourced.txt'),
      ' date 2024-03-05 Photo : Test\nSource : Báo Mẫu\nTitle : Hai bộ trưởng hội đàm\nURL : https://example.vn/tin\n\nSáng 5/3, Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã hội đàm với Ngoại trưởng Lào Saleumxay Kommasith.\n',
    );
    const run = await runCli(['--batch', '--json', '--corpus', dir], '/who-met\n/cite sourced#1\n');
    expect(run.code).toBe(0);
    const [whoMet, cite] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const expected = {
      articleId: 'sourced',
      date: '2024-03-05',
      paragraph: 1,
      quote: 'Sáng 5/3, Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã hội đàm với Ngoại trưởng Lào Saleumxay Kommasith.',
      source: 'Báo Mẫu',
      title: 'Hai bộ trưởng hội đàm',
      url: 'https://example.vn/tin',
    };
    expect(whoMet.items[0].citations).toEqual([expected]);
    expect(cite.items[0].citations).toEqual([expected]);
  });

  it('keeps an index cache beside the corpus, answers the same from it, and rebuilds it when an article changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citebot-cli-'));
    tempDirs.push(dir);
    await writeFile(
      join(dir, 'a.txt'),
      ' date 2024-03-05 Photo : Test\n\nThủ tướng Nguyễn Văn A đã hội đàm với Tổng thống Kim B tại Hà Nội ngày 5/3.\n',
    );
    const first = await runCli(['--json', '--corpus', dir, '/who-met', 'year:2024']);
    expect(first.code).toBe(0);
    expect(await readdir(join(dir, '.index-cache'))).toContain('library.bin');
    const fromCache = await runCli(['--json', '--corpus', dir, '/who-met', 'year:2024']);
    const { tookMs: _first, ...firstAnswer } = JSON.parse(first.stdout);
    const { tookMs: _second, ...cachedAnswer } = JSON.parse(fromCache.stdout);
    expect(cachedAnswer).toEqual(firstAnswer);
    expect(firstAnswer.items.length).toBeGreaterThan(0);

    await appendFile(join(dir, 'a.txt'), 'Hai bên đã nhất trí tăng cường hợp tác quốc phòng.\n');
    const afterEdit = await runCli(['--json', '--corpus', dir, '/agreements']);
    expect(JSON.parse(afterEdit.stdout).items.map((item: { citations: { quote: string }[] }) => item.citations[0]!.quote)).toContain(
      'Hai bên đã nhất trí tăng cường hợp tác quốc phòng.',
    );
  });
});
