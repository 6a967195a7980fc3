// The fixed query set of `npm run bench`: what members type, including the sloppy parts (no diacritics,
// typos, half-typed names). Chosen to hit the synthetic corpus, which reuses the bundled articles'
// people and topics; a few are meant to find nothing, because that path (suggestions) costs too.

/** /ask results a member sees; the reference engines are asked for the same number. */
export const RESULT_LIMIT = 10;

export interface AskQuery {
  question: string;
  year?: number;
}

export interface WhoMetQuery {
  year?: number;
  month?: number;
  person?: string;
}

export interface AgreementsQuery {
  year?: number;
  topic?: string;
}

export const ASK_QUERIES: readonly AskQuery[] = [
  // One word: a name, an acronym, a typo.
  { question: 'NATO' },
  { question: 'Stoltenberg' },
  { question: 'Stoltenbreg' },
  { question: 'Rutte' },
  // Two to five words, with and without diacritics.
  { question: 'hợp tác' },
  { question: 'hop tac' },
  { question: 'hop tac cong nghep' },
  { question: 'công nghiệp quốc phòng' },
  { question: 'cong nghiep quoc phong' },
  { question: 'chia sẻ thông tin quân sự' },
  { question: 'chia se thong tin quan su' },
  { question: 'Mark Rutte hội đàm' },
  { question: 'Yoon Suk-yeol NATO' },
  { question: 'nhất trí thành lập cơ chế tham vấn' },
  { question: 'biến đổi khí hậu' },
  { question: 'trí tuệ nhân tạo' },
  { question: 'an ninh mang Han Quoc' },
  // With a year filter.
  { question: 'khủng bố', year: 2023 },
  { question: 'tuyen bo chung', year: 2025 },
  // English (only the glossary can bridge it) and a topic the corpus never mentions.
  { question: 'defense industry cooperation' },
  { question: 'bóng đá World Cup' },
  // Questions as people type them: a date in the question, a question word, a filler, a word no
  // article has, meetings and agreements asked in Vietnamese and English.
  { question: 'hội nghị NATO năm 2025 ở đâu' },
  { question: 'Stoltenberg nói gì về Ukraine' },
  { question: 'ông Wi trao bức thư cho Rutte ở Amsterdam' },
  { question: 'ai gặp Rutte' },
  { question: 'Hàn Quốc và NATO đã ký gì' },
  { question: 'what did South Korea and NATO agree in 2023' },
];

export const WHO_MET_QUERIES: readonly WhoMetQuery[] = [
  {},
  { year: 2023 },
  { year: 2025, month: 6 },
  { person: 'Stoltenberg' },
  { person: 'rutte' },
  { person: 'yoon', year: 2023 },
  { person: 'Lee Jae' },
  { person: 'Nguyễn' },
  { person: 'nguyen van' },
  { person: 'Stoltenbreg' },
  { person: 'Không Có Ai' },
];

export const AGREEMENTS_QUERIES: readonly AgreementsQuery[] = [
  {},
  { year: 2024 },
  { topic: 'công nghiệp quốc phòng' },
  { topic: 'quoc phong' },
  { topic: 'khủng bố', year: 2023 },
  { topic: 'cong nghe moi' },
  { topic: 'thông tin quân sự', year: 2021 },
  { topic: 'bóng đá' },
];

export type AutocompleteKind = 'person' | 'year' | 'topic' | 'question' | 'citeId';

/** Partial input as Discord sends it while a member types, from nothing to a few letters. */
export const AUTOCOMPLETE_INPUTS: Readonly<Record<AutocompleteKind, readonly string[]>> = {
  person: ['', 's', 'stol', 'Rut', 'lee j', 'nguy', 'Nguyễn V', 'zzq'],
  year: ['', '2', '20', '202', '2023', '19'],
  topic: ['', 'h', 'hop', 'công ngh', 'quoc pho', 'khung b', 'zzq'],
  question: ['', 'n', 'hợp t', 'stolten', 'nato hoi', 'cong nghiep q', 'zzq'],
  // Synthetic article ids are `000123_<hex>`: typing an id's start, an id with a paragraph, or words.
  citeId: ['', '000', '00001', '000012#3', 'quốc phòng', 'hop tac'],
};

/** Every query in a short, printable form, for the README and `--json` output. */
export function describeAsk(query: AskQuery): string {
  return query.year === undefined ? query.question : `${query.question} (year ${query.year})`;
}
