import { describe, expect, it } from 'vitest';
import { peopleInArticle, findPeopleInArticle } from '../../src/extract/findPeople.ts';
import { findPersonMentions } from '../../src/extract/findPersonMentions.ts';
import { articleOf, bundledArticle, fixtureArticle } from './extractFixtures.ts';

const written = (text: string) => findPersonMentions(text).map((mention) => [mention.writtenName, mention.role]);

describe('findPersonMentions', () => {
  it('splits a country out of the role: "Tổng thống Hàn Quốc Yoon Suk-yeol"', () => {
    expect(written('Tổng thống Hàn Quốc Yoon Suk-yeol và Thủ tướng New Zealand Christopher Luxon đã gặp nhau.')).toEqual([
      ['Yoon Suk-yeol', 'Tổng thống Hàn Quốc'],
      ['Christopher Luxon', 'Thủ tướng New Zealand'],
    ]);
  });

  it('keeps an organisation with its acronym in the role and shows the acronym', () => {
    expect(written('Tổng thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Jens Stoltenberg phát biểu.')).toEqual([
      ['Jens Stoltenberg', 'Tổng thư ký NATO'],
    ]);
  });

  it('reads two titles joined by "kiêm" and a ministry before the name', () => {
    expect(written('Phó Thủ tướng kiêm Bộ trưởng Bộ Quốc phòng Australia Richard Marles có mặt.')).toEqual([
      ['Richard Marles', 'Phó Thủ tướng kiêm Bộ trưởng Bộ Quốc phòng Australia'],
    ]);
  });

  it('reads a department written partly in lowercase: "Văn phòng An ninh quốc gia"', () => {
    expect(written('Chánh Văn phòng An ninh quốc gia Hàn Quốc Wi Sung-lac đã tới Hà Lan.')).toEqual([
      ['Wi Sung-lac', 'Chánh Văn phòng An ninh quốc gia Hàn Quốc'],
    ]);
  });

  it('reads a ministry it only partly knows: "Bộ Kinh tế số Estonia"', () => {
    expect(written('Bộ trưởng Bộ Kinh tế số Estonia Tiit Riisalo phát biểu.')).toEqual([
      ['Tiit Riisalo', 'Bộ trưởng Bộ Kinh tế số Estonia'],
    ]);
  });

  it('starts a Vietnamese name at the family name', () => {
    expect(written('Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên và Chủ tịch nước Lương Cường dự lễ.')).toEqual([
      ['Nguyễn Hồng Diên', 'Bộ trưởng Bộ Công Thương'],
      ['Lương Cường', 'Chủ tịch nước'],
    ]);
  });

  it('keeps the country "Anh" apart from the name and "Anh" inside a Vietnamese name', () => {
    expect(written('Thủ tướng Anh Keir Starmer gặp Thứ trưởng Nguyễn Tuấn Anh.')).toEqual([
      ['Keir Starmer', 'Thủ tướng Anh'],
      ['Nguyễn Tuấn Anh', 'Thứ trưởng'],
    ]);
  });

  it('keeps lowercase particles inside a foreign name: "Ursula von der Leyen"', () => {
    expect(written('Chủ tịch Ủy ban châu Âu Ursula von der Leyen gặp ông Modi.')).toEqual([
      ['Ursula von der Leyen', 'Chủ tịch Ủy ban châu Âu'],
      ['Modi', undefined],
    ]);
  });

  it('reads an ambassador "tại" a country as part of the role', () => {
    expect(written('Đại sứ Nhật Bản tại Việt Nam Ito Naoki trình quốc thư.')).toEqual([['Ito Naoki', 'Đại sứ Nhật Bản tại Việt Nam']]);
  });

  it('finds courtesy references and names nobody in "Quan chức này" or a title without a name', () => {
    expect(written('Quan chức này gặp ông Wi và bà Sekerinska; Văn phòng Tổng thống Hàn Quốc cho biết vậy.')).toEqual([
      ['Wi', undefined],
      ['Sekerinska', undefined],
    ]);
  });

  it('does not read "ông" followed by a verb as a person', () => {
    expect(written('Khi được mời, ông đã có cơ hội trao đổi.')).toEqual([]);
  });
});

describe('findPeopleInArticle', () => {
  it('resolves "Tổng thống Yoon" and "ông Yoon" to the full name used earlier', async () => {
    const article = await bundledArticle('000_');
    const mentions = findPeopleInArticle(article).sentences.flatMap((sentence) => sentence.mentions);
    const yoon = mentions.filter((mention) => mention.writtenName === 'Yoon');
    expect(yoon.length).toBeGreaterThanOrEqual(2);
    expect(new Set(yoon.map((mention) => mention.name))).toEqual(new Set(['Yoon Suk-yeol']));
  });

  it('resolves "Tổng thống Lee" to the president, not another Lee', () => {
    const article = articleOf(
      '2024-05',
      'Phát ngôn viên Lee Do-woon cho biết Tổng thống Lee Jae Myung sẽ tới Tokyo. Tổng thống Lee nói ông mong đợi chuyến đi.',
    );
    const mentions = findPeopleInArticle(article).sentences.flatMap((sentence) => sentence.mentions);
    expect(mentions.find((mention) => mention.writtenName === 'Lee')?.name).toBe('Lee Jae Myung');
  });

  it('resolves a Vietnamese short reference "Thủ tướng Chính"', () => {
    const article = fixtureArticle('vietnamese_leaders.txt');
    const mentions = findPeopleInArticle(article).sentences.flatMap((sentence) => sentence.mentions);
    expect(mentions.find((mention) => mention.writtenName === 'Chính')?.name).toBe('Phạm Minh Chính');
    expect(mentions.find((mention) => mention.writtenName === 'Wong')?.name).toBe('Lawrence Wong');
  });
});

describe('peopleInArticle', () => {
  it('lists each person once with the most informative role, for autocomplete', async () => {
    const people = peopleInArticle(await bundledArticle('001_'));
    expect(people).toContainEqual({ name: 'Mark Rutte', role: 'Tổng thư ký NATO' });
    expect(people).toContainEqual({ name: 'Wi Sung-lac', role: 'Chánh Văn phòng An ninh quốc gia Hàn Quốc' });
    expect(people).toContainEqual({ name: 'Iwaya Takeshi', role: 'Bộ trưởng Ngoại giao Nhật Bản' });
    expect(people.filter((person) => person.name === 'Mark Rutte')).toHaveLength(1);
    expect(people.map((person) => person.name)).not.toContain('Wi');
  });
});
