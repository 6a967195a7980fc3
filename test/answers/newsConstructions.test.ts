// Constructions learned from real Vietnamese news (see test/fixtures/real-news/SOURCES.tsv), each in a
// sentence of our own: held or planned, titles with their qualifiers, whole places, dates of the event,
// agreements in the forms papers use, and what is not an agreement.
import { describe, expect, it } from 'vitest';
import { articleOf, names } from './extractFixtures.ts';
import { extractMeetings } from '../../src/extract/extractMeetings.ts';
import { extractAgreements } from '../../src/extract/extractAgreements.ts';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { Article } from '../../src/corpus/types.ts';
import { everyItem } from '../../src/text/listByIndex.ts';

function meetingsOf(article: Article) {
  return extractMeetings(article).map((meeting) => ({
    status: meeting.status,
    names: names(meeting.participants),
    date: meeting.date,
    ...(meeting.place ? { place: meeting.place } : {}),
  }));
}

function agreementsOf(article: Article) {
  return extractAgreements(article, extractMeetings(article));
}

describe('held, planned or only wished for', () => {
  it('a marker of the future with words before the verb makes a meeting planned: "sẽ lần lượt hội đàm", "dự kiến sẽ có cuộc gặp"', () => {
    const article = articleOf(
      '2024-11-04',
      'Ngoại trưởng Hàn Quốc Cho Tae-yul sẽ lần lượt hội đàm với Ngoại trưởng Nhật Bản Iwaya Takeshi và Ngoại trưởng Mỹ Antony Blinken.',
      'Theo kế hoạch, Thủ tướng Nhật Bản Ishiba Shigeru dự kiến sẽ có cuộc gặp với Tổng thống Yoon Suk Yeol.',
    );
    expect(meetingsOf(article).map((meeting) => [meeting.status, meeting.names])).toEqual([
      ['planned', ['Cho Tae-yul', 'Iwaya Takeshi']],
      ['planned', ['Cho Tae-yul', 'Antony Blinken']],
      ['planned', ['Ishiba Shigeru', 'Yoon Suk Yeol']],
    ]);
  });

  it('"Như dự kiến, … đã hội đàm" took place; a meeting someone hopes for is neither held nor planned', () => {
    const article = articleOf(
      '2024-11-04',
      'Như dự kiến, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Singapore Lawrence Wong.',
      'Thủ tướng Lawrence Wong bày tỏ hy vọng sớm được gặp Tổng Bí thư Tô Lâm.',
    );
    expect(meetingsOf(article).map((meeting) => [meeting.status, meeting.names])).toEqual([['held', ['Phạm Minh Chính', 'Lawrence Wong']]]);
  });

  it('a meeting told without "đã" or "sẽ" on a day after the article is planned', () => {
    const article = articleOf(
      '2025-11-07',
      'Ngày 11.11, Thủ tướng Malaysia Anwar Ibrahim hội đàm với Thủ tướng Phạm Minh Chính tại Trụ sở Chính phủ.',
    );
    expect(meetingsOf(article)).toEqual([
      { status: 'planned', names: ['Anwar Ibrahim', 'Phạm Minh Chính'], date: '2025-11-11', place: 'Trụ sở Chính phủ' },
    ]);
  });

  it('/who-met lists held meetings first, planned ones after them, each with its status', () => {
    const article = articleOf(
      '2024-11-04',
      'Ngày 2/11, Bộ trưởng Quốc phòng Hàn Quốc Kim Yong-hyun đã gặp Bộ trưởng Quốc phòng Mỹ Lloyd Austin.',
      'Ông Kim sẽ gặp Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen vào tuần tới.',
    );
    const answer = answerQuestion(buildLibrary({ articles: [article], glossary: [] }), { command: 'who-met' });
    expect([...answer.items].map((item) => (item.kind === 'meeting' ? [item.status, names(item.participants)] : [item.kind]))).toEqual([
      ['held', ['Kim Yong-hyun', 'Lloyd Austin']],
      ['planned', ['Kim Yong-hyun', 'Nakatani Gen']],
    ]);
  });

  it('/who-met with a person lists the planned meetings of that person only, by name or title', () => {
    const article = articleOf(
      '2024-11-04',
      'Ngày 2/11, Bộ trưởng Quốc phòng Hàn Quốc Kim Yong-hyun đã gặp Bộ trưởng Quốc phòng Mỹ Lloyd Austin.',
      'Ông Kim sẽ gặp Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen vào tuần tới.',
    );
    const library = buildLibrary({ articles: [article], glossary: [] });
    const listed = (person: string) =>
      [...answerQuestion(library, { command: 'who-met', person }).items].map((item) =>
        item.kind === 'meeting' ? [item.status, names(item.participants)] : [item.kind],
      );
    expect(listed('Nakatani')).toEqual([['planned', ['Kim Yong-hyun', 'Nakatani Gen']]]);
    expect(listed('nhat ban')).toEqual([['planned', ['Kim Yong-hyun', 'Nakatani Gen']]]);
    expect(listed('Austin')).toEqual([['held', ['Kim Yong-hyun', 'Lloyd Austin']]]);
  });
});

describe('people exactly as written', () => {
  it('keeps "cựu" and the country in a title, and a chain of offices before the name', () => {
    const article = articleOf(
      '2025-03-05',
      'Chiều 4/3, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp cựu Thủ tướng Anh Tony Blair tại Hà Nội.',
    );
    const [meeting] = extractMeetings(article);
    expect(meeting?.participants).toEqual([
      { name: 'Bùi Thanh Sơn', role: 'Phó Thủ tướng, Bộ trưởng Ngoại giao' },
      { name: 'Tony Blair', role: 'cựu Thủ tướng Anh' },
    ]);
  });

  it('takes the office written after a name ("ông X, Chủ tịch Tập đoàn Y") and does not make the company a person', () => {
    const article = articleOf(
      '2024-03-06',
      'Chiều 5/3, Thủ tướng Phạm Minh Chính đã tiếp ông Kenji Morita, Chủ tịch Tập đoàn Sakura Energy, tại Trụ sở Chính phủ.',
    );
    const [meeting] = extractMeetings(article);
    expect(meeting?.participants).toEqual([
      { name: 'Phạm Minh Chính', role: 'Thủ tướng' },
      { name: 'Kenji Morita', role: 'Chủ tịch Tập đoàn Sakura Energy' },
    ]);
  });

  it('leaves out whoever only accompanies, and the people a call was about', () => {
    const article = articleOf(
      '2024-12-24',
      'Nhân dịp tháp tùng Tổng Bí thư Tô Lâm, Trưởng Ban Đối ngoại Trung ương Lê Hoài Trung ngày 22/12 đã điện đàm với Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane, thông báo về tình hình sau khi Thủ tướng Phạm Minh Chính trở về.',
    );
    const [call] = extractMeetings(article);
    expect(names(call?.participants)).toEqual(['Lê Hoài Trung', 'Thongsavanh Phomvihane']);
    expect(call?.meetingKind).toBe('call');
    expect(call?.date).toBe('2024-12-22');
  });
});

describe('places and dates of the event', () => {
  it('a place runs whole through "ở": "Văn phòng Tổng thống ở quận Yongsan", never "Văn phòng Tổng"', () => {
    const article = articleOf(
      '2024-12-24',
      'Tổng thống Yoon Suk-yeol hôm qua đã tiếp Thủ tướng Nhật Bản Kishida Fumio tại Văn phòng Tổng thống ở quận Yongsan.',
    );
    expect(meetingsOf(article)).toEqual([
      { status: 'held', names: ['Yoon Suk-yeol', 'Kishida Fumio'], date: '2024-12-23', place: 'Văn phòng Tổng thống ở quận Yongsan' },
    ]);
  });

  it('an older meeting a later article recalls keeps its own year: "hôm 26/6 năm ngoái"', () => {
    const article = articleOf(
      '2025-01-06',
      'Cuộc hội đàm giữa Bộ trưởng Quốc phòng Hàn Quốc Shin Won-sik và người đồng cấp Australia Richard Marles đã diễn ra tại tỉnh Nara hôm 26/6 năm ngoái.',
    );
    expect(meetingsOf(article)).toEqual([
      { status: 'held', names: ['Shin Won-sik', 'Richard Marles'], date: '2024-06-26', place: 'tỉnh Nara' },
    ]);
  });

  it("an event the text gives no day for gets the article's month, not the day it was written", () => {
    const article = articleOf('2024-10-11', 'Trước đó, Phó Thủ tướng Bùi Thanh Sơn đã tiếp Đại sứ Singapore tại Việt Nam Jaya Ratnam.');
    expect(meetingsOf(article)[0]?.date).toBe('2024-10');
  });
});

describe('agreements in the forms newspapers use', () => {
  it('a passive signing takes its parties after "giữa" and its year from "vào năm 2015"', () => {
    const article = articleOf(
      '2025-01-06',
      'Hiệp định thương mại tự do được ký kết giữa Hàn Quốc và Việt Nam vào năm 2015 đã giúp thương mại hai nước tăng gấp đôi.',
    );
    const [agreement] = agreementsOf(article);
    expect(names(agreement?.parties)).toEqual(['Hàn Quốc', 'Việt Nam']);
    expect(agreement?.date).toBe('2015');
  });

  it('"tái khẳng định" agrees only when both sides say it; a date in what was agreed is not when', () => {
    const article = articleOf(
      '2025-08-12',
      'Ngày 11/8, Tổng thống Lee Jae Myung đã hội đàm với Tổng Bí thư Tô Lâm.',
      'Hai bên tái khẳng định quyết tâm nâng kim ngạch thương mại lên 150 tỷ USD vào năm 2030.',
      'Bộ Ngoại giao Hàn Quốc tái khẳng định lập trường của mình.',
    );
    const agreements = agreementsOf(article);
    expect(agreements.map((agreement) => [agreement.date, names(agreement.parties)])).toEqual([
      ['2025-08-11', ['Lee Jae Myung', 'Tô Lâm']],
    ]);
  });

  it("proposals, calls, wishes, one body's approval and an agreement only talked about are not agreements", () => {
    const article = articleOf(
      '2025-01-06',
      'Phía Hàn Quốc kêu gọi Australia sớm phê chuẩn thỏa thuận mua bán vũ khí.',
      'Ông Ahn mong muốn Mỹ tôn trọng lịch trình chuyển giao đã thống nhất trước đây.',
      'Ngày 12/2/2020, Nghị viện châu Âu đã bỏ phiếu thông qua hiệp định.',
      'Theo thỏa thuận, hai công ty sẽ cùng đóng tàu hậu cần.',
      'Ủy ban Đối ngoại và Thống nhất Quốc hội đã họp phiên chất vấn.',
    );
    expect(agreementsOf(article)).toEqual([]);
  });

  it('a planned signing is listed as planned', () => {
    const article = articleOf('2025-11-07', 'Hai nước dự kiến ký kết các văn kiện hợp tác về bán dẫn.');
    expect(agreementsOf(article).map((agreement) => agreement.status)).toEqual(['planned']);
  });
});

describe('one meeting, however often it is told', () => {
  it('two articles reporting the same talks give one /who-met item with both citations', () => {
    const first = articleOf(
      '2024-12-23',
      'Ngày 22/12, Ngoại trưởng Cho Tae-yul đã điện đàm với Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn.',
    );
    const second = articleOf(
      '2024-12-24',
      'Hôm 22/12, Ngoại trưởng Hàn Quốc Cho Tae-yul đã có cuộc điện đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn.',
    );
    const answer = answerQuestion(
      buildLibrary({
        articles: [
          { ...first, id: 'a' },
          { ...second, id: 'b' },
        ],
        glossary: [],
      }),
      { command: 'who-met' },
    );
    expect(answer.items).toHaveLength(1);
    expect(answer.items.at(0)!.citations.map((citation) => citation.quote)).toEqual([
      first.paragraphs.numbered(1)!.text,
      second.paragraphs.numbered(1)!.text,
    ]);
  });

  it('/who-met person finds a participant by title or country, and names the years a person did meet someone', () => {
    const article = articleOf(
      '2024-12-23',
      'Ngày 22/12, Ngoại trưởng Hàn Quốc Cho Tae-yul đã điện đàm với Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn.',
    );
    const library = buildLibrary({ articles: [article], glossary: [] });
    expect(answerQuestion(library, { command: 'who-met', person: 'Việt Nam' }).items).toHaveLength(1);
    expect(answerQuestion(library, { command: 'who-met', person: 'Bùi Thanh Sơn' }).items).toHaveLength(1);
    const elsewhere = answerQuestion(library, { command: 'who-met', person: 'Bùi Thanh Sơn', year: 2025 });
    expect(elsewhere.items).toHaveLength(0);
    expect(elsewhere.nothingFound).toEqual({ reason: 'met-in-other-years', person: 'Bùi Thanh Sơn', years: [2024] });
    expect(elsewhere.yearsAvailable).toEqual([2024]);
  });
});

describe('both sides', () => {
  it('"Hai bên dự kiến sẽ gặp nhau" is a planned meeting of the people of the call before it', () => {
    const article = articleOf(
      '2025-01-02',
      'Ngày 30/12, Chủ tịch Quốc hội Trần Thanh Mẫn đã điện đàm với Chủ tịch Thượng viện Campuchia Hun Sen.',
      'Hai bên dự kiến sẽ gặp nhau tại Hà Nội vào tháng 3 năm nay.',
      'Hai nhà lãnh đạo nhất trí duy trì các cuộc tiếp xúc cấp cao.',
    );
    expect(meetingsOf(article).map((meeting) => [meeting.status, meeting.names, meeting.date])).toEqual([
      ['held', ['Trần Thanh Mẫn', 'Hun Sen'], '2024-12-30'],
      ['planned', ['Trần Thanh Mẫn', 'Hun Sen'], '2025-03'],
    ]);
  });
});

describe('one person, however the name is spelled', () => {
  it('"Yoon Suk-yeol", "Yoon Suk Yeol" and "ông Yoon" are one participant, in one article and across two', () => {
    const first = articleOf(
      '2024-12-23',
      'Ngày 20/12, Tổng thống Yoon Suk-yeol đã tiếp Thủ tướng Nhật Bản Ishiba Shigeru.',
      'Ngày 21/12, Tổng thống Yoon Suk Yeol đã điện đàm với Thủ tướng Australia Anthony Albanese.',
    );
    const second = articleOf('2024-12-24', 'Hôm 22/12, ông Yoon Suk Yeol đã gặp Đại sứ Mỹ Philip Goldberg.');
    const library = buildLibrary({
      articles: [
        { ...first, id: 'a' },
        { ...second, id: 'b' },
      ],
      glossary: [],
    });
    expect(everyItem(library.people).filter((person) => person.name.startsWith('Yoon'))).toHaveLength(1);
    expect(names(library.meetings.at(1).participants)[0]).toBe('Yoon Suk-yeol');
    expect(answerQuestion(library, { command: 'who-met', person: 'Yoon Suk Yeol' }).items).toHaveLength(3);
  });
});
