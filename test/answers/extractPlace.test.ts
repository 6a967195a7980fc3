import { describe, expect, it } from 'vitest';
import { findNamedPlaces, findPlace } from '../../src/extract/findPlace.ts';

describe('findPlace', () => {
  it('reads an event name that goes on in lowercase: "bên lề Hội nghị thượng đỉnh NATO"', () => {
    expect(findPlace('đã gặp gỡ bên lề Hội nghị thượng đỉnh NATO và thảo luận')).toMatchObject({
      marker: 'bên lề',
      name: 'Hội nghị thượng đỉnh NATO',
    });
  });

  it('stops a country at the comma: "tại Hà Lan, …"', () => {
    expect(findPlace('tham dự Hội nghị tại Hà Lan, Chánh Văn phòng Wi')?.name).toBe('Hà Lan');
  });

  it('keeps a lowercase site word: "tại trụ sở Chính phủ"', () => {
    expect(findPlace('Chiều 10/10, tại trụ sở Chính phủ, Thủ tướng')?.name).toBe('trụ sở Chính phủ');
  });

  it('ignores "tại đây" and "ở mức"', () => {
    expect(findPlace('Tại đây, tăng trưởng ở mức cao')).toBeUndefined();
  });

  it('skips a "tại" that belongs to a title', () => {
    const text = 'Đại sứ Nhật Bản tại Việt Nam Ito Naoki đã gặp Bộ trưởng tại Hà Nội';
    expect(findPlace(text, [{ start: 0, end: 37 }])?.name).toBe('Hà Nội');
  });
});

describe('findNamedPlaces', () => {
  it('names an organisation by its acronym and prefers the longest region', () => {
    const names = findNamedPlaces('Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) và khu vực Ấn Độ-Thái Bình Dương').map((place) => place.name);
    expect(names).toEqual(['NATO', 'Ấn Độ-Thái Bình Dương']);
  });
});
