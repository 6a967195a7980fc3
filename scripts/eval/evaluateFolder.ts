// Builds the library of a folder of articles and asks it what the gold file checks: every meeting,
// every agreement, and each gold question, through the same engines the CLI and the bot use.
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { formatCorpusError } from '../../src/corpus/types.ts';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { prepareLookups } from '../../src/library/lookups/prepareLookups.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { Gold } from './goldFile.ts';
import { scoreAnswers, type Report, type ScoredAnswers } from './scoreAnswers.ts';

export async function evaluateFolder(corpusDir: string, gold: Gold): Promise<Report> {
  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatCorpusError).join('\n'));
  const library = buildLibrary(loaded.corpus);
  await prepareLookups(library);
  const bodies = new Map(loaded.corpus.articles.map((article) => [article.id, article.body]));
  const missing = Object.keys(gold).filter((id) => !bodies.has(id));
  if (missing.length > 0) throw new Error(`the gold file describes articles that are not in ${corpusDir}: ${missing.join(', ')}`);

  const answers: ScoredAnswers = {
    whoMet: answerQuestion(library, { command: 'who-met' }),
    agreements: answerQuestion(library, { command: 'agreements' }),
    asks: Object.entries(gold).flatMap(([articleId, article]) =>
      article.questions.map((question) => ({
        articleId,
        q: question.q,
        lang: question.lang,
        expected: question.answer,
        answer: answerQuestion(library, { command: 'ask', question: question.q }),
      })),
    ),
  };
  return scoreAnswers(gold, bodies, answers);
}
