// Words that say something was agreed, adopted, committed to, signed or declared jointly; the look-alike
// phrases that do not; and the words that stand for "both sides" of the meeting just reported.
import type { TriggerPhrase } from '../text/triggerPhrase.ts';

/** Documents and decisions that can be adopted (`thông qua` + one of these is an adoption). */
export const ADOPTABLE_THINGS: readonly string[] = [
  '"',
  '“',
  'nghị quyết',
  'văn kiện',
  'chương trình',
  'luật',
  'dự luật',
  'bộ luật',
  'tuyên bố',
  'kế hoạch',
  'hiệp định',
  'thỏa thuận',
  'thoả thuận',
  'đề xuất',
  'dự thảo',
  'ngân sách',
  'gói',
  'khuôn khổ',
  'chiến lược',
  'báo cáo',
  'quyết định',
  'lộ trình',
  'danh sách',
  'đề án',
  'hiến chương',
  'công ước',
  'sáng kiến',
  'văn bản',
];

/** Nouns that name an agreement: counted as one only when nothing around them says it is merely talked about. */
const AGREEMENT_NOUN = {
  lowercaseOnly: true,
  // A noun with no verb of its own agrees nothing unless both sides are its subject (`Hai bên … bản ghi nhớ`).
  jointOnly: true,
  // `Theo thỏa thuận, …` (under the agreement), `… là thỏa thuận cho phép …` (a definition), `các hiệp định`.
  notPrecededBy: ['theo', 'là', 'các', 'những', 'của'],
  notFollowedBy: ['có hiệu lực', 'này', 'đó', 'trên'],
} as const;

/**
 * `jointOnly`: counted only when two or more parties say it together. `agreesTo`: the words after the
 * verb are what was agreed (`nhất trí … vào năm 2030`), so a date there is not when it was agreed.
 */
export const AGREEMENT_WORDS: readonly (TriggerPhrase & { jointOnly?: boolean; agreesTo?: boolean })[] = [
  { phrase: 'nhất trí', agreesTo: true },
  { phrase: 'đồng thuận', agreesTo: true, notPrecededBy: ['sự', 'tạo'] },
  // Said by one side these are only its own position; said by both (`Hai bên tái khẳng định …`) they are agreed.
  { phrase: 'tái khẳng định', jointOnly: true, agreesTo: true },
  { phrase: 'tái xác nhận', jointOnly: true, agreesTo: true },
  { phrase: 'quyết định', jointOnly: true, agreesTo: true, notPrecededBy: ['theo', 'các', 'những', 'ra'] },
  { phrase: 'đồng tình', jointOnly: true, agreesTo: true },
  {
    phrase: 'thống nhất',
    agreesTo: true,
    notFollowedBy: ['đất nước', 'đất', 'non sông', 'hai miền'],
    notPrecededBy: ['sự', 'ngày', 'nước', 'Bộ', 'tính'],
  },
  { phrase: 'đồng ý', agreesTo: true },
  { phrase: 'chấp thuận', agreesTo: true, jointOnly: true },
  { phrase: 'cam kết', agreesTo: true },
  // `thông qua` is "adopted" only before a document; `thông qua việc …`, `thông qua hợp tác …` are "through".
  { phrase: 'thông qua', jointOnly: true, needsNext: { words: ADOPTABLE_THINGS } },
  // One body approving (`Quốc hội phê chuẩn`, `Nghị viện … thông qua`) is not an agreement between parties.
  { phrase: 'phê chuẩn', jointOnly: true },
  { phrase: 'phê duyệt', jointOnly: true },
  { phrase: 'ký kết' },
  // `ký` alone is a syllable of `thư ký` (secretary), `đăng ký` (register), `chữ ký` (signature)…
  {
    phrase: 'ký',
    notPrecededBy: ['thư', 'đăng', 'nhật', 'chữ', 'tốc', 'bút', 'kết'],
    notFollowedBy: ['ức', 'giả', 'hiệu', 'sự', 'túc', 'kết', 'tên'],
  },
  { phrase: 'đạt được thỏa thuận' },
  { phrase: 'đạt được thoả thuận' },
  { phrase: 'đạt thỏa thuận' },
  { phrase: 'thỏa thuận', ...AGREEMENT_NOUN },
  { phrase: 'thoả thuận', ...AGREEMENT_NOUN },
  { phrase: 'hiệp định', ...AGREEMENT_NOUN },
  { phrase: 'hiệp ước', ...AGREEMENT_NOUN },
  { phrase: 'bản ghi nhớ', ...AGREEMENT_NOUN },
  { phrase: 'biên bản ghi nhớ', ...AGREEMENT_NOUN },
  { phrase: 'tuyên bố chung', lowercaseOnly: true },
  { phrase: 'ra tuyên bố chung' },
  { phrase: 'thông cáo chung', lowercaseOnly: true },
];

/**
 * Phrases that contain an agreement word but report no agreement. Any agreement word inside one of
 * these is ignored.
 */
export const AGREEMENT_FALSE_FRIENDS: readonly { phrase: string; why: string }[] = [
  { phrase: 'thông qua việc', why: '"by way of", not "adopted"' },
  { phrase: 'đồng tình với', why: 'concurring with an opinion, not an agreement reached' },
  { phrase: 'đồng tình ủng hộ', why: 'one side backing another, not an agreement reached' },
  { phrase: 'thư ký', why: 'the title "secretary"' },
  { phrase: 'đăng ký', why: '"to register"' },
  { phrase: 'chữ ký', why: '"a signature" as a thing, not a signing' },
  { phrase: 'thống nhất đất nước', why: 'national reunification' },
  { phrase: 'cam kết của', why: "someone's pledge talked about, usually not one made here" },
];

/**
 * Words right before an agreement word that deny it (`không nhất trí`, `chưa ký`), or that make it the
 * object of opposition rather than something agreed (`phản đối thỏa thuận này`).
 */
export const NEGATIONS: readonly string[] = [
  'không',
  'chưa',
  'chẳng',
  'từ chối',
  'không thể',
  'chưa thể',
  'bác bỏ',
  'phản đối',
  'lên án',
  'chỉ trích',
  'rút khỏi',
  'hủy bỏ',
  'huỷ bỏ',
];

/**
 * Subjects that stand for the people of the meeting just reported: `Hai bên đã nhất trí …` names
 * nobody, so the parties are that meeting's participants.
 */
export const BOTH_SIDES_WORDS: readonly string[] = [
  'hai bên',
  'ba bên',
  'ba nước',
  'đôi bên',
  'hai phía',
  'các bên',
  'hai nước',
  'hai nhà lãnh đạo',
  'hai lãnh đạo',
  'hai Bộ trưởng',
  'hai bộ trưởng',
  'ba nhà lãnh đạo',
  'các nhà lãnh đạo',
  'ba lãnh đạo',
  'ba Bộ trưởng',
  'ba bộ trưởng',
  'ba Ngoại trưởng',
  'ba ngoại trưởng',
  'hai Ngoại trưởng',
  'hai ngoại trưởng',
  'hai Thủ tướng',
  'hai Tổng thống',
  'hai quan chức',
  'hai đoàn',
];

/** Group nouns before a place that form one party: `các đối tác Ấn Độ-Thái Bình Dương`. */
export const PARTY_GROUP_NOUNS: readonly string[] = [
  'các đối tác',
  'đối tác',
  'các nước',
  'các quốc gia',
  'các thành viên',
  'các nước thành viên',
  'các đồng minh',
  'phía',
];
