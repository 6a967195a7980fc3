// Changing the corpus folder for /library without Discord: what a change writes, what it keeps in the
// history folder, that a reload refusing the folder puts everything back, that a preview gone stale
// does nothing, and which change `undo` reverses.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUpload, commitChange, filesOfArticle, type ChangeRequest, type ReloadVerdict } from '../../src/library/libraryFiles.ts';
import { historyDirFor, readJournal } from '../../src/library/libraryHistory.ts';
import { readPending, savePending, PENDING_LIFETIME_MS } from '../../src/library/pendingChanges.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

const AUTHOR = { userId: '300000000000000001', userName: 'bien.tap', guildId: '400000000000000001' };
const FIRST = articleText('2025-11-02', 'Ngày 1/11, tại Đà Nẵng, hai bên đã hội đàm về hợp tác thanh long.');
const SECOND = articleText('2025-11-03', 'Ngày 2/11, hai bên đã ký biên bản ghi nhớ về cá ngừ.');

afterAll(removeCorpusCopies);

async function commit(dir: string, request: ChangeRequest, verdict: ReloadVerdict = 'ok') {
  return commitChange(
    dir,
    request,
    AUTHOR,
    async () => verdict,
    (reloaded) => reloaded,
  );
}

async function articleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /\.(txt|md)$/.test(name) && name !== 'README.md').sort();
}

describe('checkUpload', () => {
  it.each([
    ['.an.txt', FIRST, /starts with "\." so the loader would ignore it/],
    ['README.md', FIRST, /moderators' guide/],
    ['bai.docx', FIRST, /unsupported file type "\.docx"/],
    ['bai.txt', `date 2025-01\n\n${'x'.repeat(1024 * 1024)}`, /file too large/],
    ['bai co dau.txt', FIRST, /bad file name/],
    ['bai.txt', 'date 2025-13\n\nMột đoạn.\n', /^bai\.txt:1: malformed date "2025-13"/],
  ])('refuses %s as the loader would', (name, text, reason) => {
    const checked = checkUpload(name, Buffer.from(text));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(`${checked.errors[0]!.file}:${checked.errors[0]!.line}: ${checked.errors[0]!.reason}`).toMatch(reason);
  });

  it('accepts a valid article and reads it exactly as the loader does', () => {
    const checked = checkUpload('002_moi.txt', Buffer.from(FIRST));
    expect(checked.ok && checked.article.id).toBe('002_moi');
    expect(checked.ok && [...checked.article.paragraphs].map((paragraph) => paragraph.text)).toEqual([FIRST.split('\n')[2]]);
  });
});

describe('commitChange', () => {
  it('adds, replaces (keeping the old file in the history folder) and journals who did it', async () => {
    const dir = await copyOfBundledCorpus();
    const added = await commit(dir, {
      action: 'add',
      articleId: '002_moi',
      upload: { file: '002_moi.txt', bytes: Buffer.from(FIRST) },
      expected: [],
    });
    expect(added).toMatchObject({ status: 'done', kept: true });
    expect(await readFile(join(dir, '002_moi.txt'), 'utf8')).toBe(FIRST);

    const expected = await filesOfArticle(dir, '002_moi');
    // Replacing a .txt with a .md of the same id leaves one file for the id.
    const replaced = await commit(dir, {
      action: 'replace',
      articleId: '002_moi',
      upload: { file: '002_moi.md', bytes: Buffer.from(`---\ndate: 2025-11-03\n---\n\nHai bên đã ký.\n`) },
      expected,
    });
    expect(replaced).toMatchObject({ status: 'done', kept: true });
    expect((await articleFiles(dir)).filter((name) => name.startsWith('002_moi'))).toEqual(['002_moi.md']);
    const history = await readdir(historyDirFor(dir));
    const kept = history.find((name) => name.endsWith('_002_moi.txt'))!;
    expect(await readFile(join(historyDirFor(dir), kept), 'utf8')).toBe(FIRST);

    const journal = await readJournal(historyDirFor(dir));
    expect(
      journal.map((entry) => [entry.action, entry.articleId, entry.written, entry.saved.map((saved) => saved.file), entry.userName]),
    ).toEqual([
      ['add', '002_moi', ['002_moi.txt'], [], 'bien.tap'],
      ['replace', '002_moi', ['002_moi.md'], ['002_moi.txt'], 'bien.tap'],
    ]);
    // No temporary file is left behind.
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('puts every file back when the reload refuses the folder, and journals nothing', async () => {
    const dir = await copyOfBundledCorpus();
    const before = await articleFiles(dir);
    const original = await readFile(join(dir, '000_4f467cfc7a82818c.txt'));

    const add = await commit(
      dir,
      { action: 'add', articleId: '002_moi', upload: { file: '002_moi.txt', bytes: Buffer.from(FIRST) }, expected: [] },
      'failed',
    );
    expect(add).toMatchObject({ status: 'done', kept: false });
    const expected = await filesOfArticle(dir, '000_4f467cfc7a82818c');
    const replace = await commit(
      dir,
      {
        action: 'replace',
        articleId: '000_4f467cfc7a82818c',
        upload: { file: '000_4f467cfc7a82818c.txt', bytes: Buffer.from(SECOND) },
        expected,
      },
      'failed',
    );
    expect(replace).toMatchObject({ status: 'done', kept: false });
    const remove = await commit(dir, { action: 'remove', articleId: '000_4f467cfc7a82818c', expected }, 'failed');
    expect(remove).toMatchObject({ status: 'done', kept: false });

    expect(await articleFiles(dir)).toEqual(before);
    expect(await readFile(join(dir, '000_4f467cfc7a82818c.txt'))).toEqual(original);
    expect(await readJournal(historyDirFor(dir))).toEqual([]);
  });

  it('does nothing when the article changed since the preview', async () => {
    const dir = await copyOfBundledCorpus();
    const expected = await filesOfArticle(dir, '000_4f467cfc7a82818c');
    await writeFile(join(dir, '000_4f467cfc7a82818c.txt'), SECOND);
    let reloads = 0;
    const outcome = await commitChange(
      dir,
      { action: 'remove', articleId: '000_4f467cfc7a82818c', expected },
      AUTHOR,
      async () => reloads++,
      () => 'ok',
    );
    expect(outcome).toEqual({ status: 'stale', articleId: '000_4f467cfc7a82818c' });
    expect(reloads).toBe(0);
    expect(await readFile(join(dir, '000_4f467cfc7a82818c.txt'), 'utf8')).toBe(SECOND);
    // An add whose id appeared meanwhile is stale too: it would silently replace.
    const add = await commit(dir, {
      action: 'add',
      articleId: '000_4f467cfc7a82818c',
      upload: { file: '000_4f467cfc7a82818c.txt', bytes: Buffer.from(FIRST) },
      expected: [],
    });
    expect(add.status).toBe('stale');
  });

  it('undo reverses the last removal or replacement not undone yet, newest first, and never an addition', async () => {
    const dir = await copyOfBundledCorpus();
    expect(await commit(dir, { action: 'undo' })).toEqual({ status: 'nothing-to-undo' });

    await commit(dir, { action: 'add', articleId: '002_moi', upload: { file: '002_moi.txt', bytes: Buffer.from(FIRST) }, expected: [] });
    expect(await commit(dir, { action: 'undo' })).toEqual({ status: 'nothing-to-undo' });
    await commit(dir, {
      action: 'replace',
      articleId: '002_moi',
      upload: { file: '002_moi.txt', bytes: Buffer.from(SECOND) },
      expected: await filesOfArticle(dir, '002_moi'),
    });
    await commit(dir, { action: 'remove', articleId: '001_03677d34c6a97d66', expected: await filesOfArticle(dir, '001_03677d34c6a97d66') });

    const first = await commit(dir, { action: 'undo' });
    expect(first).toMatchObject({
      status: 'done',
      kept: true,
      entry: { action: 'undo', articleId: '001_03677d34c6a97d66', written: ['001_03677d34c6a97d66.txt'] },
    });
    expect(await articleFiles(dir)).toContain('001_03677d34c6a97d66.txt');

    const second = await commit(dir, { action: 'undo' });
    expect(second).toMatchObject({ status: 'done', entry: { articleId: '002_moi' } });
    expect(await readFile(join(dir, '002_moi.txt'), 'utf8')).toBe(FIRST);
    // The version the undo took away is kept too.
    const keptSecond = (await readdir(historyDirFor(dir))).filter((name) => name.endsWith('_002_moi.txt'));
    expect(await Promise.all(keptSecond.map((name) => readFile(join(historyDirFor(dir), name), 'utf8')))).toEqual(
      expect.arrayContaining([FIRST, SECOND]),
    );

    expect(await commit(dir, { action: 'undo' })).toEqual({ status: 'nothing-to-undo' });
  });
});

describe('pending changes', () => {
  it('keep an upload until confirmed, refuse a malformed token, and expire', async () => {
    const dir = await copyOfBundledCorpus();
    const now = Date.now();
    const pending = await savePending(
      dir,
      { action: 'add', articleId: '002_moi', file: '002_moi.txt', expected: [], userId: AUTHOR.userId, guildId: AUTHOR.guildId },
      Buffer.from(FIRST),
      now,
    );
    const read = await readPending(dir, pending.token, now + 1000);
    expect(read.ok && read.bytes?.toString('utf8')).toBe(FIRST);
    expect(await readPending(dir, '../../etc/passwd', now)).toEqual({ ok: false, reason: 'unknown' });
    expect(await readPending(dir, pending.token, now + PENDING_LIFETIME_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(await readPending(dir, pending.token, now)).toEqual({ ok: false, reason: 'unknown' });
  });
});
