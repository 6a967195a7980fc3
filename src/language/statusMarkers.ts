// Words that tell whether a meeting or an agreement took place, is only planned, is only wished for,
// proposed or denied. The nearest one before the verb, within its clause, decides (`Theo kế hoạch, …
// dự kiến sẽ có cuộc gặp` is planned; `Như dự kiến, hai bên đã hội đàm` took place). Reviewed data:
// each row that looks odd says why it is there.
import type { TriggerPhrase } from '../text/triggerPhrase.ts';

/**
 * - `held`: told as done (`đã`, `vừa`);
 * - `planned`: a future or an intention (`sẽ`, `dự kiến`, `theo kế hoạch`);
 * - `unreal`: wished, proposed, called for, refused, cancelled or denied: neither held nor planned;
 * - `neutral`: a look-alike that contains one of the words above and says nothing of the kind
 *   (`không khí`, `sắp xếp`); matched so that the shorter word inside it is not.
 */
export type StatusMood = 'held' | 'planned' | 'unreal' | 'neutral';

export const STATUS_MARKERS: readonly (TriggerPhrase & { mood: StatusMood })[] = [
  { phrase: 'đã', mood: 'held' },
  { phrase: 'vừa', mood: 'held', notFollowedBy: ['phải', 'và', 'đủ', 'là'] },
  { phrase: 'mới đây', mood: 'held' },
  { phrase: 'từng', mood: 'held', notFollowedBy: ['bước', 'người', 'nước', 'lĩnh vực', 'giai đoạn'] },

  { phrase: 'sẽ', mood: 'planned' },
  { phrase: 'dự kiến', mood: 'planned' },
  { phrase: 'theo dự kiến', mood: 'planned' },
  { phrase: 'dự định', mood: 'planned' },
  { phrase: 'theo kế hoạch', mood: 'planned' },
  { phrase: 'có kế hoạch', mood: 'planned' },
  { phrase: 'lên kế hoạch', mood: 'planned' },
  { phrase: 'sắp', mood: 'planned' },
  { phrase: 'chuẩn bị', mood: 'planned' },
  { phrase: 'trong chuyến thăm tới', mood: 'planned' },
  { phrase: 'tới đây', mood: 'planned' },

  { phrase: 'hy vọng', mood: 'unreal' },
  { phrase: 'hi vọng', mood: 'unreal' },
  { phrase: 'kỳ vọng', mood: 'unreal' },
  { phrase: 'mong muốn', mood: 'unreal' },
  { phrase: 'mong', mood: 'unreal' },
  { phrase: 'muốn', mood: 'unreal' },
  { phrase: 'đề nghị', mood: 'unreal' },
  { phrase: 'đề xuất', mood: 'unreal' },
  { phrase: 'kêu gọi', mood: 'unreal' },
  { phrase: 'yêu cầu', mood: 'unreal' },
  { phrase: 'thúc giục', mood: 'unreal' },
  { phrase: 'mời', mood: 'unreal' },
  { phrase: 'sẵn sàng', mood: 'unreal' },
  { phrase: 'có thể', mood: 'unreal' },
  { phrase: 'không', mood: 'unreal' },
  { phrase: 'chưa', mood: 'unreal' },
  { phrase: 'chẳng', mood: 'unreal' },
  { phrase: 'từ chối', mood: 'unreal' },
  { phrase: 'hủy', mood: 'unreal' },
  { phrase: 'huỷ', mood: 'unreal' },
  { phrase: 'hoãn', mood: 'unreal' },
  { phrase: 'bác bỏ', mood: 'unreal' },
  { phrase: 'phản đối', mood: 'unreal' },
  { phrase: 'lên án', mood: 'unreal' },
  { phrase: 'chỉ trích', mood: 'unreal' },
  { phrase: 'rút khỏi', mood: 'unreal' },

  // `Như dự kiến` ("as planned") introduces what did happen; the verb's own marker decides.
  { phrase: 'như dự kiến', mood: 'neutral' },
  { phrase: 'theo đúng kế hoạch', mood: 'neutral' },
  // `Nhận lời mời của A, B …` is accepting an invitation: the visit's own marker decides.
  { phrase: 'nhận lời mời', mood: 'neutral' },
  { phrase: 'theo lời mời', mood: 'neutral' },
  { phrase: 'lời mời', mood: 'neutral' },
  { phrase: 'không chỉ', mood: 'neutral' },
  { phrase: 'không ngừng', mood: 'neutral' },
  { phrase: 'không khí', mood: 'neutral' },
  { phrase: 'không gian', mood: 'neutral' },
  { phrase: 'không quân', mood: 'neutral' },
  { phrase: 'không phận', mood: 'neutral' },
  { phrase: 'không ít', mood: 'neutral' },
  { phrase: 'hàng không', mood: 'neutral' },
  { phrase: 'sắp xếp', mood: 'neutral' },
  { phrase: 'có thể thấy', mood: 'neutral' },
  { phrase: 'mong đợi', mood: 'unreal' },
];

/**
 * Phrases after a meeting word that put it in the future when nothing before the verb says otherwise:
 * `hội đàm với … vào tuần tới`. Not used for agreements, where a future after the verb is what was
 * agreed (`nhất trí tổ chức tập trận vào năm tới`).
 */
export const FUTURE_TIME_PHRASES: readonly string[] = [
  'tuần tới',
  'tháng tới',
  'năm tới',
  'tuần sau',
  'tháng sau',
  'năm sau',
  'ngày mai',
  'sắp tới',
  'chuyến thăm tới',
  'thời gian tới',
  'cuối tuần này',
  'cuối tháng này',
  'cuối năm nay',
];

/** Characters that close a clause: a marker before one of them does not govern a verb after it. */
export const CLAUSE_BREAKS = /[;:]/g;
