// Articles written for this test in the style of Vietnamese wire news, unlike the bundled ones:
// the language tables, not the seeds, must carry the answers.
import { describe, expect, it } from 'vitest';
import { articleOf, names } from './extractFixtures.ts';
import { extractMeetings } from '../../src/extract/extractMeetings.ts';
import { extractAgreements } from '../../src/extract/extractAgreements.ts';
import { buildPassageIndex } from '../../src/search/passageIndex.ts';

const summit = articleOf(
  '2024-06-20',
  'Nhà lãnh đạo Triều Tiên Kim Jong-un ngày 19/6 đã tiếp Tổng thống Nga Vladimir Putin tại Bình Nhưỡng. Hai nhà lãnh đạo đã ký Hiệp ước Đối tác chiến lược toàn diện.',
  'Theo hãng thông tấn KCNA, ông Putin và ông Kim đã hội đàm trong hơn hai giờ.',
  'Bộ Ngoại giao Hàn Quốc cùng ngày tuyên bố phản đối thỏa thuận này.',
);

describe('an unseen article', () => {
  it('finds who received whom, when and where', () => {
    const [first] = extractMeetings(summit);
    expect(names(first?.participants)).toEqual(['Kim Jong-un', 'Vladimir Putin']);
    expect(first).toMatchObject({ date: '2024-06-19', place: 'Bình Nhưỡng' });
  });

  it('does not take opposing an agreement for agreeing', () => {
    const quotes = extractAgreements(summit, extractMeetings(summit)).map((item) => item.citations[0]!.quote);
    expect(quotes).toEqual(['Hai nhà lãnh đạo đã ký Hiệp ước Đối tác chiến lược toàn diện.']);
  });

  it('answers "who met Putin" from a passage that says they held talks, with no glossary', () => {
    const hits = buildPassageIndex([summit]).search('ai đã gặp Putin').hits;
    expect(hits.map((hit) => hit.paragraph)).toContain(2);
  });
});
