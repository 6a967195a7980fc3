// Citations that name their source: outlet, headline, date, paragraph and link, from a corpus whose
// .txt header carries Source, Title and URL lines, and /cite's sentence option and plain-text form.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { plainCitation } from '../../src/answers/citationText.ts';
import type { Library } from '../../src/library/library.ts';
import type { Question } from '../../src/answers/question.ts';
import { loadLibrary } from '../../src/library/libraryStore.ts';

const ENERGY = {
  source: 'Báo Thế giới và Việt Nam',
  title: 'Việt Nam và Nhật Bản nhất trí mở rộng hợp tác năng lượng sạch',
  url: 'https://example.vn/the-gioi/viet-nam-nhat-ban-nang-luong-sach',
};
const EDUCATION_TITLE = 'Hàn Quốc và Việt Nam ký kết hợp tác giáo dục đại học';

let library: Library;
beforeAll(async () => {
  const loaded = await loadLibrary('test/fixtures/sourced-corpus');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  library = loaded.library;
});

const ask = (question: Question): Answer => answerQuestion(library, question);
const citations = (answer: Answer) => [...answer.items].flatMap((item) => item.citations);

describe('citations name their source', () => {
  it.each<Question>([
    { command: 'who-met' },
    { command: 'agreements' },
    { command: 'ask', question: 'năng lượng' },
    { command: 'sources' },
  ])('$command: each quote carries its article’s outlet, headline and link, and is verbatim', (question) => {
    const cited = citations(ask(question));
    expect(cited.length).toBeGreaterThan(0);
    for (const citation of cited) {
      const article = library.articlesById.get(citation.articleId)!;
      expect(article.paragraphs.numbered(citation.paragraph)!.text).toContain(citation.quote);
      if (citation.articleId === 'vn_viet_nhat_nang_luong') expect(citation).toMatchObject({ ...ENERGY, date: '2024-11-12' });
      else {
        expect(citation.title).toBe(EDUCATION_TITLE);
        expect(citation).not.toHaveProperty('source');
        expect(citation).not.toHaveProperty('url');
      }
    }
  });

  it('keeps the photo credit apart from the outlet in /sources', () => {
    const [energy] = ask({ command: 'sources' }).items;
    expect(energy).toMatchObject({ source: ENERGY.source, title: ENERGY.title, url: ENERGY.url, credit: 'Thông tấn xã Việt Nam' });
  });

  it('calls an article without a headline untitled, and labels its first words as the opening', async () => {
    const loaded = await loadLibrary('corpus');
    if (!loaded.ok) throw new Error('bundled corpus');
    const [item] = answerQuestion(loaded.library, { command: 'cite', id: '001_03677d34c6a97d66#5' }).items;
    expect(item!.kind).toBe('passage');
    expect(item).not.toHaveProperty('title');
    expect(item!.kind === 'passage' ? item!.opening : undefined).toMatch(/^Thay mặt Tổng thống Lee Jae Myung/);
    expect(item!.summary).toMatch(/^untitled article \(opens “Thay mặt Tổng thống Lee Jae Myung .*”\) — ¶5$/);
    expect(item!.citations[0]).not.toHaveProperty('title');
  });
});

describe('/cite', () => {
  it('quotes one sentence of the paragraph with `sentence`', () => {
    const whole = ask({ command: 'cite', id: 'vn_viet_nhat_nang_luong#2' });
    const second = ask({ command: 'cite', id: 'vn_viet_nhat_nang_luong#2', sentence: 2 });
    expect(second.options).toEqual({ id: 'vn_viet_nhat_nang_luong#2', sentence: 2 });
    expect(second.items.at(0)!.citations[0]!.quote).toBe('Lộ trình sẽ được trình lên lãnh đạo hai nước vào đầu năm sau.');
    expect(whole.items.at(0)!.citations[0]!.quote).toContain(second.items.at(0)!.citations[0]!.quote);
  });

  it('says which sentences there are when the sentence does not exist', () => {
    const answer = ask({ command: 'cite', id: 'vn_viet_nhat_nang_luong#2', sentence: 3 });
    expect([...answer.items]).toEqual([]);
    expect(answer.nothingFound).toEqual({
      reason: 'no-such-sentence',
      articleId: 'vn_viet_nhat_nang_luong',
      paragraph: 2,
      sentence: 3,
      sentenceCount: 2,
    });
  });

  it('writes the standard plain form, leaving out what the article lacks', () => {
    const energy = ask({ command: 'cite', id: 'vn_viet_nhat_nang_luong#2', sentence: 1 }).items.at(0)!.citations[0]!;
    expect(plainCitation(energy)).toBe(
      '“Hai bên đã nhất trí xây dựng lộ trình chung về chuyển đổi năng lượng sạch giai đoạn 2025-2030.” — Báo Thế giới và Việt Nam, “Việt Nam và Nhật Bản nhất trí mở rộng hợp tác năng lượng sạch”, 2024-11-12, ¶2, https://example.vn/the-gioi/viet-nam-nhat-ban-nang-luong-sach',
    );
    const education = ask({ command: 'cite', id: 'vn_han_quoc_giao_duc#3' }).items.at(0)!.citations[0]!;
    expect(plainCitation(education)).toBe(
      '“Theo kế hoạch, chương trình học bổng chung sẽ bắt đầu từ năm học 2024-2025.” — “Hàn Quốc và Việt Nam ký kết hợp tác giáo dục đại học”, 2024-03, ¶3, vn_han_quoc_giao_duc#3',
    );
  });
});
