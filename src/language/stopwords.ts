// Words that carry no topic of their own, so search neither requires nor ranks by them.
// Vietnamese is written one syllable per word-piece, so a stopword here is an accented syllable:
// `đâu` ("where") is a stopword, `đầu` (as in `đầu tư`, "investment") is not. Callers compare the
// NFC, lowercased syllable exactly as written; folding first would lose that difference.

/**
 * Vietnamese function and question syllables (accented, NFC, lowercase). Reviewed against the
 * corpus vocabulary: every entry is a syllable that also appears glued to meaningful words only
 * in ways where losing it costs little (e.g. `việc` in `trong việc`).
 */
export const VIETNAMESE_STOPWORDS: readonly string[] = [
  // Questions: what, where, who, which, why, how many.
  'gì',
  'đâu',
  'ai',
  'nào',
  'sao',
  'chăng',
  'mấy',
  'nhiêu',
  // Being and having.
  'là',
  'có',
  // Linking: of, and, or, but, then, so, because, if, that.
  'của',
  'và',
  'với',
  'hoặc',
  'hay',
  'nhưng',
  'mà',
  'thì',
  'nên',
  'vì',
  'do',
  'bởi',
  'nếu',
  'tuy',
  'rằng',
  // Plural and demonstratives.
  'các',
  'những',
  'mọi',
  'mỗi',
  'một',
  'này',
  'đó',
  'kia',
  'ấy',
  'đây',
  // Tense and voice markers.
  'đã',
  'sẽ',
  'đang',
  'vừa',
  'được',
  'bị',
  // Places and directions: at, in, on, about, for, to, from, by way of, into.
  'ở',
  'tại',
  'trong',
  'trên',
  'dưới',
  'về',
  'cho',
  'để',
  'từ',
  'đến',
  'tới',
  'theo',
  'vào',
  // Degree and manner: as, also, very, still, all, each other.
  'như',
  'cũng',
  'rất',
  'lắm',
  'vẫn',
  'đều',
  'còn',
  'nhau',
  // "when", the nominaliser "việc", and the honorifics before a name (`ông Rutte`).
  'khi',
  'việc',
  'ông',
  'bà',
  // Sentence-final particles.
  'ạ',
  'nhỉ',
  'vậy',
  'hả',
];

/**
 * Syllables that look like function words but carry meaning in this corpus's questions; kept out
 * of the stopword list on purpose. The test suite checks the two lists never overlap.
 */
export const NOT_STOPWORDS_ON_PURPOSE: Readonly<Record<string, string>> = {
  hai: 'a number: `hai bên` (both sides), `hai nước`',
  không: '`không quân` (air force), `hàng không`, `không gian`',
  mới: '`công nghệ mới` (new technology)',
  thế: '`thế giới` (world)',
  qua: '`thông qua` (adopt, pass)',
  song: '`song phương` (bilateral)',
  cùng: '`cùng quan điểm`; also part of names of agreements',
  giữa: '`giữa hai bên` (between): questions about who met whom',
  ra: '`ra tuyên bố` (issue a statement)',
  nay: '`năm nay`, `hôm nay`: dates',
  chỉ: '`chỉ trích` (criticise), `địa chỉ`',
  sự: '`sự kiện` (event)',
  anh: '`Anh` is Britain',
};

/**
 * English function and question words, for members who ask in English. None of these can be
 * read as a Vietnamese syllable, so they are dropped from any query.
 */
export const ENGLISH_STOPWORDS: readonly string[] = [
  'of',
  'and',
  'or',
  'for',
  'with',
  'by',
  'from',
  'about',
  'into',
  'is',
  'are',
  'was',
  'were',
  'been',
  'does',
  'did',
  'has',
  'have',
  'had',
  'what',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'which',
  'why',
  'how',
  'this',
  'these',
  'those',
  'its',
  'there',
  'any',
  'all',
];

/**
 * English function words spelled like Vietnamese syllables typed without marks (`an` in `an ninh`, `the` in `thế giới`,
 * `to` in `tổ chức`, `it` for `ít`). In a query typed without marks they are optional terms; in a
 * query with marks they are read as Vietnamese.
 */
export const ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE: readonly string[] = [
  'a',
  'an',
  'at',
  'be',
  'do',
  'in',
  'it',
  'on',
  'to',
  'the',
  'than',
  'that',
];

const vietnameseStopwords = new Set(VIETNAMESE_STOPWORDS);
const englishStopwords = new Set(ENGLISH_STOPWORDS);
const englishLookalikes = new Set(ENGLISH_STOPWORDS_SPELLED_LIKE_VIETNAMESE);

/** `word` is one syllable, NFC and lowercase, with its marks: `đâu` → true, `đầu` → false. */
export function isVietnameseStopword(word: string): boolean {
  return vietnameseStopwords.has(word);
}

/** `word` is lowercase: `what` → true, `an` → false (see `isEnglishStopwordSpelledLikeVietnamese`). */
export function isEnglishStopword(word: string): boolean {
  return englishStopwords.has(word);
}

/** `word` is lowercase: `an`, `to` → true. */
export function isEnglishStopwordSpelledLikeVietnamese(word: string): boolean {
  return englishLookalikes.has(word);
}
