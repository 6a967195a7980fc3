// /ask: free text. The index ranks paragraphs; from each we quote the sentence that answers best
// (the one holding most of the query's words), with the matched words marked for bold.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import type { Answer, AnswerItem, Highlight } from './answer.ts';
import type { Library } from './library.ts';
import { createHighlighter } from '../search/highlight.ts';
import { describeFilters, yearsHint } from './nothingFound.ts';
import { articleHeadline, headlineFields } from './articleHeadline.ts';
import { sourceFields } from './citationSource.ts';
import { questionIntents, sentenceAnswers } from './questionIntent.ts';
import { popularTopics, prominentPeople } from './popularTopics.ts';
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
const INTENT_BONUS = 0.5;
/** Sentences of one paragraph checked for the kind of answer asked for, best-matching first. */
const INTENT_SENTENCES = 3;
/** A sentence that answers the question word may have this many fewer matched characters. */
const INTENT_WEIGHT = 20;

export function answerAsk(library: Library, options: AskOptions): Answer {
  const { question, year } = options;
  const intents = questionIntents(question);
  const outcome = library.index.search(question, year === undefined ? {} : { year }, intents.length > 0 ? INTENT_CANDIDATES : MAX_PASSAGES);
  const highlight = createHighlighter(question, { alsoMatch: outcome.expansions ?? [] });
  const ranked: AnswerItem[] = [];
  for (const hit of outcome.hits) {
    const article = library.articlesById.get(hit.articleId);
    const paragraph = article?.paragraphs[hit.paragraph - 1];
    if (!article || !paragraph) continue;
    const { sentence, highlights, answersIntent } = bestSentence(article, paragraph, highlight, intents);
    const score = hit.score * (answersIntent ? 1 + INTENT_BONUS : 1);
    ranked.push({
      kind: 'passage',
      date: article.date.text,
      summary: `${articleHeadline(article)} — ¶${paragraph.number}`,
      ...headlineFields(article),
      score: Math.round(score * 1000) / 1000,
      citations: [citationFor(article, paragraph, sentence.text, highlights)],
    });
  }
  const items = ranked.sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, MAX_PASSAGES);

  const answer: Answer = {
    command: 'ask',
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    items,
  };
  if (items.length === 0) {
    answer.message = `Nothing in the corpus answers${describeFilters({ question, year })}: its words are too far from the articles.${yearsHint(
      library,
    )} Try other words, fewer words, or the suggestions.`;
    const close = library.index.suggest(question, 5);
    answer.suggestions = close.length > 0 ? close : [...popularTopics(library, 3), ...prominentPeople(library, 2)];
    answer.yearsAvailable = library.years;
  }
  return answer;
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
    // Answering the question word weighs like a few more matched words.
    for (const candidate of byCoverage.slice(0, INTENT_SENTENCES)) {
      if (candidate.covered === 0 || candidate.covered + INTENT_WEIGHT < best.covered) break;
      if (intents.some((intent) => sentenceAnswers(intent, candidate.sentence.text, article))) {
        return { sentence: candidate.sentence, highlights: candidate.highlights, answersIntent: true };
      }
    }
  }
  return { sentence: best.sentence, highlights: best.highlights, answersIntent: false };
}

function wholeParagraph(paragraph: Paragraph): Sentence {
  return { number: 1, text: paragraph.text, start: paragraph.start, end: paragraph.end };
}

export function citationFor(article: Article, paragraph: Paragraph, quote: string, highlights: AnswerItem['citations'][number]['highlights'] = []) {
  return {
    articleId: article.id,
    date: article.date.text,
    paragraph: paragraph.number,
    quote,
    ...sourceFields(article),
    ...(highlights && highlights.length > 0 ? { highlights } : {}),
  };
}
