// Words that report a meeting, words that only report what someone else said, and words that say one
// person stood in for another. Reviewed data: each exception sits next to the word it protects.
import type { TriggerPhrase } from '../text/triggerPhrase.ts';
import { HONORIFICS, TITLE_QUALIFIERS } from './titles.ts';

/**
 * Verbs and nouns that say people met. `strong` words make a meeting on their own (two people, or one
 * person and a named counterpart); `attendance` words (`tham dự`, `hội nghị`) only say someone was
 * present, so they count when the sentence names two people or the next sentence lists who else came.
 */
export const MEETING_WORDS: readonly (TriggerPhrase & { strength: 'strong' | 'attendance'; kind?: 'call' })[] = [
  {
    phrase: 'gặp',
    strength: 'strong',
    notFollowedBy: ['khó', 'phải', 'sự cố', 'nạn', 'trở ngại', 'vấn đề', 'rủi ro', 'bất lợi', 'may', 'trục trặc', 'thách thức', 'lỗi'],
  },
  { phrase: 'gặp gỡ', strength: 'strong' },
  { phrase: 'gặp mặt', strength: 'strong' },
  { phrase: 'có cuộc gặp', strength: 'strong' },
  { phrase: 'cuộc gặp', strength: 'strong' },
  { phrase: 'hội đàm', strength: 'strong' },
  { phrase: 'hội kiến', strength: 'strong' },
  { phrase: 'điện đàm', strength: 'strong', kind: 'call' },
  { phrase: 'cuộc điện đàm', strength: 'strong', kind: 'call' },
  { phrase: 'gọi điện', strength: 'strong', kind: 'call', notFollowedBy: ['thoại'] },
  { phrase: 'nói chuyện qua điện thoại', strength: 'strong', kind: 'call' },
  { phrase: 'trao đổi qua điện thoại', strength: 'strong', kind: 'call' },
  { phrase: 'đồng chủ trì', strength: 'strong' },
  { phrase: 'tiếp xúc', strength: 'strong', notFollowedBy: ['cử tri'] },
  { phrase: 'tiếp đón', strength: 'strong' },
  { phrase: 'đón tiếp', strength: 'strong' },
  { phrase: 'chào xã giao', strength: 'strong' },
  { phrase: 'làm việc với', strength: 'strong' },
  { phrase: 'trao đổi với', strength: 'strong' },
  { phrase: 'góp mặt', strength: 'strong' },
  { phrase: 'có sự tham dự của', strength: 'strong' },
  // `tiếp` alone is "to receive (a visitor)" only before the visitor's title or name:
  // `tiếp tục` (continue), `tiếp cận` (approach), `tiếp nhận` (take in) are not meetings.
  {
    phrase: 'tiếp',
    strength: 'strong',
    needsNext: { capitalised: true, words: ['người đồng cấp', 'đoàn', 'lãnh đạo', ...HONORIFICS, ...TITLE_QUALIFIERS] },
  },
  // `đón` ("welcome") a visitor by title or name; `chào đón`, `đón nhận` (accept) and `đón đầu` are not meetings.
  {
    phrase: 'đón',
    strength: 'strong',
    notPrecededBy: ['chào', 'lễ'],
    notFollowedBy: ['nhận', 'đầu', 'tiếp'],
    needsNext: { capitalised: true, words: ['người đồng cấp', 'đoàn', ...HONORIFICS, ...TITLE_QUALIFIERS] },
  },
  { phrase: 'nhóm họp', strength: 'strong' },
  { phrase: 'có cuộc trao đổi', strength: 'strong' },
  { phrase: 'tham dự', strength: 'attendance' },
  { phrase: 'dự', strength: 'attendance', needsNext: { capitalised: true } },
  { phrase: 'hội nghị thượng đỉnh', strength: 'attendance' },
  {
    phrase: 'họp',
    strength: 'attendance',
    notFollowedBy: ['báo', 'tác', 'lý', 'pháp', 'nhất'],
    notPrecededBy: ['tập', 'phù', 'thích', 'tổng'],
  },
  { phrase: 'thăm', strength: 'attendance', notFollowedBy: ['dò', 'khám', 'hỏi', 'quan'] },
];

/**
 * Verbs that attribute a statement. A person right before one of these, with the meeting only in
 * the reported clause, told the news about the meeting and did not take part:
 * `Phát ngôn viên … cho biết Tổng thống A và B đã gặp …`.
 */
export const REPORTING_VERBS: readonly TriggerPhrase[] = [
  { phrase: 'cho biết' },
  { phrase: 'cho hay' },
  { phrase: 'thông báo' },
  { phrase: 'nói' },
  { phrase: 'khẳng định' },
  { phrase: 'tuyên bố', notFollowedBy: ['chung'] },
  { phrase: 'xác nhận' },
  { phrase: 'công bố' },
  { phrase: 'thông tin' },
  { phrase: 'tiết lộ' },
  { phrase: 'phát biểu' },
  { phrase: 'trả lời' },
  { phrase: 'nhấn mạnh' },
  { phrase: 'viết' },
];

/** Words before a person that mark the source of the news, not a participant: `Theo Phát ngôn viên X, …`. */
export const SOURCE_MARKERS: readonly string[] = ['theo', 'dẫn lời', 'trích lời'];

/**
 * Words before a person who did NOT attend but was represented: `Thay mặt Thủ tướng Kishida …, ông Hayashi đã
 * hội đàm …` means Kishida was absent.
 */
export const REPRESENTATION_MARKERS: readonly string[] = [
  'thay mặt',
  'thay mặt cho',
  'đại diện cho',
  'thừa ủy quyền',
  'thừa uỷ quyền',
  'thay cho',
  'thay vì',
  // `Nhân dịp tháp tùng Tổng Bí thư …, ông A đã hội đàm …`, `theo lời mời của B`: named, not met here.
  'tháp tùng',
  'theo lời mời của',
  'nhận lời mời của',
  'lời mời của',
];

/**
 * Words after a meeting word that open what the meeting was about or when it happened: people named
 * after them (`… thông báo về tình hình sau khi Tổng thống Yoon bị luận tội`) are its topic, not its
 * participants.
 */
export const TOPIC_OPENERS: readonly string[] = [
  'sau khi',
  'trước khi',
  'khi',
  'về việc',
  'về',
  'nhằm',
  'để',
  'thông báo',
  'thảo luận',
  'bàn về',
  'liên quan',
  // Not `do`: `đoàn … do ông A dẫn đầu` (led by A) names a participant.
  'vì',
  'nhân dịp',
  'trong bối cảnh',
  'trong đó',
];

/**
 * Openers of a sentence that goes on about the meeting just told (`Sự kiện có sự góp mặt của …`), so its
 * people and details join that meeting.
 */
export const MEETING_FOLLOW_UP_OPENERS: readonly string[] = [
  'sự kiện',
  'cuộc gặp',
  'buổi gặp',
  'cuộc hội đàm',
  'buổi hội đàm',
  'cuộc hội kiến',
  'buổi tiếp',
  'cuộc điện đàm',
  'hội nghị',
  'cuộc họp',
  'phiên họp',
  'buổi làm việc',
  'tại đây',
  'tại cuộc gặp',
  'tại buổi',
  'trong cuộc gặp',
  'trong cuộc hội đàm',
  'trong buổi',
];

/** Words that introduce the other side of a meeting when it is an organisation: `hội đàm với NATO`. */
export const COUNTERPART_MARKERS: readonly string[] = ['với', 'giữa'];

/** `lần lượt` ("in turn"): one subject meets each of the people after the verb separately. */
export const IN_TURN_MARKERS: readonly string[] = ['lần lượt'];
