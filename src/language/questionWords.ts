// How people phrase a question, as reviewed data: the words that say what kind of answer is wanted,
// the words that only frame a question (never searched), the words that name a date, and the verbs
// that make a question one about meetings or agreements. All matched on folded text, whole words, so
// `o dau` typed without marks works too; a phrase written with marks here also matches without them.

export type QuestionIntent = 'place' | 'time' | 'person' | 'quantity' | 'duration' | 'definition' | 'list' | 'reason';

/**
 * Question words per kind of answer. `/ask hội nghị ở đâu` wants a place: among passages that match
 * the rest of the question, the one whose sentence names a place ranks first. These phrases are only
 * question words, so they are never searched for.
 */
export const QUESTION_WORDS: Readonly<Record<QuestionIntent, readonly string[]>> = {
  place: ['ở đâu', 'tại đâu', 'nơi nào', 'chỗ nào', 'địa điểm nào', 'ở nước nào', 'tại nước nào', 'where'],
  time: [
    'khi nào',
    'bao giờ',
    'lúc nào',
    'ngày nào',
    'hôm nào',
    'thời điểm nào',
    'năm nào',
    'tháng nào',
    'vào ngày nào',
    'when',
    'what date',
    'what day',
    'which day',
    'what year',
    'which year',
  ],
  person: ['ai', 'những ai', 'là ai', 'người nào', 'với ai', 'who', 'whom'],
  quantity: ['bao nhiêu', 'là bao nhiêu', 'mấy', 'how many', 'how much'],
  duration: ['bao lâu', 'trong bao lâu', 'kéo dài bao lâu', 'mất bao lâu', 'how long'],
  definition: [
    'là gì',
    'nghĩa là gì',
    'có nghĩa là gì',
    'là cái gì',
    'là chương trình gì',
    'what is',
    'what are',
    'what does',
    'stand for',
    'meaning of',
  ],
  list: [
    'gồm những gì',
    'gồm những',
    'bao gồm những',
    'những nước nào',
    'những gì',
    'những lĩnh vực nào',
    'which countries',
    'which areas',
  ],
  reason: ['tại sao', 'vì sao', 'vì lý do gì', 'vì lí do gì', 'lý do gì', 'do đâu', 'why', 'for what reason'],
};

/**
 * Words that hint at a kind of answer but are content too, so they stay searched: `Hội nghị kéo dài …`
 * is matched by the sentence that says `kéo dài hai ngày`.
 */
export const INTENT_HINTS: Readonly<Partial<Record<QuestionIntent, readonly string[]>>> = {
  duration: ['kéo dài'],
  list: ['gồm', 'bao gồm', 'include', 'includes'],
  reason: ['lý do', 'lí do', 'nhằm mục đích gì'],
};

/**
 * Words that only frame a question and name nothing to find: `Stoltenberg nói gì về Ukraine` is about
 * Stoltenberg and Ukraine, not about the word `nói`. Longest first is not needed: every phrase found is removed.
 * Words already in the stopword lists (`gì`, `what`, `did`) need not be repeated here.
 */
export const QUESTION_FILLERS: readonly string[] = [
  'nói gì',
  'nói những gì',
  'đã nói gì',
  'phát biểu gì',
  'như thế nào',
  'thế nào',
  'ra sao',
  'có phải',
  'phải không',
  'đúng không',
  'có đúng',
  'hãy cho biết',
  'cho tôi biết',
  'xin cho biết',
  'cho hỏi',
  'diễn ra',
  'xảy ra',
  'làm gì',
  'gì vậy',
  'không ạ',
  'say',
  'says',
  'said',
  'tell me',
  'happen',
  'happened',
  'take place',
  'took place',
  'held',
  'do',
  'does',
  'did',
  // `how long did the talks last`
  'last',
  'lasted',
  // `where will the hulls be built`, `who will To Lam meet`: English auxiliaries name nothing either.
  'will',
  'would',
  'shall',
  'be',
  'being',
];

/**
 * Words that end a yes/no question and are dropped there only: `đã gặp … chưa`, `có … không`.
 * Elsewhere they are words (`không quân`).
 */
export const QUESTION_FINAL_PARTICLES: readonly string[] = ['chưa', 'không', 'hả', 'chứ'];

/** Words before a year or month that say "in": `năm 2025`, `tháng 6/2025`, `in 2023`. */
export const YEAR_WORDS: readonly string[] = ['năm', 'vào năm', 'trong năm', 'in', 'in the year', 'during'];
export const MONTH_WORDS: readonly string[] = ['tháng', 'vào tháng', 'trong tháng'];

/** Relative years, counted back from the newest article's year (the corpus has no "today"). */
export const RELATIVE_YEARS: readonly { phrase: string; yearsBack: number }[] = [
  { phrase: 'năm nay', yearsBack: 0 },
  { phrase: 'this year', yearsBack: 0 },
  { phrase: 'năm ngoái', yearsBack: 1 },
  { phrase: 'năm trước', yearsBack: 1 },
  { phrase: 'năm qua', yearsBack: 1 },
  { phrase: 'last year', yearsBack: 1 },
];

/** English month names, for `in June 2025`. */
export const ENGLISH_MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Verbs that make a question one about meetings when a question word asks who, when or where:
 * `ai gặp Rutte`, `Rutte đã hội đàm với ai`, `who did Rutte meet`, `when did Yoon meet Stoltenberg`.
 */
export const MEETING_QUESTION_VERBS: readonly string[] = [
  'gặp',
  'gặp gỡ',
  'gặp mặt',
  'hội đàm',
  'hội kiến',
  'điện đàm',
  'tiếp xúc',
  'tiếp đón',
  'đón tiếp',
  'làm việc với',
  'meet',
  'meets',
  'met',
  'meeting',
  'meetings',
  'hold talks',
  'held talks',
  'talks with',
  'talk with',
  'talked with',
];

/**
 * Meeting verbs that ask for one kind of meeting: `X điện đàm với ai` wants X's phone calls first among
 * X's meetings. `quoted` is how the article's sentence says it.
 */
export const MEETING_KIND_WORDS: readonly { asked: readonly string[]; quoted: string }[] = [
  { asked: ['điện đàm', 'phone call', 'phone talks', 'by phone', 'phoned'], quoted: 'điện đàm' },
  { asked: ['hội đàm trực tuyến', 'họp trực tuyến', 'video call', 'video conference'], quoted: 'trực tuyến' },
];

/**
 * Verbs that make a question one about agreements when it asks what: `A và B ký gì`, `hai bên nhất trí gì`,
 * `thỏa thuận gì`, `what did A and B agree`.
 */
export const AGREEMENT_QUESTION_VERBS: readonly string[] = [
  'ký',
  'ký kết',
  'kí',
  'kí kết',
  'nhất trí',
  'thỏa thuận',
  'thoả thuận',
  'đồng ý',
  'thống nhất',
  'cam kết',
  'thông qua',
  'đạt được',
  'agree',
  'agreed',
  'agree on',
  'agreed on',
  'agreement',
  'agreements',
  'sign',
  'signed',
  'commit',
  'committed',
  'adopt',
  'adopted',
];

/** Words that ask "what" of an agreement question: `ký gì`, `nhất trí những gì`, `what did … agree`. */
export const WHAT_WORDS: readonly string[] = ['gì', 'những gì', 'điều gì', 'văn kiện gì', 'nội dung gì', 'nào', 'what', 'which'];

/** Words that join the people or parties a question names: `Hàn Quốc và NATO`, `Yoon with Stoltenberg`. */
export const PARTY_JOINERS: readonly string[] = ['và', 'với', 'cùng', 'giữa', 'and', 'with', 'between'];

/** Words a meeting or agreement question may carry that name no party: tense markers, `hai bên`. */
export const PARTY_QUESTION_NOISE: readonly string[] = [
  'đã',
  'sẽ',
  'có',
  'được',
  'từng',
  'lần',
  'nhau',
  'hai bên',
  'những',
  'các',
  'cuộc',
  'ông',
  'bà',
  'nhà lãnh đạo',
  'lần đầu',
  'lần đầu tiên',
  'đầu tiên',
  'lần này',
  'the',
  'a',
  'an',
  'did',
  'do',
  'does',
  'has',
  'have',
  'had',
  'each other',
  'on',
  'to',
  'will',
  'would',
  'in',
  'at',
  'first',
  'for the first time',
  'in the morning',
  'in the afternoon',
  'in the evening',
];

/**
 * Count words that open a described group, not a named party: `hai Bộ trưởng`, `ba nhà lãnh đạo`,
 * `the two defence ministers`. The meetings and agreements engines match parties by name, so such a
 * question is answered from the passages, where the article's own words for the group are found.
 */
export const GROUP_COUNT_WORDS: readonly string[] = ['hai', 'ba', 'bốn', 'cả hai', 'cả ba', 'two', 'three', 'four', 'both'];
