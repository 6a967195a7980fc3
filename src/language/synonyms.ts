// Vietnamese words that mean the same for a reader's question, always searched together: a member
// who asks `ai đã gặp Putin` wants the article that says `hội đàm với Putin`. Unlike the corpus's
// glossary (English ↔ Vietnamese, edited by moderators), these are part of the language.
// Ambiguous single syllables (`tiếp` is also `tiếp tục`, `ký` is also `thư ký`) are left out.
import type { GlossaryEntry } from '../corpus/types.ts';

export const VIETNAMESE_SYNONYMS: readonly GlossaryEntry[] = [
  { en: [], vi: ['gặp', 'gặp gỡ', 'cuộc gặp', 'hội đàm', 'hội kiến', 'điện đàm', 'tiếp xúc'] },
  { en: [], vi: ['nhất trí', 'đồng ý', 'thống nhất', 'thỏa thuận', 'thoả thuận'] },
  { en: [], vi: ['ký kết', 'ký', 'kí kết'] },
  { en: [], vi: ['hội nghị thượng đỉnh', 'thượng đỉnh'] },
  // `bản ghi nhớ có hiệu lực bao lâu` is answered by `văn kiện có giá trị 10 năm`.
  { en: [], vi: ['có hiệu lực', 'hiệu lực', 'có giá trị'] },
];
