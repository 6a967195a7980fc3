// What the library cache's tests share: opening a corpus copy as the bot does, a fresh build to compare
// with, and what a member would see of a library.
import { readdir } from 'node:fs/promises';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { Library } from '../../src/library/library.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import type { Question } from '../../src/answers/question.ts';
import { LibraryStore, loadLibrary } from '../../src/library/libraryStore.ts';

/**
 * Opens as the bot does, but builds in this thread: what is cached does not depend on where it was built
 * (the worker thread's build is tested end to end in test/e2e/libraryBuilders.test.ts).
 */
export const open = (dir: string) => LibraryStore.open(dir, { buildInThisThread: true });

export async function freshLibrary(dir: string): Promise<Library> {
  const loaded = await loadLibrary(dir);
  if (!loaded.ok) throw new Error('the bundled corpus should load');
  return loaded.library;
}

/**
 * A corpus as plain data: a paragraph read from the cache cuts its sentences on demand (a getter, not
 * an own property), so both sides are compared by what they read back.
 */
export function plainCorpus(corpus: Corpus) {
  return {
    ...corpus,
    articles: corpus.articles.map((article) => ({
      ...article,
      // Read field by field: a paragraph from the cache reads its text, start, end and sentences through getters.
      paragraphs: [...article.paragraphs].map(({ articleId, number, text, start, end, sentences }) => ({
        articleId,
        number,
        text,
        start,
        end,
        sentences,
      })),
    })),
  };
}

export async function firstArticle(dir: string): Promise<string> {
  return (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()[0]!;
}

const QUESTIONS: Question[] = [
  { command: 'ask', question: 'hop tac cong nghiep quoc phong' },
  { command: 'ask', question: 'Stoltenbreg' },
  { command: 'ask', question: 'defense industry', year: 2025 },
  { command: 'who-met', year: 2025 },
  { command: 'who-met', person: 'stoltenberg' },
  { command: 'agreements', topic: 'defense industry' },
  { command: 'sources' },
  { command: 'cite', id: '001_03677d34c6a97d66' },
];

/** What a member would see, without the timing. */
export function answersOf(library: Library) {
  return QUESTIONS.map((question) => ({ ...answerQuestion(library, question), tookMs: undefined }));
}
