import { describe, expect, it } from 'vitest';
import { extractAgreements, findAgreementWords } from '../../src/extract/extractAgreements.ts';
import { extractMeetings } from '../../src/extract/extractMeetings.ts';
import type { Article } from '../../src/corpus/types.ts';
import { articleOf, bundledArticle, expectVerbatimCitations, fixtureArticle, names } from './extractFixtures.ts';

const agreementsOf = (article: Article) => extractAgreements(article, extractMeetings(article));
const verbsIn = (text: string) => findAgreementWords(text).map((match) => text.slice(match.start, match.end));

describe('extractAgreements on the bundled corpus', () => {
  it('2023: the ITPP adoption, the commitments and the regular high-level talks, but not "đồng tình"', async () => {
    const article = await bundledArticle('000_');
    const agreements = agreementsOf(article);
    expect(agreements.map((item) => item.summary.split(' ').slice(0, 2).join(' '))).toEqual(['thông qua', 'cam kết', 'nhất trí']);
    expect(agreements[0]!.summary).toContain('thông qua "Chương trình hợp tác được điều chỉnh riêng" (ITPP)');
    expect(names(agreements[0]!.parties)).toEqual(['Yoon Suk-yeol', 'Jens Stoltenberg']);
    expect(agreements[0]!.date).toBe('2023-07-11');
    expect(names(agreements[1]!.parties)).toEqual(['Seoul', 'NATO']);
    expect(agreements[2]!.summary).toContain('họp cấp cao thường kỳ');
    expect(agreements.some((item) => item.citations[0]!.quote.includes('đồng tình'))).toBe(false);
    expectVerbatimCitations(article, agreements);
  });

  it('2025: the consultation mechanism agreed by "Hai bên" and the joint statement, not "thông qua việc"', async () => {
    const article = await bundledArticle('001_');
    const agreements = agreementsOf(article);
    expect(agreements).toHaveLength(2);
    expect(agreements[0]!.citations[0]!.quote).toMatch(
      /^Hai bên đã nhất trí thành lập cơ chế tham vấn công nghiệp quốc phòng cấp Vụ trưởng/,
    );
    // `Hai bên` follows the talks with Rutte, the last of the two told "in turn".
    expect(names(agreements[0]!.parties)).toEqual(['Wi Sung-lac', 'Mark Rutte']);
    expect(agreements[0]!.date).toBe('2025-06-24');
    expect(agreements[1]!.summary).toMatch(/^ra tuyên bố chung/);
    expect(names(agreements[1]!.parties)).toEqual(['Mark Rutte', 'các đối tác Ấn Độ-Thái Bình Dương']);
    expect(agreements[1]!.date).toBe('2025-06-25');
    expectVerbatimCitations(article, agreements);
  });
});

describe('extractAgreements on unseen articles', () => {
  it('finds a signing with no meeting, its two ministers and its day, not the city', () => {
    const article = fixtureArticle('signing_without_meeting.txt');
    expect(extractMeetings(article)).toEqual([]);
    const agreements = agreementsOf(article);
    expect(agreements).toHaveLength(1);
    expect(agreements[0]!.summary).toBe('ký kết bản ghi nhớ về hợp tác trong lĩnh vực năng lượng tái tạo và khoáng sản chiến lược');
    expect(agreements[0]!.parties).toEqual([
      { name: 'Nguyễn Hồng Diên', role: 'Bộ trưởng Bộ Công Thương' },
      { name: 'Don Farrell', role: 'Bộ trưởng Thương mại Australia' },
    ]);
    expect(agreements[0]!.date).toBe('2024-09-05');
    expectVerbatimCitations(article, agreements);
  });

  it('reads "Ba bên" and "Hai Thủ tướng" as the people of the meeting before', () => {
    const threeWay = agreementsOf(fixtureArticle('three_way_meeting.txt'));
    expect(names(threeWay[0]?.parties)).toEqual(['Bùi Thanh Sơn', 'Saleumxay Kommasith', 'Sok Chenda Sophea']);
    const leaders = agreementsOf(fixtureArticle('vietnamese_leaders.txt'));
    expect(leaders).toHaveLength(1);
    expect(names(leaders[0]!.parties)).toEqual(['Phạm Minh Chính', 'Lawrence Wong']);
    expect(leaders[0]!.date).toBe('2024-10-10');
  });

  it('finds none in an article of concurring, failed talks and "thông qua việc"', () => {
    const article = fixtureArticle('no_agreement.txt');
    expect(agreementsOf(article)).toEqual([]);
    expect(extractMeetings(article)).toHaveLength(1);
  });

  it('keeps one line per agreement, ending with an ellipsis when cut', () => {
    const long = `Hai nước đã ký hiệp định ${'về hợp tác kinh tế và thương mại '.repeat(10)}.`;
    const [item] = agreementsOf(articleOf('2024-01', long));
    expect(item!.summary.length).toBeLessThanOrEqual(141);
    expect(item!.summary.endsWith('…')).toBe(true);
    expect(item!.summary).not.toContain('\n');
  });
});

describe('findAgreementWords', () => {
  it('skips the "ký" inside "Tổng thư ký" and "đăng ký"', () => {
    expect(verbsIn('Tổng thư ký NATO kêu gọi doanh nghiệp đăng ký.')).toEqual([]);
  });

  it('finds "ký" as "signed" and prefers the longest phrase', () => {
    expect(verbsIn('Hai bên đã ký kết và cùng ký văn kiện.')).toEqual(['ký kết', 'ký']);
  });

  it('counts "thông qua" only before a document', () => {
    expect(verbsIn('Quốc hội thông qua nghị quyết, tăng cường hợp tác thông qua việc trao đổi và thông qua hợp tác chuẩn hóa.')).toEqual([
      'thông qua',
    ]);
  });

  it("ignores denied agreements and the capitalised treaty in NATO's name", () => {
    expect(verbsIn('Hai bên chưa đạt được thỏa thuận, không nhất trí về Tổ chức Hiệp ước Bắc Đại Tây Dương.')).toEqual([]);
  });

  it('does not read national reunification as an agreement', () => {
    expect(verbsIn('Kỷ niệm 50 năm ngày thống nhất đất nước.')).toEqual([]);
  });
});
