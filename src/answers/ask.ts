// /ask: free text. The question is read first (readQuestion.ts): a date in it filters, question words
// say what kind of answer is wanted, and a question about meetings or agreements is answered with those
// items. Otherwise the index ranks paragraphs; from each we quote the sentence that answers best (the one
// holding most of the question's words, and the kind of answer asked for), with the matched words in bold.
// When no paragraph holds enough of the words, the ones holding most of them answer, and the reply says
// which words were not found: "nothing found" is only for questions none of whose words the corpus has.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import type { Answer, AnswerItem, Highlight, NamedDate, PassageItem, QuestionUnderstanding } from './answer.ts';
import type { Library } from '../library/library.ts';
import type { SearchFilters, SearchOutcome } from '../search/types.ts';
import { SEARCH_TUNING } from '../search/passageIndex.ts';
import { createHighlighter } from './highlight.ts';
import { articleHeadline, headlineFields } from '../library/articleHeadline.ts';
import { citationFor } from '../library/citationSource.ts';
import { sentenceAnswers } from './questionIntent.ts';
import { popularTopics, prominentPeople } from '../library/lookups/popularTopics.ts';
import { readQuestion, type QuestionReading } from './readQuestion.ts';
import { itemsOfParties, partyPhrases } from './askParties.ts';
import { HIGHLIGHTED_RESULTS, highlightFirstResults, highlightedItemsAt } from './highlightName.ts';
import { foldedWords } from '../text/matchText.ts';
import type { QuestionIntent } from '../language/questionWords.ts';

export interface AskOptions {
  question: string;
  year?: number;
}

/** How many passages one answer shows; the Discord reply pages through them. */
export const MAX_PASSAGES = 10;
/** A question word (`ở đâu`, `khi nào`, `ai`) re-ranks this many of the best hits. */
const INTENT_CANDIDATES = 20;
/** How much a passage whose sentence holds the kind of answer asked for gains. */
const INTENT_BONUS = 1;
/** Below this many passages holding every word, passages holding most of them follow. */
const FEW_PASSAGES = 3;
/** Sentences of one paragraph checked for the kind of answer asked for, best-matching first. */
const INTENT_SENTENCES = 3;

export function answerAsk(library: Library, options: AskOptions): Answer {
  const { question, year } = options;
  const reading = readQuestion(question, { years: library.years });
  // The `year` option, when given, wins over a date in the question.
  const named = year === undefined ? reading.date : undefined;
  const filters: SearchFilters =
    year !== undefined ? { year } : named ? { year: named.year, ...(named.month !== undefined ? { month: named.month } : {}) } : {};
  const understood: QuestionUnderstanding = { answering: 'passages' };
  if (named) understood.date = named;
  if (reading.yearNotInLibrary !== undefined && year === undefined) understood.yearNotInLibrary = reading.yearNotInLibrary;

  const answer: Answer = {
    command: 'ask',
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    items: [],
    understood,
  };

  if (reading.route !== 'passages') {
    const found = itemsOfParties(library, reading.route, reading.parties, filters);
    if (reading.parties.length > 0) understood.parties = reading.parties;
    const translated = reading.parties.flatMap((party) => library.index.translate(party));
    if (translated.length > 0) understood.translated = translated.map(({ typed, vietnamese }) => ({ english: typed, vietnamese }));
    if (found.positions.length + found.planned.length > 0) {
      understood.answering = reading.route;
      const alsoBold = reading.parties.flatMap((party) => partyPhrases(library, party).map((words) => words.join(' ')));
      const bold = [...reading.parties, ...alsoBold].join(' ');
      if (reading.meetingKind || found.positions.length < HIGHLIGHTED_RESULTS) {
        // Few enough to make every item, or to be reordered: as an array.
        const items: AnswerItem[] = [...Array.from(found.positions, (position) => found.list.at(position)), ...found.planned];
        if (reading.meetingKind) {
          // `X điện đàm với ai`: X's phone calls first, then X's other meetings, each in the engine's order.
          const kind = foldedWords(reading.meetingKind).join(' ');
          const ofKind = (item: AnswerItem) =>
            item.citations.some((citation) => ` ${foldedWords(citation.quote).join(' ')} `.includes(` ${kind} `));
          items.sort((a, b) => Number(ofKind(b)) - Number(ofKind(a)));
        }
        answer.items = highlightFirstResults(items, bold);
      } else {
        // The first results bolded, the rest made when a page shows them.
        answer.items = highlightedItemsAt(found.list, found.positions, bold, found.planned, true);
      }
      return answer;
    }
    understood.noneFound = reading.route;
  }

  const found = searchPassages(library, reading, filters, named, year !== undefined);
  if (named && found.applied !== named) {
    // Nothing within the date asked for: the reply says so, and what the passages keep to instead.
    understood.dateDropped = named;
    if (found.applied) understood.date = found.applied;
    else delete understood.date;
  }
  const { outcome } = found;
  if (outcome.translations && outcome.translations.length > 0) {
    understood.translated = outcome.translations.map(({ typed, vietnamese }) => ({ english: typed, vietnamese }));
  }
  const passages = rankPassages(library, reading, found.searchText, outcome);
  answer.items = passages;

  if (passages.length > 0) {
    // Words no passage shown contains: each passage says its own, the reply those missing from all.
    const missingEverywhere = passages
      .map((item) => new Set(item.missingWords ?? []))
      .reduce((all, missing) => new Set([...all].filter((word) => missing.has(word))));
    if (missingEverywhere.size > 0) understood.notFound = [...missingEverywhere];
  } else {
    answer.nothingFound = { reason: 'no-passages', ...(year !== undefined ? { year } : {}) };
    const close = library.index.suggest(found.searchText, 5);
    answer.suggestions = close.length > 0 ? close : [...popularTopics(library, 3), ...prominentPeople(library, 2)];
    answer.yearsAvailable = library.years;
  }
  return answer;
}

interface PassageSearch {
  outcome: SearchOutcome;
  searchText: string;
  /** The part of the question's date the passages keep to: all of it, its year only, or none. */
  applied?: NamedDate;
}

/**
 * Paragraphs holding enough of the question's words within the question's date, then its year (for a
 * month); then, within them, paragraphs holding most of the words, scattered (an English phrase whose
 * Vietnamese the article words differently) but still enough of them; then any date (the reply says the
 * date was left out), and last the paragraphs holding most of the words. A passage that answers outside
 * the date beats one that lacks most words inside it. A date given as the `year` option is always kept.
 */
function searchPassages(
  library: Library,
  reading: QuestionReading,
  filters: SearchFilters,
  named: NamedDate | undefined,
  yearOption: boolean,
): PassageSearch {
  // A question that is only a date or question words (`năm 2025`) searches what was typed.
  const searchText = foldedWords(reading.searchText).length > 0 ? reading.searchText : reading.question;
  const limit = reading.intents.length > 0 ? INTENT_CANDIDATES : MAX_PASSAGES;
  type Attempt = { filters: SearchFilters; applied?: NamedDate; partial: boolean; minCoverage?: number; text?: string; complete?: boolean };
  const dated: Attempt[] = [
    { filters, ...(named ? { applied: named } : {}), partial: false, ...(named && !yearOption ? { complete: true } : {}) },
  ];
  if (named?.month !== undefined)
    dated.push({ filters: { year: named.year }, applied: { year: named.year, words: named.words }, partial: false });
  const attempts: Attempt[] = [...dated];
  if (named && !yearOption) {
    // `thương mại hai chiều năm 2024 đạt bao nhiêu`, asked of a 2025 article: a paragraph that names the
    // year and holds every word answers before one of that year that lacks some of them.
    attempts.splice(1, 0, { filters: {}, partial: false, text: `${searchText} ${named.year}`, complete: true });
    attempts.push(...dated.map((attempt) => ({ ...attempt, partial: true, minCoverage: SEARCH_TUNING.minCoverage })));
    attempts.push({ filters: {}, partial: false }, { filters: {}, partial: true });
  } else {
    attempts.push(...dated.map((attempt) => ({ ...attempt, partial: true })));
  }
  let last: SearchOutcome | undefined;
  for (const attempt of attempts) {
    last = library.index.search(attempt.text ?? searchText, attempt.filters, limit, attempt.partial ? { partial: true } : {});
    if (attempt.minCoverage !== undefined) last = { ...last, hits: last.hits.filter((hit) => hit.coverage >= attempt.minCoverage!) };
    if (attempt.complete) last = { ...last, hits: last.hits.filter((hit) => !hit.missing || hit.missing.length === 0) };
    if (last.hits.length > 0) {
      if (!attempt.partial && last.hits.length < FEW_PASSAGES)
        last = withPartialHits(library, last, attempt.text ?? searchText, attempt.filters, limit);
      return { outcome: last, searchText, applied: attempt.applied };
    }
  }
  return { outcome: last!, searchText, applied: named };
}

/**
 * Fewer passages than a reply's first screen hold every word: those holding most of them follow. News
 * names its subject once and gives the figure or the names in the next paragraphs (`phía Mỹ chưa rời
 * mức thuế 25%` after the paragraph naming the talks), so the answer is often among them.
 */
function withPartialHits(
  library: Library,
  outcome: SearchOutcome,
  searchText: string,
  filters: SearchFilters,
  limit: number,
): SearchOutcome {
  const more = library.index.search(searchText, filters, limit, { partial: true });
  const shown = new Set(outcome.hits.map((hit) => `${hit.articleId}:${hit.paragraph}`));
  const added = more.hits.filter((hit) => !shown.has(`${hit.articleId}:${hit.paragraph}`) && (hit.missing?.length ?? 0) > 0);
  if (added.length === 0) return outcome;
  return { ...outcome, hits: [...outcome.hits, ...added], partial: true };
}

function rankPassages(library: Library, reading: QuestionReading, searchText: string, outcome: SearchOutcome): PassageItem[] {
  const highlight = createHighlighter(searchText, { alsoMatch: outcome.expansions ?? [] });
  const subject = definitionSubject(searchText);
  const ranked: PassageItem[] = [];
  for (const hit of outcome.hits) {
    const article = library.articlesById.get(hit.articleId);
    const paragraph = article?.paragraphs.numbered(hit.paragraph);
    if (!article || !paragraph) continue;
    const { sentence, highlights, answersIntent } = bestSentence(article, paragraph, highlight, reading.intents, subject);
    const score = hit.score * (answersIntent ? 1 + INTENT_BONUS : 1);
    ranked.push({
      kind: 'passage',
      date: article.date.text,
      summary: `${articleHeadline(article)} — ¶${paragraph.number}`,
      ...headlineFields(article),
      score: Math.round(score * 1000) / 1000,
      citations: [citationFor(article, paragraph, sentence.text, highlights)],
      ...(hit.missing && hit.missing.length > 0 ? { missingWords: hit.missing } : {}),
    });
  }
  // Passages holding only some of the words: those holding most of them first.
  const missed = (item: PassageItem) => (outcome.partial ? (item.missingWords?.length ?? 0) : 0);
  return ranked.sort((a, b) => missed(a) - missed(b) || (b.score ?? 0) - (a.score ?? 0)).slice(0, MAX_PASSAGES);
}

/** What `X là gì` asks to define: the words searched together, and each name or acronym among them. */
function definitionSubject(searchText: string): string[] {
  const names = searchText
    .split(/[\s·]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => foldedWords(word).join(' '));
  return [...new Set([foldedWords(searchText).join(' '), ...names])].filter(Boolean);
}

/**
 * The sentence of a paragraph that answers best: the one with most of the question's words in it,
 * and among those, one that holds the kind of answer a question word asked for.
 */
function bestSentence(
  article: Article,
  paragraph: Paragraph,
  highlight: (text: string) => Highlight[],
  intents: readonly QuestionIntent[],
  subject: readonly string[],
): { sentence: Sentence; highlights: Highlight[]; answersIntent: boolean } {
  const sentences = paragraph.sentences.length > 0 ? paragraph.sentences : [wholeParagraph(paragraph)];
  const scored = sentences.map((sentence) => {
    const highlights = highlight(sentence.text);
    return { sentence, highlights, covered: highlights.reduce((sum, span) => sum + (span.end - span.start), 0) };
  });
  // Most matched characters first (the earlier sentence on a tie).
  const byCoverage = scored.map((entry, i) => ({ ...entry, i })).sort((a, b) => b.covered - a.covered || a.i - b.i);
  const best = byCoverage[0]!;
  if (intents.length > 0) {
    // Finding places, dates and names costs more than matching words: look at the best few only.
    for (const candidate of byCoverage.slice(0, INTENT_SENTENCES)) {
      // Any of them that matches the question at all: the question word says what the member wants to
      // read, and matched characters mislead here (a glossary expansion such as `RCEP` → `Hiệp định Đối
      // tác Kinh tế Toàn diện Khu vực` bolds a whole line).
      if (candidate.covered === 0) break;
      if (intents.some((intent) => sentenceAnswers(intent, candidate.sentence.text, article, subject))) {
        return { sentence: candidate.sentence, highlights: candidate.highlights, answersIntent: true };
      }
    }
  }
  return { sentence: best.sentence, highlights: best.highlights, answersIntent: false };
}

function wholeParagraph(paragraph: Paragraph): Sentence {
  return { number: 1, text: paragraph.text, start: paragraph.start, end: paragraph.end };
}
