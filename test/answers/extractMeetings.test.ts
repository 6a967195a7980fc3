import { describe, expect, it } from 'vitest';
import { extractMeetings } from '../../src/extract/extractMeetings.ts';
import { articleOf, bundledArticle, expectVerbatimCitations, fixtureArticle, names } from './extractFixtures.ts';

describe('extractMeetings on the bundled corpus', () => {
  it('2023: Yoon Suk-yeol met Jens Stoltenberg on 11/7 beside the NATO summit; the spokesman only reported it', async () => {
    const article = await bundledArticle('000_');
    const meetings = extractMeetings(article);
    expect(meetings).toHaveLength(1);
    const [meeting] = meetings;
    expect(names(meeting!.participants)).toEqual(['Yoon Suk-yeol', 'Jens Stoltenberg']);
    expect(meeting!.participants).toContainEqual({ name: 'Yoon Suk-yeol', role: 'Tổng thống Hàn Quốc' });
    expect(names(meeting!.participants)).not.toContain('Lee Do-woon');
    expect(meeting!.date).toBe('2023-07-11');
    expect(meeting!.place).toContain('Hội nghị thượng đỉnh NATO');
    expect(meeting!.summary).toBe('Yoon Suk-yeol — Jens Stoltenberg · 2023-07-11 · bên lề Hội nghị thượng đỉnh NATO');
    expect(meeting!.citations[0]!.paragraph).toBe(1);
    expectVerbatimCitations(article, meetings);
  });

  it('2025: Wi Sung-lac held talks with Sekerinska, then Rutte ("lần lượt"), from 24/6; President Lee was represented, not present', async () => {
    const article = await bundledArticle('001_');
    const [first, second] = extractMeetings(article);
    expect(names(first!.participants)).toEqual(['Wi Sung-lac', 'Radmila Sekerinska']);
    expect(names(second!.participants)).toEqual(['Wi Sung-lac', 'Mark Rutte']);
    for (const talks of [first!, second!]) {
      expect(names(talks.participants)).not.toContain('Lee Jae Myung');
      expect(talks.date).toBe('2025-06-24');
      expect(talks.place).toBe('Hà Lan');
      expect(talks.status).toBe('held');
    }
  });

  it('2025: the 25/6 partners event joins "ông Wi đã tham dự sự kiện" and the list of who attended', async () => {
    const article = await bundledArticle('001_');
    const meetings = extractMeetings(article);
    expect(meetings).toHaveLength(3);
    const event = meetings[2]!;
    expect(names(event.participants)).toEqual(['Wi Sung-lac', 'Mark Rutte', 'Christopher Luxon', 'Richard Marles', 'Iwaya Takeshi']);
    expect(event.date).toBe('2025-06-25');
    expect(event.citations[0]!.quote).toMatch(/^Mặt khác, vào chiều 25\/6.*Iwaya Takeshi\.$/s);
    expectVerbatimCitations(article, meetings);
  });

  it('does not count a letter handed over, or a summit someone could not attend, as a meeting', async () => {
    const article = await bundledArticle('001_');
    expect(article.body).toContain('chuyển bức thư');
    const quotes = extractMeetings(article).map((meeting) => meeting.citations[0]!.quote);
    expect(quotes).toHaveLength(3);
    expect(quotes.filter((quote) => quote.includes('bức thư'))).toEqual([]);
  });
});

describe('extractMeetings on unseen articles', () => {
  it('lists all three foreign ministers of a three-way meeting, with day and venue', () => {
    const article = fixtureArticle('three_way_meeting.txt');
    const meetings = extractMeetings(article);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ date: '2024-07-26', place: 'Hội nghị Bộ trưởng Ngoại giao ASEAN' });
    expect(names(meetings[0]!.participants)).toEqual(['Bùi Thanh Sơn', 'Saleumxay Kommasith', 'Sok Chenda Sophea']);
    expectVerbatimCitations(article, meetings);
  });

  it('leaves out the spokesperson who reported the talks', () => {
    const article = fixtureArticle('spokesperson_reports_meeting.txt');
    const meetings = extractMeetings(article);
    expect(meetings).toHaveLength(1);
    expect(names(meetings[0]!.participants)).toEqual(['Vương Nghị', 'Sergei Lavrov']);
    expect(meetings[0]).toMatchObject({ date: '2025-04-08', place: 'Bắc Kinh' });
    expectVerbatimCitations(article, meetings);
  });

  it('leaves out a source named with "Theo"', () => {
    const article = articleOf(
      '2025-03',
      'Theo Người phát ngôn Điện Kremlin Dmitry Peskov, Tổng thống Nga Vladimir Putin đã tiếp Đặc phái viên Mỹ Steve Witkoff tại Moskva ngày 13/3.',
    );
    const [meeting] = extractMeetings(article);
    expect(names(meeting?.participants)).toEqual(['Vladimir Putin', 'Steve Witkoff']);
    expect(meeting?.date).toBe('2025-03-13');
  });

  it('keeps a reporter who is also the subject: "cho biết ông đã gặp …"', () => {
    const article = articleOf('2025-03', 'Thủ tướng Canada Mark Carney cho biết ông đã gặp Tổng thống Mỹ Donald Trump tại Washington.');
    expect(names(extractMeetings(article)[0]?.participants)).toEqual(['Mark Carney', 'Donald Trump']);
  });

  it('finds Vietnamese leaders\' talks and a "Cùng ngày" meeting dated like the one before', () => {
    const article = fixtureArticle('vietnamese_leaders.txt');
    const meetings = extractMeetings(article);
    expect(meetings.map((meeting) => [names(meeting.participants), meeting.date])).toEqual([
      [['Phạm Minh Chính', 'Lawrence Wong'], '2024-10-10'],
      [['Trần Thanh Mẫn', 'Lawrence Wong'], '2024-10-10'],
      // `Trước đó` ("before that") gives no day: the article's month, not its day of writing.
      [['Bùi Thanh Sơn', 'Jaya Ratnam'], '2024-10'],
    ]);
    expect(meetings[0]!.place).toBe('trụ sở Chính phủ');
    expect(meetings[2]!.participants).toContainEqual({ name: 'Jaya Ratnam', role: 'Đại sứ Singapore tại Việt Nam' });
    expectVerbatimCitations(article, meetings);
  });

  it('accepts one named person meeting a named organisation', () => {
    const article = articleOf('2024-05', 'Ngày 20/5, Thủ tướng Nhật Bản Kishida Fumio đã hội đàm với Liên minh châu Âu (EU) tại Tokyo.');
    const [meeting] = extractMeetings(article);
    expect(names(meeting?.participants)).toEqual(['Kishida Fumio']);
    expect(meeting?.summary).toContain('Kishida Fumio — Liên minh châu Âu (EU)');
  });

  it('emits nothing when no one is named, or a word only looks like a meeting', () => {
    const article = articleOf(
      '2024-05',
      'Ngày 20/5, Thứ trưởng Bộ Quốc phòng Việt Nam đã hội đàm với Thứ trưởng Bộ Quốc phòng Hàn Quốc.',
      'Tổng thống Pháp Emmanuel Macron tiếp tục gặp khó khăn khi tiếp cận cử tri, trong khi Thủ tướng Đức Friedrich Merz tiếp nhận đề xuất.',
    );
    expect(extractMeetings(article)).toEqual([]);
  });

  it('does not report a planned meeting ("sẽ gặp") as one that took place, but keeps it as planned', () => {
    const article = articleOf(
      '2025-08',
      'Phát ngôn viên Nhà Trắng Karoline Leavitt nói rằng Tổng thống Mỹ Donald Trump sẽ gặp Chủ tịch Trung Quốc Tập Cận Bình vào tháng 10.',
    );
    const meetings = extractMeetings(article);
    expect(meetings.map((meeting) => [meeting.status, names(meeting.participants)])).toEqual([
      ['planned', ['Donald Trump', 'Tập Cận Bình']],
    ]);
  });

  it('reads a received "người đồng cấp" (counterpart) as a participant', () => {
    const article = articleOf(
      '2025-08',
      'Bộ trưởng Quốc phòng Mỹ Pete Hegseth tiếp người đồng cấp Philippines Gilberto Teodoro tại Lầu Năm Góc.',
    );
    const [meeting] = extractMeetings(article);
    expect(names(meeting?.participants)).toEqual(['Pete Hegseth', 'Gilberto Teodoro']);
    expect(meeting?.place).toBe('Lầu Năm Góc');
  });

  it('does not make a meeting of people who only attended the same conference', () => {
    const article = articleOf('2024-05', 'Tổng thống Mỹ Joe Biden và Thủ tướng Ấn Độ Narendra Modi cùng tham dự Hội nghị G7 tại Italy.');
    expect(extractMeetings(article)).toEqual([]);
  });
});
