// STAND-IN until the reviewed news glossary lands on main (then main's file replaces this one whole):
// a few English ↔ Vietnamese phrases of news about diplomacy and defence, in the shape of corpus/glossary.json.
import type { GlossaryEntry } from '../corpus/types.ts';

export const NEWS_GLOSSARY: readonly GlossaryEntry[] = [
  { en: ['summit'], vi: ['hội nghị thượng đỉnh'] },
  { en: ['conference'], vi: ['hội nghị'] },
  { en: ['defense industry', 'defence industry'], vi: ['công nghiệp quốc phòng'] },
  { en: ['cooperation', 'cooperate'], vi: ['hợp tác'] },
  { en: ['South Korea', 'Korea'], vi: ['Hàn Quốc'] },
  { en: ['Japan'], vi: ['Nhật Bản'] },
  { en: ['Netherlands', 'the Netherlands'], vi: ['Hà Lan'] },
  { en: ['Russia'], vi: ['Nga'] },
  { en: ['letter'], vi: ['bức thư', 'thư'] },
  { en: ['secretary general', 'secretary-general'], vi: ['tổng thư ký'] },
  { en: ['president'], vi: ['tổng thống'] },
  { en: ['prime minister'], vi: ['thủ tướng'] },
  { en: ['terrorism'], vi: ['khủng bố'] },
  { en: ['export', 'exports'], vi: ['xuất khẩu'] },
  { en: ['investment'], vi: ['đầu tư'] },
  { en: ['partnership'], vi: ['quan hệ đối tác'] },
  { en: ['military'], vi: ['quân sự'] },
  { en: ['consultation mechanism'], vi: ['cơ chế tham vấn'] },
];
