// /library's replies within Discord's limits: the list pages through many articles with working
// Previous/Next buttons, a long article's preview still fits one message, and forged button ids are refused.
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { parseArticle } from '../../src/corpus/parseArticle.ts';
import type { Article } from '../../src/corpus/types.ts';
import { decodeLibraryButton, encodeLibraryButton } from '../../src/discord/libraryCustomIds.ts';
import { ARTICLES_PER_PAGE, renderLibraryList, renderUploadPreview } from '../../src/discord/renderLibrary.ts';
import { embedLength, LIMITS } from '../../src/discord/replyPayload.ts';
import { previewArticle } from '../../src/library/articlePreview.ts';

function article(id: string, body: string, date = '2025-06'): Article {
  const parsed = parseArticle(`${id}.txt`, Buffer.from(`date ${date}\n\n${body}\n`));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.article;
}

const MEETING =
  'Ngày 1/11, tại Đà Nẵng, Bộ trưởng Ngoại giao Việt Nam Nguyễn Minh An đã hội đàm với Bộ trưởng Ngoại giao Peru Carlos Mendoza.';

describe('renderLibraryList', () => {
  const articles = Array.from({ length: 23 }, (_, index) =>
    article(`bai_${String(index).padStart(2, '0')}`, `Bài số ${index}. ${MEETING}`),
  );
  const library = buildLibrary({ articles, glossary: [] });
  const list = (page: number) =>
    renderLibraryList('en-US', {
      library,
      page,
      notLoaded: [{ file: 'ghi_chu.docx', why: 'not an article' }],
      history: [],
      nextUndo: undefined,
      historyFolder: '/srv/corpus-history',
    });

  it('shows ten articles a page, with Previous disabled on the first and Next on the last', () => {
    const first = list(0);
    expect(first.pageCount).toBe(3);
    expect(first.payload.embeds[0]!.description!.split('\n')).toHaveLength(ARTICLES_PER_PAGE);
    const buttons = first.payload.components[0]!.components as { custom_id: string; disabled: boolean; label: string }[];
    expect(buttons.map((button) => [button.label, button.disabled, decodeLibraryButton(button.custom_id)])).toEqual([
      ['Previous', true, { kind: 'page', page: 0 }],
      ['Next', false, { kind: 'page', page: 1 }],
    ]);
    const last = list(99);
    expect(last.page).toBe(2);
    expect(last.payload.embeds[0]!.description!.split('\n')).toHaveLength(3);
    expect(last.payload.embeds[0]!.footer?.text).toBe('23 articles · page 3 of 3');
    expect((last.payload.components[0]!.components as { disabled: boolean }[]).map((button) => button.disabled)).toEqual([false, true]);
  });
});

describe('renderUploadPreview', () => {
  it('fits one message for an article with hundreds of meetings', () => {
    const long = article('dai', Array.from({ length: 300 }, () => MEETING).join('\n'));
    const preview = previewArticle(long);
    expect(preview.meetings.length).toBeGreaterThan(100);
    const payload = renderUploadPreview('vi', { token: '0123456789abcdef', preview, fileName: 'dai.txt', size: 40_000 });
    const embed = payload.embeds[0]!;
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embed.fields?.find((field) => field.name.startsWith('Cuộc gặp'))?.value).toMatch(/… và \d+ mục khác$/);
  });
});

describe('library button ids', () => {
  it('read back what they encode', () => {
    for (const button of [
      { kind: 'confirm', token: '0123456789abcdef' },
      { kind: 'cancel', token: 'fedcba9876543210' },
      { kind: 'page', page: 12 },
    ] as const) {
      expect(decodeLibraryButton(encodeLibraryButton(button))).toEqual(button);
    }
  });

  it.each(['l:y:../../etc', 'l:y:0123', 'l:x:0123456789abcdef', 'l:p:-1', 'l:p:99999', 'l:y:0123456789ABCDEF'])(
    'refuses %s',
    (customId) => {
      expect(decodeLibraryButton(customId)).toBeUndefined();
    },
  );
});
