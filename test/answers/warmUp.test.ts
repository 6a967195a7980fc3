// The warm-up the bot runs at start: every answering command, in the forms members type, from the
// library's own people and topics; it changes no answer and keeps to its time budget.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { warmUpEngines, warmUpInSlices, warmUpInputs } from '../../src/answers/warmUp.ts';
import { COMMAND_SPECS, isAnswering } from '../../src/answers/commandSpecs/commands.ts';
import { prominentPeople } from '../../src/library/lookups/popularTopics.ts';
import type { Library } from '../../src/library/library.ts';
import type { Answer } from '../../src/answers/answer.ts';
import type { Question } from '../../src/answers/question.ts';

let library: Library;
beforeAll(async () => {
  const loaded = await loadLibrary('corpus');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  library = loaded.library;
});

describe('warmUpEngines', () => {
  it('asks every answering command, with and without filters, about the people the library names most', () => {
    const { questions } = warmUpInputs(library);
    const asked = new Set(questions.map((question) => question.command));
    for (const spec of COMMAND_SPECS.filter(isAnswering)) expect(asked, `/${spec.name} is not warmed`).toContain(spec.name);
    const [mostNamed] = prominentPeople(library, 1);
    expect(mostNamed).toBeTruthy();
    const people = questions.flatMap((question) => (question.command === 'who-met' && question.person ? [question.person] : []));
    expect(people).toContain(mostNamed);
    // As members type it: the family name alone, and without diacritics.
    expect(people).toContain(mostNamed!.split(' ').at(-1));
    expect(questions.some((question) => question.command === 'who-met' && question.year !== undefined && question.person)).toBe(true);
    expect(questions.some((question) => question.command === 'agreements' && question.topic)).toBe(true);
    // The warmed questions find something: warming only "nothing found" would leave the answers cold.
    const found = questions.filter((question) => answerQuestion(library, question).items.length > 0);
    expect(found.length).toBeGreaterThan(questions.length / 2);
  });

  it('gives every question the same answer after warming as before', () => {
    const { questions } = warmUpInputs(library);
    const strip = (answer: Answer) => ({ ...answer, tookMs: 0 });
    const before = questions.map((question: Question) => strip(answerQuestion(library, question)));
    const report = warmUpEngines(library, { rounds: 3 });
    expect(report).toMatchObject({ finished: true });
    expect(report.calls).toBeGreaterThanOrEqual(questions.length);
    expect(questions.map((question) => strip(answerQuestion(library, question)))).toEqual(before);
  });

  it('hands every answer to the caller, round after round, and stops when its budget is spent', () => {
    const seen: Array<{ command: string; round: number }> = [];
    const report = warmUpEngines(library, { rounds: 2, onAnswer: (answer, round) => seen.push({ command: answer.command, round }) });
    expect(new Set(seen.map((entry) => entry.round))).toEqual(new Set([0, 1]));
    expect(seen.filter((entry) => entry.command === 'who-met').length).toBeGreaterThan(2);
    expect(report.finished).toBe(true);

    const cut = warmUpEngines(library, { rounds: 1_000, budgetMs: 0 });
    expect(cut.finished).toBe(false);
    expect(cut.calls).toBeLessThan(1_000 * warmUpInputs(library).questions.length);
  });

  it('in slices, lets the event loop run between its calls (the bot logs in and answers meanwhile)', async () => {
    const ticks: number[] = [];
    let calls = 0;
    const timer = setInterval(() => ticks.push(calls), 0);
    const report = await warmUpInSlices(library, { rounds: 3, onAnswer: () => calls++ }, 0);
    clearInterval(timer);
    expect(report).toMatchObject({ finished: true });
    // The timer ran while the warm-up was under way, not only before or after it.
    expect(ticks.some((at) => at > 0 && at < calls)).toBe(true);
  });
});
