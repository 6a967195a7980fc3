import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_FILE_BYTES } from '../../src/corpus/loadCorpus.ts';
import { formatCorpusError, type Corpus, type LoadResult } from '../../src/corpus/types.ts';

const BUNDLED_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const FIXTURE_CORPUS = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));
const GOOD_ARTICLE = ' date 2024-03-15 Photo : TTXVN\n\nNgày 14/3, hai bên đã hội đàm tại Hà Nội.\n';

const temporaryDirs: string[] = [];
afterEach(async () => {
  for (const dir of temporaryDirs.splice(0)) {
    await chmod(dir, 0o700).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

/** A fresh corpus folder holding `files` (name → content), inside a temporary parent folder. */
async function corpusWith(files: Record<string, string | Buffer>): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'citebot-corpus-'));
  temporaryDirs.push(parent);
  const dir = join(parent, 'corpus');
  await mkdir(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

function loaded(result: LoadResult): Corpus {
  if (!result.ok) throw new Error(`expected the corpus to load, got:\n${result.errors.map(formatCorpusError).join('\n')}`);
  return result.corpus;
}

function errorLines(result: LoadResult): string[] {
  if (result.ok) throw new Error('expected the load to be rejected');
  return result.errors.map(formatCorpusError);
}

describe('loadCorpus: the bundled corpus', () => {
  it('loads both seed articles with their dates and photo credit', async () => {
    const corpus = loaded(await loadCorpus(BUNDLED_CORPUS));
    expect(corpus.articles.map((article) => [article.id, article.date.text, article.meta.credit])).toEqual([
      ['000_4f467cfc7a82818c', '2023-07', 'YONHAP News'],
      ['001_03677d34c6a97d66', '2025-06', 'YONHAP News'],
    ]);
    expect(corpus.articles[0]!.paragraphs.numbered(2)!.text).toMatch(/^Được biết, hai bên đã thông qua/);
  });
});

describe('loadCorpus: a valid folder', () => {
  it('loads .txt and .md articles sorted by id, with the glossary, and skips README.md', async () => {
    const corpus = loaded(await loadCorpus(FIXTURE_CORPUS));
    expect(corpus.articles.map((article) => [article.file, article.format])).toEqual([
      ['vn_001_xuat_khau.txt', 'text'],
      ['vn_002_quoc_phong.md', 'markdown'],
    ]);
    expect(corpus.articles[1]!.meta.title).toBe('Việt Nam và Hàn Quốc thúc đẩy hợp tác công nghiệp quốc phòng');
    expect(corpus.glossary).toEqual([
      { en: ['talks', 'held talks'], vi: ['hội đàm'] },
      { en: ['defence industry'], vi: ['công nghiệp quốc phòng'] },
    ]);
  });

  it('keeps numbers, initials and abbreviations of the fixture inside their sentences', async () => {
    const [article] = loaded(await loadCorpus(FIXTURE_CORPUS)).articles;
    const sentences = [...article!.paragraphs].flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
    expect(sentences[0]).toContain('đạt 5.800 tỷ đồng, tăng 3.5% so với cùng kỳ');
    expect(sentences[1]).toMatch(/^GS\. Trần Văn Minh nhận định/);
    expect(sentences).toContain('Ông J. K. Lee, đại diện doanh nghiệp, nói: "Chúng tôi sẽ tiếp tục mở rộng đầu tư tại Việt Nam."');
    expect(article!.paragraphs.numbered(2)!.text).toMatch(/^Theo số liệu của Tổng cục Thống kê, trong hai ngày 24-25\/6/);
  });

  it('needs no glossary.json and skips readme.md in any case and dotfiles', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'readme.MD': '# Hướng dẫn', '.draft.txt': 'not an article' });
    const corpus = loaded(await loadCorpus(dir));
    expect(corpus.articles.map((article) => article.id)).toEqual(['a']);
    expect(corpus.glossary).toEqual([]);
  });

  it('accepts a symlink to a file inside the corpus folder', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE });
    await symlink(join(dir, 'a.txt'), join(dir, 'b.txt'));
    expect(loaded(await loadCorpus(dir)).articles.map((article) => article.id)).toEqual(['a', 'b']);
  });
});

describe('loadCorpus: rejected folders', () => {
  it('rejects a missing corpus folder, naming the folder', async () => {
    const dir = join(await corpusWith({}), 'missing');
    // Never the host's path: these lines reach moderators in Discord.
    expect(errorLines(await loadCorpus(dir))).toEqual(['(corpus folder):0: cannot open the corpus folder: not found']);
  });

  it('rejects a folder with no articles', async () => {
    const dir = await corpusWith({ 'README.md': '# Hướng dẫn', 'glossary.json': '[]' });
    expect(errorLines(await loadCorpus(dir))).toEqual(['(corpus folder):0: no articles found (add .txt or .md files)']);
  });

  it('rejects a file over 1 MiB without reading it as an article', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'big.txt': `date 2024-01\n\n${'a'.repeat(MAX_FILE_BYTES)}` });
    expect(errorLines(await loadCorpus(dir))).toEqual([
      `big.txt:0: file too large: ${MAX_FILE_BYTES + 14} bytes (the limit is 1 MiB, 1048576 bytes)`,
    ]);
  });

  it('rejects a file that is not UTF-8 at the line of the bad byte', async () => {
    const windows1258 = Buffer.concat([Buffer.from('date 2024-01\n\nHai b'), Buffer.from([0xea]), Buffer.from('n h\n')]);
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'cu.txt': windows1258 });
    expect(errorLines(await loadCorpus(dir))).toEqual([
      'cu.txt:3: not UTF-8: this line has bytes that are not valid UTF-8 (save the file as UTF-8)',
    ]);
  });

  it('names a folder named like an article as a sub-folder that is not loaded', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE });
    await mkdir(join(dir, 'folder.txt'));
    const result = await loadCorpus(dir);
    expect(result.ok && result.skipped).toEqual([{ file: 'folder.txt/', reason: 'a sub-folder: only files directly in the corpus folder are loaded' }]);
  });

  it.skipIf(process.getuid?.() === 0)('rejects a file the bot has no permission to read', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'locked.txt': GOOD_ARTICLE });
    await chmod(join(dir, 'locked.txt'), 0o000);
    expect(errorLines(await loadCorpus(dir))).toEqual(['locked.txt:0: cannot read the file: permission denied']);
  });

  it('rejects two files that would give the same id, naming both', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'a.md': `---\ndate: 2024-01\n---\nNội dung.` });
    expect(errorLines(await loadCorpus(dir))).toEqual([
      'a.md:0: duplicate article id "a": also used by a.txt (rename one of them)',
      'a.txt:0: duplicate article id "a": also used by a.md (rename one of them)',
    ]);
  });

  it('rejects a symlink that leads outside the corpus folder', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE });
    const outside = join(dir, '..', 'secret.txt');
    await writeFile(outside, GOOD_ARTICLE);
    await symlink(outside, join(dir, 'leak.txt'));
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
    expect(errorLines(await loadCorpus(dir))).toEqual([
      'broken.txt:0: broken symlink: not found',
      'leak.txt:0: symlink leads outside the corpus folder: copy the file into the folder instead',
    ]);
  });

  it('rejects a glossary entry with an empty list, at the line of that entry', async () => {
    const glossary = '[\n  { "en": ["talks"], "vi": ["hội đàm"] },\n  { "en": [], "vi": ["thỏa thuận"] }\n]\n';
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'glossary.json': glossary });
    expect(errorLines(await loadCorpus(dir))).toEqual(['glossary.json:3: glossary entry 2: "en" must list at least one phrase']);
  });

  it('rejects a glossary that is not valid JSON, at the line of the mistake', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'glossary.json': '[\n  { "en": ["talks"], "vi": ["hội đàm"], }\n]\n' });
    const [error] = errorLines(await loadCorpus(dir));
    expect(error).toMatch(/^glossary\.json:2: invalid JSON: /);
  });

  it('rejects a glossary that is not a list', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'glossary.json': '{ "en": ["talks"], "vi": ["hội đàm"] }' });
    expect(errorLines(await loadCorpus(dir))).toEqual([
      'glossary.json:1: the glossary must be a JSON list of {"en": [...], "vi": [...]} entries',
    ]);
  });

  it('collects every error, sorted by file then line, and loads nothing', async () => {
    const dir = await corpusWith({
      'a.txt': GOOD_ARTICLE,
      'c.md': '---\ndate: 2024-13\nurl: not a url\n---\nNội dung.',
      'b.txt': 'Không có ngày.\n',
    });
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    expect(errorLines(result)).toEqual([
      'b.txt:1: missing date: the first line must look like "date 2025-06-24 Photo : TTXVN"',
      'c.md:2: malformed date "2024-13": expected YYYY-MM or YYYY-MM-DD',
      'c.md:3: bad url "not a url": expected a web address starting with http:// or https://',
    ]);
  });
});

describe('loadCorpus: special files never hang or exhaust it', () => {
  it('refuses a FIFO named like an article at once, without opening it for a blocking read', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE });
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expect(errorLines(await loadCorpus(dir))).toEqual(['pipe.txt:0: not a regular file (a pipe, socket or device): only plain files are read']);
  });

  it('refuses a link to /dev/zero as leading outside the folder, and a link to a FIFO inside it as not a regular file', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE });
    await symlink('/dev/zero', join(dir, 'zero.txt'));
    execFileSync('mkfifo', [join(dir, '.pipe')]);
    await symlink(join(dir, '.pipe'), join(dir, 'pipe-link.txt'));
    expect(errorLines(await loadCorpus(dir))).toEqual([
      'pipe-link.txt:0: not a regular file (a pipe, socket or device): only plain files are read',
      'zero.txt:0: symlink leads outside the corpus folder: copy the file into the folder instead',
    ]);
  });

  it('names every file it does not load: wrong extension, sub-folder, dotfile, special file', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'bai-moi.docx': 'PK', '.draft.txt': GOOD_ARTICLE, 'notes': 'x' });
    await mkdir(join(dir, 'archive'));
    await writeFile(join(dir, 'archive', 'b.txt'), GOOD_ARTICLE);
    await mkdir(join(dir, '.index-cache'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const result = await loadCorpus(dir);
    expect(result.ok && result.corpus.articles.map((article) => article.id)).toEqual(['a']);
    expect(result.skipped).toEqual([
      { file: '.draft.txt', reason: 'name starts with "." (hidden files and drafts are not loaded)' },
      { file: 'archive/', reason: 'a sub-folder: only files directly in the corpus folder are loaded' },
      { file: 'bai-moi.docx', reason: 'unsupported file type ".docx": only .txt and .md articles are loaded' },
      { file: 'fifo', reason: 'not a regular file (a pipe, socket or device)' },
      { file: 'notes', reason: 'no extension: only .txt and .md articles are loaded' },
    ]);
  });
});

describe('loadCorpus: skipInvalid (a start with a bad file, the CLI --skip-invalid)', () => {
  it('loads every valid article and reports the others with file:line: reason', async () => {
    const dir = await corpusWith({ 'a.txt': GOOD_ARTICLE, 'b.txt': 'date 2025-13\n\nNội dung.\n', 'c.txt': GOOD_ARTICLE });
    const result = await loadCorpus(dir, { skipInvalid: true });
    expect(result.ok && result.corpus.articles.map((article) => article.id)).toEqual(['a', 'c']);
    expect(result.ok && result.problems.map(formatCorpusError)).toEqual([expect.stringMatching(/^b\.txt:1: .*2025-13/)]);
  });

  it('still fails when no article at all is valid', async () => {
    const dir = await corpusWith({ 'b.txt': 'date 2025-13\n\nNội dung.\n' });
    expect((await loadCorpus(dir, { skipInvalid: true })).ok).toBe(false);
  });
});
