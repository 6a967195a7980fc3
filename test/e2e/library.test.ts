// /library through the real bot and discord.js, on a scratch copy of the corpus: a moderator adds an
// attached article after a preview, replaces it, removes one, undoes, and lists; bad uploads are
// refused privately and change nothing; a plain member is refused by every command, button and
// autocomplete. The stand-in serves the attachments as Discord's CDN would.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { historyDirFor, readJournal } from '../../src/library/libraryHistory.ts';
import type { AttachmentInput } from '../../tools/discord-stand-in/attachments.ts';
import type { MemberView } from '../../tools/discord-stand-in/discordDriver.ts';
import { BUNDLED_CORPUS, EDITOR_ROLE, MODERATOR_ROLE } from './support/citebotOnStandIn.ts';
import { useCitebotOnStandIn } from './support/useCitebotOnStandIn.ts';
import { buttonLabelled, buttonsOf, visibleText } from './support/whatMembersSee.ts';

const NEW_ID = '002_hoi_dam_da_nang';
const NEW_ARTICLE = `date 2025-11-02 Photo : TTXVN

Ngày 1/11, tại Đà Nẵng, Bộ trưởng Ngoại giao Việt Nam Nguyễn Minh An đã hội đàm với Bộ trưởng Ngoại giao Peru Carlos Mendoza về hợp tác nuôi trồng thanh long xuất khẩu.
Hai bên đã ký biên bản ghi nhớ về hợp tác nông nghiệp công nghệ cao.
`;
// The same article with its second paragraph rewritten and a third one added.
const EDITED_ARTICLE = `date 2025-11-02 Photo : TTXVN

Ngày 1/11, tại Đà Nẵng, Bộ trưởng Ngoại giao Việt Nam Nguyễn Minh An đã hội đàm với Bộ trưởng Ngoại giao Peru Carlos Mendoza về hợp tác nuôi trồng thanh long xuất khẩu.
Hai bên đã ký biên bản ghi nhớ về hợp tác đánh bắt cá ngừ đại dương.
Chuyến thăm kéo dài ba ngày.
`;
const BUNDLED_ID = '000_4f467cfc7a82818c';

describe('/library', () => {
  const citebot = useCitebotOnStandIn({ corpusCopiedFrom: BUNDLED_CORPUS, cooldown: new Cooldown(0) });

  const moderator = () => citebot.standIn.world.user({ id: '300000000000000001', username: 'bien.tap' });
  const plainMember = () => citebot.standIn.world.user({ id: '300000000000000002', username: 'doc.gia' });

  const library = (
    subcommand: string,
    options: Record<string, string | number | AttachmentInput> = {},
    who: 'moderator' | 'member' = 'moderator',
  ) =>
    citebot.driver.invokeCommand({
      name: 'library',
      subcommand,
      options,
      locale: 'en-US',
      ...(who === 'moderator' ? { user: moderator(), roles: [MODERATOR_ROLE] } : { user: plainMember(), roles: [EDITOR_ROLE] }),
    });
  const press = (view: MemberView, label: string, who: 'moderator' | 'member' = 'moderator') =>
    citebot.driver.pressButton({
      message: view.reply!,
      customId: buttonLabelled(view.reply, label).customId,
      locale: 'en-US',
      ...(who === 'moderator' ? { user: moderator(), roles: [MODERATOR_ROLE] } : { user: plainMember(), roles: [EDITOR_ROLE] }),
    });
  const ask = (question: string) =>
    citebot.driver.invokeCommand({ name: 'ask', options: { question }, user: citebot.standIn.world.user(), locale: 'en-US' });
  const sources = () => citebot.driver.invokeCommand({ name: 'sources', user: citebot.standIn.world.user(), locale: 'en-US' });

  /** Every file of the corpus folder with its hash: "changes nothing" means this stays equal. */
  const folderState = async () => {
    const names = (await readdir(citebot.corpusDir)).filter((name) => !name.startsWith('.')).sort();
    return Promise.all(
      names.map(
        async (name) =>
          `${name} ${createHash('sha256')
            .update(await readFile(join(citebot.corpusDir, name)))
            .digest('hex')}`,
      ),
    );
  };
  const auditLines = () => citebot.logs.filter((line) => line.audit === 'library');

  describe('refuses a bad upload privately and changes nothing', () => {
    // [what, the file, the reason shown, whether the bot had to download it to know]
    const refusals: [string, AttachmentInput, RegExp, boolean][] = [
      [
        'a Word file',
        { filename: 'bai_moi.docx', content: 'PK\u0003\u0004 not an article' },
        /bai_moi\.docx:0: unsupported file type "\.docx": only \.txt and \.md articles can be added/,
        false,
      ],
      [
        'a 2 MiB file',
        { filename: 'qua_lon.txt', content: `date 2025-01\n\n${'Một câu rất dài. '.repeat(130_000)}` },
        /qua_lon\.txt:0: file too large: \d+ bytes \(the limit is 1 MiB/,
        false,
      ],
      [
        'a malformed header',
        { filename: 'khong_ngay.txt', content: 'Ngày 1/11 tại Đà Nẵng hai bên đã hội đàm.\n\nHai bên đã ký biên bản ghi nhớ.\n' },
        /khong_ngay\.txt:1: .*date/i,
        true,
      ],
      [
        'a broken date',
        { filename: 'ngay_sai.txt', content: 'date 2025-02-30\n\nHai bên đã hội đàm tại Hà Nội.\n' },
        /ngay_sai\.txt:1: malformed date "2025-02-30": February 2025 has days 01 to 28/,
        true,
      ],
    ];

    it.each(refusals)('%s', async (_, file, reason, downloads) => {
      const before = await folderState();
      const articlesBefore = citebot.store.current.corpus.articles.length;
      const downloadsBefore = citebot.standIn.attachments.downloads.length;

      const refused = await library('add', { file });
      expect(refused.ephemeral).toBe(true);
      const text = visibleText(refused.reply);
      expect(text).toContain('This file was not added');
      expect(text).toContain('Nothing was changed.');
      expect(text).toMatch(reason);
      expect(buttonsOf(refused.reply)).toEqual([]);

      expect(await folderState()).toEqual(before);
      expect(citebot.store.current.corpus.articles.length).toBe(articlesBefore);
      // A wrong type or a declared size over the limit is refused before anything is downloaded.
      const downloaded = citebot.standIn.attachments.downloads.length - downloadsBefore;
      expect(downloaded).toBe(downloads ? 1 : 0);
      expect(auditLines().at(-1)).toMatchObject({
        action: 'add',
        result: 'rejected',
        user: moderator().id,
        guild: citebot.standIn.world.guilds[0]!.id,
      });
    });

    it('stops reading an attachment larger than Discord declared', async () => {
      const before = await folderState();
      const refused = await library('add', {
        file: { filename: 'noi_doi.txt', content: `date 2025-01\n\n${'Một câu. '.repeat(200_000)}`, declaredSize: 1_000 },
      });
      expect(refused.ephemeral).toBe(true);
      expect(visibleText(refused.reply)).toMatch(
        /could not read the attachment from Discord \(larger than 1048576 bytes\)\. Nothing was changed/,
      );
      expect(await folderState()).toEqual(before);
    });
  });

  it('adds an attached article after a private preview, then /ask finds it', async () => {
    const before = await folderState();
    const preview = await library('add', { file: { filename: `${NEW_ID}.txt`, content: NEW_ARTICLE } });
    expect(preview.ephemeral).toBe(true);
    const text = visibleText(preview.reply);
    expect(text).toContain(`Add the article ${NEW_ID}?`);
    expect(text).toContain('2025-11-02');
    expect(text).toContain('First words\nNgày 1/11, tại Đà Nẵng, Bộ trưởng Ngoại giao Việt Nam Nguyễn…');
    expect(text).toContain('Source\nTTXVN');
    expect(text).toContain('Paragraphs\n2');
    expect(text).toContain('Meetings the bot will find (1)\n- 2025-11-01 · Nguyễn Minh An, Carlos Mendoza · Đà Nẵng');
    expect(text).toMatch(/Agreements the bot will find \(1\)\n- .*ký biên bản ghi nhớ về hợp tác nông nghiệp công nghệ cao/);
    expect(buttonsOf(preview.reply).map((button) => button.label)).toEqual(['Add', 'Cancel']);
    // Nothing is written before the moderator confirms.
    expect(await folderState()).toEqual(before);

    const added = await press(preview, 'Add');
    const done = visibleText(added.reply);
    expect(done).toContain(`Article ${NEW_ID} added`);
    expect(done).toContain('Library reloaded');
    expect(done).toContain(`Added (1)\n\`${NEW_ID}\``);
    expect(buttonsOf(added.reply)).toEqual([]);
    expect(await readFile(join(citebot.corpusDir, `${NEW_ID}.txt`), 'utf8')).toBe(NEW_ARTICLE);
    expect(auditLines().at(-1)).toMatchObject({ action: 'add', article: NEW_ID, result: 'ok', user: moderator().id, userName: 'bien.tap' });

    const found = await ask('thanh long');
    expect(visibleText(found.reply)).toContain(`${NEW_ID}#1`);
  });

  it('offers Replace for an id that exists, shows what changes, and keeps the old file in the history folder', async () => {
    const preview = await library('add', { file: { filename: `${NEW_ID}.txt`, content: EDITED_ARTICLE } });
    const text = visibleText(preview.reply);
    expect(text).toContain(`Replace the article ${NEW_ID}?`);
    expect(text).toContain('What changes');
    expect(text).toContain('Paragraphs: 2 → 3 · new or edited: ¶2, ¶3 · 1 of the old paragraphs gone');
    expect(text).toContain('Agreements: 1 → 1');
    expect(buttonsOf(preview.reply).map((button) => button.label)).toEqual(['Replace', 'Cancel']);

    const replaced = await press(preview, 'Replace');
    const done = visibleText(replaced.reply);
    expect(done).toContain(`Article ${NEW_ID} replaced`);
    expect(done).toContain(`Changed (1)\n\`${NEW_ID}\``);
    expect(await readFile(join(citebot.corpusDir, `${NEW_ID}.txt`), 'utf8')).toBe(EDITED_ARTICLE);
    const kept = (await readdir(historyDirFor(citebot.corpusDir))).filter((name) => name.endsWith(`_${NEW_ID}.txt`));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(historyDirFor(citebot.corpusDir), kept[0]!), 'utf8')).toBe(NEW_ARTICLE);
    expect(visibleText((await ask('cá ngừ đại dương')).reply)).toContain(`${NEW_ID}#2`);
  });

  it('Cancel leaves the library as it was', async () => {
    const before = await folderState();
    const preview = await library('add', {
      file: { filename: '003_huy.md', content: '---\ndate: 2024-05-20\ntitle: Bài sẽ bị hủy\n---\n\nHai bên đã hội đàm.\n' },
    });
    const cancelled = await press(preview, 'Cancel');
    expect(cancelled.ephemeral).toBe(true);
    expect(visibleText(cancelled.reply)).toBe('Cancelled: nothing was changed.');
    expect(buttonsOf(cancelled.reply)).toEqual([]);
    expect(await folderState()).toEqual(before);
  });

  it('removes an article picked by its title words, after showing it', async () => {
    const suggestions = await citebot.driver.invokeAutocomplete({
      name: 'library',
      subcommand: 'remove',
      options: { id: 'phat ngon vien' },
      focused: 'id',
      user: moderator(),
      roles: [MODERATOR_ROLE],
    });
    expect(suggestions.choices?.map((choice) => choice.value)).toEqual([BUNDLED_ID]);
    const byId = await citebot.driver.invokeAutocomplete({
      name: 'library',
      subcommand: 'remove',
      options: { id: '002_' },
      focused: 'id',
      user: moderator(),
      roles: [MODERATOR_ROLE],
    });
    expect(byId.choices?.map((choice) => choice.value)).toEqual([NEW_ID]);

    const confirm = await library('remove', { id: BUNDLED_ID });
    expect(confirm.ephemeral).toBe(true);
    const text = visibleText(confirm.reply);
    expect(text).toContain(`Remove the article ${BUNDLED_ID}?`);
    expect(text).toContain('2023-07');
    expect(text).toContain('Source\nYONHAP News');
    expect(text).toMatch(/Meetings the bot finds \(\d+\)\n- 2023-07-11 · Yoon Suk-yeol, Jens Stoltenberg/);
    expect(buttonsOf(confirm.reply).map((button) => button.label)).toEqual(['Remove', 'Cancel']);

    const removed = await press(confirm, 'Remove');
    expect(visibleText(removed.reply)).toContain(`Article ${BUNDLED_ID} removed`);
    expect(visibleText(removed.reply)).toContain(`Removed (1)\n\`${BUNDLED_ID}\``);
    expect((await readdir(citebot.corpusDir)).filter((name) => name.startsWith(BUNDLED_ID))).toEqual([]);
    expect((await readdir(historyDirFor(citebot.corpusDir))).some((name) => name.endsWith(`_${BUNDLED_ID}.txt`))).toBe(true);
    expect(visibleText((await sources()).reply)).not.toContain(BUNDLED_ID);
    expect(auditLines().at(-1)).toMatchObject({ action: 'remove', article: BUNDLED_ID, result: 'ok', user: moderator().id });
  });

  it('undo puts back the last article removed, then the one replaced before it', async () => {
    const first = await library('undo');
    expect(first.ephemeral).toBe(true);
    expect(visibleText(first.reply)).toContain(`Article ${BUNDLED_ID} put back`);
    expect(visibleText(first.reply)).toContain(`Added (1)\n\`${BUNDLED_ID}\``);
    expect(visibleText((await sources()).reply)).toContain(BUNDLED_ID);

    const second = await library('undo');
    expect(visibleText(second.reply)).toContain(`Article ${NEW_ID} put back`);
    expect(visibleText(second.reply)).toContain(`Changed (1)\n\`${NEW_ID}\``);
    expect(await readFile(join(citebot.corpusDir, `${NEW_ID}.txt`), 'utf8')).toBe(NEW_ARTICLE);

    const nothing = await library('undo');
    expect(visibleText(nothing.reply)).toBe('There is nothing to undo: no article has been removed or replaced with /library.');
    const journal = await readJournal(historyDirFor(citebot.corpusDir));
    expect(journal.map((entry) => `${entry.action} ${entry.articleId}`)).toEqual([
      `add ${NEW_ID}`,
      `replace ${NEW_ID}`,
      `remove ${BUNDLED_ID}`,
      `undo ${BUNDLED_ID}`,
      `undo ${NEW_ID}`,
    ]);
  });

  it('puts the folder back as it was when the reload after Add refuses it, and says why', async () => {
    // A broken file copied in by other means: every reload is refused until it is fixed.
    await writeFile(join(citebot.corpusDir, 'hong.txt'), 'date 2025-13\n\nBài hỏng.\n');
    try {
      const before = await folderState();
      const preview = await library('add', { file: { filename: '006_bi_tu_choi.txt', content: NEW_ARTICLE.replace('Peru', 'Chile') } });
      const refused = await press(preview, 'Add');
      const text = visibleText(refused.reply);
      expect(text).toContain('Not changed: the library refused the folder');
      expect(text).toContain('Reload failed: the previous library is still in use');
      expect(text).toMatch(/- hong\.txt:1: malformed date "2025-13"/);
      expect(await folderState()).toEqual(before);
      expect(citebot.store.current.articlesById.has('006_bi_tu_choi')).toBe(false);
      expect(auditLines().at(-1)).toMatchObject({ action: 'add', article: '006_bi_tu_choi', result: 'rolled-back' });
    } finally {
      await rm(join(citebot.corpusDir, 'hong.txt'));
    }
  });

  it('lists the articles, the files not loaded with why, and the history', async () => {
    await writeFile(join(citebot.corpusDir, 'ghi_chu.docx'), 'not an article');
    await mkdir(join(citebot.corpusDir, 'cu'));
    await writeFile(join(citebot.corpusDir, 'hong.txt'), 'date 2025-13\n\nBài hỏng.\n');
    try {
      const listed = await library('list');
      expect(listed.ephemeral).toBe(true);
      const text = visibleText(listed.reply);
      for (const id of [BUNDLED_ID, '001_03677d34c6a97d66', NEW_ID]) expect(text).toContain(id);
      expect(text).toContain('Files not loaded (3)');
      expect(text).toContain('`cu/`: a sub-folder: only files directly in the corpus folder are loaded');
      expect(text).toContain('`ghi_chu.docx`: unsupported file type ".docx": only .txt and .md articles are loaded');
      expect(text).toMatch(/`hong\.txt`: rejected: 1: malformed date "2025-13"/);
      expect(text).toMatch(/Changes made with \/library \(latest first\)\n- [\d-]+ [\d:]+ · put back `002_hoi_dam_da_nang` · bien\.tap/);
      expect(text).toContain('3 articles · page 1 of 1');
    } finally {
      await Promise.all([
        rm(join(citebot.corpusDir, 'ghi_chu.docx')),
        rm(join(citebot.corpusDir, 'cu'), { recursive: true }),
        rm(join(citebot.corpusDir, 'hong.txt')),
      ]);
    }
  });

  it('turns the pages of the list for a moderator, and not for a plain member', async () => {
    for (let index = 0; index < 8; index++) {
      await writeFile(
        join(citebot.corpusDir, `01${index}_trang.txt`),
        `date 2024-0${index + 1}\n\nBài thứ ${index} về hợp tác giáo dục.\n`,
      );
    }
    const reloaded = await citebot.driver.invokeCommand({ name: 'reload', user: moderator(), roles: [MODERATOR_ROLE], locale: 'en-US' });
    expect(visibleText(reloaded.reply)).toContain('11 articles');

    const first = await library('list');
    expect(visibleText(first.reply)).toContain('11 articles · page 1 of 2');
    expect(buttonsOf(first.reply).map((button) => [button.label, button.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
    const refused = await press(first, 'Next', 'member');
    expect(refused.reply?.content).toBe('Only members with Manage Server or a moderator role can change the library.');

    const second = await press(first, 'Next');
    expect(second.ephemeral).toBe(true);
    expect(visibleText(second.reply)).toContain('11 articles · page 2 of 2');
    expect(visibleText(second.reply)).toContain('`017_trang`');
    expect(visibleText(second.reply)).not.toContain('`010_trang`');
  });

  describe('a plain member is refused every time', () => {
    const refusal = 'Only members with Manage Server or a moderator role can change the library.';

    it.each([
      ['add', { file: { filename: '004_la.txt', content: NEW_ARTICLE } }],
      ['remove', { id: BUNDLED_ID }],
      ['undo', {}],
      ['list', {}],
    ] as const)('/library %s', async (subcommand, options) => {
      const before = await folderState();
      const downloadsBefore = citebot.standIn.attachments.downloads.length;
      const refused = await library(subcommand, options as Record<string, string | AttachmentInput>, 'member');
      expect(refused.ephemeral).toBe(true);
      expect(refused.reply?.content).toBe(refusal);
      expect(await folderState()).toEqual(before);
      expect(citebot.standIn.attachments.downloads.length).toBe(downloadsBefore);
      expect(citebot.logs.at(-2)).toMatchObject({ msg: 'library refused', action: subcommand, user: plainMember().id, result: 'refused' });
    });

    it('the id autocomplete suggests nothing', async () => {
      const seen = await citebot.driver.invokeAutocomplete({
        name: 'library',
        subcommand: 'remove',
        options: { id: '00' },
        focused: 'id',
        user: plainMember(),
        roles: [EDITOR_ROLE],
      });
      expect(seen.choices).toEqual([]);
    });

    it('the Add, Remove and Cancel buttons do nothing for them', async () => {
      const upload = await library('add', { file: { filename: '005_thu.txt', content: NEW_ARTICLE.replace('Peru', 'Chile') } });
      const removal = await library('remove', { id: NEW_ID });
      const before = await folderState();
      for (const [view, label] of [
        [upload, 'Add'],
        [upload, 'Cancel'],
        [removal, 'Remove'],
      ] as const) {
        const refused = await press(view, label, 'member');
        expect(refused.ephemeral).toBe(true);
        expect(refused.reply?.content).toBe(refusal);
      }
      expect(await folderState()).toEqual(before);
      // The moderator's previews still work afterwards: the refused presses did not use them up.
      const cancelled = await press(removal, 'Cancel');
      expect(visibleText(cancelled.reply)).toBe('Cancelled: nothing was changed.');
      await press(upload, 'Cancel');
    });
  });
});
