// A library built in the main thread (the CLI, a machine where no worker can start) is served as it
// was built: encoding it is for the cache file only, and decoding it again would only cost time and a
// second copy. What members get must be the same either way.
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { Question } from '../../src/answers/question.ts';
import { buildEncodedLibrary } from '../../src/library/buildLibraryWorker.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import type { Library } from '../../src/library/library.ts';
import { copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

const QUESTIONS: Question[] = [
  { command: 'who-met', year: 2025 },
  { command: 'agreements', year: 2023 },
  { command: 'ask', question: 'Hàn Quốc và NATO đã thống nhất điều gì?' },
];

/** What a member sees, without the timings. */
const answersOf = (library: Library) =>
  QUESTIONS.map((question) => {
    const { tookMs: _tookMs, ...answer } = answerQuestion(library, question) as ReturnType<typeof answerQuestion> & { tookMs?: number };
    return answer;
  });

afterAll(removeCorpusCopies);

describe('a library built in this thread', () => {
  it('is handed back as built when asked, answering exactly as the decoded cache would', async () => {
    const dir = await copyOfBundledCorpus();
    const outcome = await buildEncodedLibrary({ corpusDir: dir }, { keepBuilt: true });
    if (!outcome.ok) throw new Error('the bundled corpus did not build');
    expect(outcome.fromCache).toBe(false);
    expect(outcome.built).toBeDefined();
    const built = answersOf(outcome.built!);
    expect(built[0]!.items.length).toBeGreaterThan(0);
    expect(built[1]!.items.length).toBeGreaterThan(0);
    expect(built).toEqual(answersOf(await decodeLibrary(outcome.encoded)));
  });

  it('is not handed back unless asked, nor when it came from the cache', async () => {
    const dir = await copyOfBundledCorpus();
    const plain = await buildEncodedLibrary({ corpusDir: dir });
    expect(plain.ok).toBe(true);
    expect(plain.ok ? plain.built : 'failed').toBeUndefined();
    const cached = await buildEncodedLibrary({ corpusDir: dir }, { keepBuilt: true });
    expect(cached.ok && cached.fromCache).toBe(true);
    expect(cached.ok ? cached.built : 'failed').toBeUndefined();
  });
});
