import { describe, expect, it } from 'vitest';
import { findDates, firstDate } from '../../src/extract/findDates.ts';

const june2025 = { year: 2025, month: 6 };
const isoOf = (text: string, context = june2025) => findDates(text, context).map((date) => date.iso);

describe('findDates', () => {
  it('reads "ngày 11/7" with the article\'s year', () => {
    expect(isoOf('Phát ngôn viên ngày 11/7 cho biết', { year: 2023, month: 7 })).toEqual(['2023-07-11']);
  });

  it('keeps the first day of a range "hai ngày 24-25/6" and remembers the last', () => {
    const [range] = findDates('trong hai ngày 24-25/6 (giờ địa phương)', june2025);
    expect(range).toMatchObject({ iso: '2025-06-24', day: 24, lastDay: 25, text: 'hai ngày 24-25/6' });
  });

  it('reads part-of-day words and spelled-out months', () => {
    expect(isoOf('vào chiều 25/6, sáng 3 tháng 5 năm 2024 và tối 1/7/2025')).toEqual(['2025-06-25', '2024-05-03', '2025-07-01']);
  });

  it('reads a full date without a time word, and month-only dates', () => {
    expect(isoOf('Văn kiện ký 11/7/2023 có hiệu lực từ tháng 6/2025')).toEqual(['2023-07-11', '2025-06']);
  });

  it('does not take numbers or "24/7" service hours for dates', () => {
    expect(isoOf('đạt 5.800 tỷ đồng, tăng 3.5%, phục vụ 24/7')).toEqual([]);
  });

  it('rejects impossible days and months', () => {
    expect(isoOf('ngày 31/6 và ngày 12/13')).toEqual([]);
  });

  it('puts December news in a January article in the previous year, and honours "năm ngoái"', () => {
    expect(isoOf('ngày 28/12', { year: 2025, month: 1 })).toEqual(['2024-12-28']);
    expect(isoOf('trong hai ngày 24-25/6 năm ngoái', { year: 2024, month: 3 })).toEqual(['2023-06-24']);
  });

  it('prefers a day-precise date over a month-only one', () => {
    expect(firstDate(['Trong tháng 6, hai bên', 'gặp nhau chiều 25/6'], june2025)?.iso).toBe('2025-06-25');
  });
});
