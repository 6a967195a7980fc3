// What the sentence that answers each kind of question looks like: the words around a number, a
// duration, a list, a reason or a definition. A question word (`bao nhiêu`, `vì sao`) prefers, among the
// passages that match, the sentence holding its kind of answer. Lowercase, matched as whole words.

/** Number words that count things (`hai nước`, `ba lĩnh vực`); `năm` is left out: it is also "year". */
export const NUMBER_WORDS: readonly string[] = [
  'một',
  'hai',
  'ba',
  'bốn',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mươi',
  'trăm',
  'nghìn',
  'ngàn',
  'triệu',
  'tỷ',
  'tỉ',
  'hàng chục',
  'hàng trăm',
  'hàng nghìn',
  'hàng triệu',
  'vài',
  'nhiều',
];

/** Scale words after a figure: `5.800 tỷ đồng`, `3 triệu USD`. */
export const NUMBER_SCALES: readonly string[] = ['nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'trăm'];

/** Words before a figure that make it a date, not an amount: `ngày 11/7`, `năm 2025`. */
export const DATE_WORDS_BEFORE_FIGURE: readonly string[] = ['ngày', 'tháng', 'năm', 'hôm', 'sáng', 'chiều', 'tối', 'đêm', 'trưa', 'quý'];

/** Units of time, for durations: `trong hai ngày`, `kéo dài 3 năm`. */
export const DURATION_UNITS: readonly string[] = [
  'giây',
  'phút',
  'giờ',
  'tiếng',
  'ngày',
  'tuần',
  'tháng',
  'năm',
  'thập kỷ',
  'thập niên',
  'thế kỷ',
  'nhiệm kỳ',
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
  'decades',
];

/** Words before a count of time units that make it a duration. */
export const DURATION_MARKERS: readonly string[] = [
  'trong',
  'trong vòng',
  'suốt',
  'kéo dài',
  'mất',
  'sau',
  'hơn',
  'gần',
  'khoảng',
  'ròng rã',
  'thời hạn',
  'có hiệu lực',
  'hiệu lực',
  'có giá trị',
  'for',
  'over',
];

/** Words that introduce a list: `bao gồm ứng phó với khủng bố và công nghệ mới`. */
export const LIST_MARKERS: readonly string[] = [
  'gồm',
  'bao gồm',
  'gồm có',
  'như',
  'trong đó có',
  'cụ thể là',
  'including',
  'include',
  'such as',
];

/** Words that give a reason or purpose. `do` is also "by" (`do NATO dẫn dắt`); it counts all the same. */
export const REASON_MARKERS: readonly string[] = [
  'vì',
  'bởi vì',
  'bởi',
  'do',
  'nhằm',
  'nhằm mục đích',
  'để',
  'nhờ',
  'lý do',
  'lí do',
  'nguyên nhân',
  'vì vậy',
  'do đó',
  'because',
  'due to',
  'in order to',
  'so that',
];

/** Words that define what comes before them: `ITPP là …`, `tức là`. */
export const DEFINITION_MARKERS: readonly string[] = [
  'là',
  'tức là',
  'nghĩa là',
  'có nghĩa là',
  'được hiểu là',
  'viết tắt của',
  'is',
  'means',
  'stands for',
];

/** Sentence openers that define the thing just named: `Đây là chương trình …`. */
export const DEFINITION_OPENERS: readonly string[] = ['đây là', 'đó là', 'đây được coi là', 'this is'];
