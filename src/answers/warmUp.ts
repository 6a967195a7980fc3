// Runs every command's engine on the library's own people, topics and years once the bot has opened its
// library, before it answers anyone; the answers are dropped.
//
// Why: V8 compiles a function for speed only after it has run it a while, and throws that code away
// again the first times it meets a new kind of value (a meeting with a place and one without, an
// agreement and a passage). In a fresh process the first few hundred commands paid for it: at 100k
// paragraphs, /who-met's p99 over the first 500 calls was 4.6 ms and over the next 500 1.1 ms, with the
// same answers. A member should not be the one who warms the bot up.
//
// The questions are made from what the library holds (its most frequent people and topics, written as
// members write them: whole, in part, without diacritics, misspelt, with a year), so nothing here is
// tied to a particular corpus. Only at start: a reload keeps the code that is already warm. The bot runs
// it in slices while it logs in (network waits that leave the thread idle), so it delays no one.
import type { Answer } from './answer.ts';
import type { Library } from '../library/library.ts';
import type { Question } from './question.ts';
import { answerQuestion } from './answerQuestion.ts';
import { completeCiteId, completePerson, completeQuestion, completeTopic, completeYear } from './autocomplete.ts';
import { popularTopics, prominentPeople } from '../library/lookups/popularTopics.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';
import { runInSlices, runToEnd } from '../text/steps.ts';
import { yieldEvery } from '../library/yieldEvery.ts';

export interface WarmUpOptions {
  /** Times each question is asked: V8 needs a few hundred calls of a function before it optimises it. */
  rounds?: number;
  /** Stops after this long (ms) even if rounds remain: a very large library must not delay the start much. */
  budgetMs?: number;
  /** Called with every answer, so the caller warms what it does with answers too (the Discord replies). */
  onAnswer?: (answer: Answer, round: number) => void;
}

export interface WarmUpReport {
  calls: number;
  tookMs: number;
  /** False when the budget ran out before the last round. */
  finished: boolean;
}

/**
 * Rounds asked by default. Measured at 100k paragraphs: V8 threw away optimised code 27 times in the
 * first 500 /who-met and /agreements calls of a fresh process, and twice after ten rounds (thirty gave
 * no fewer). Ten rounds take 1-2 s there.
 */
export const WARM_UP_ROUNDS = 10;
/** At most this long (ms): on a very large library a round costs more and fewer are run. */
export const WARM_UP_BUDGET_MS = 3_000;
/** /ask costs the most per call and its p99 is far within its target: a few rounds warm it. */
const ASK_ROUNDS = 3;

/** Work between two pauses of {@link warmUpInSlices}: a member's command waits at most about this long. */
const SLICE_MS = 10;

/** Runs the warm-up in one go. */
export function warmUpEngines(library: Library, options: WarmUpOptions = {}): WarmUpReport {
  return runToEnd(warmUpSteps(library, options));
}

/** Runs the warm-up in slices of about `sliceMs`, letting the event loop run in between. */
export function warmUpInSlices(library: Library, options: WarmUpOptions = {}, sliceMs = SLICE_MS): Promise<WarmUpReport> {
  return runInSlices(warmUpSteps(library, options), yieldEvery(sliceMs));
}

/** The warm-up, pausing (a `yield`) after every call. */
function* warmUpSteps(library: Library, options: WarmUpOptions): Generator<void, WarmUpReport, void> {
  const { rounds = WARM_UP_ROUNDS, budgetMs = WARM_UP_BUDGET_MS, onAnswer } = options;
  const started = performance.now();
  const { questions, completions } = warmUpInputs(library);
  let calls = 0;
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      if (question.command === 'ask' && round >= ASK_ROUNDS) continue;
      const answer = answerQuestion(library, question);
      onAnswer?.(answer, round);
      calls++;
      yield;
    }
    for (const complete of completions) {
      complete();
      calls++;
      yield;
    }
    if (performance.now() - started > budgetMs) {
      return { calls, tookMs: Math.round(performance.now() - started), finished: round === rounds - 1 };
    }
  }
  return { calls, tookMs: Math.round(performance.now() - started), finished: true };
}

/** The questions and autocompletes asked, made from the library's most frequent people and topics. */
export function warmUpInputs(library: Library): { questions: Question[]; completions: Array<() => unknown> } {
  const people = prominentPeople(library, 4);
  const topics = popularTopics(library, 4);
  const years = library.years;
  const year = years[years.length - 1];
  const questions: Question[] = [{ command: 'sources' }, { command: 'who-met' }, { command: 'agreements' }];
  const completions: Array<() => unknown> = [() => completeYear(library, ''), () => completeCiteId(library, '')];
  if (year !== undefined) {
    questions.push({ command: 'who-met', year }, { command: 'who-met', year, month: 6 }, { command: 'agreements', year });
    completions.push(() => completeYear(library, String(year).slice(0, 2)));
  }
  for (const name of people) {
    const family = lastWord(name);
    for (const person of [name, family, foldDiacritics(name).toLowerCase(), misspelt(family)]) {
      questions.push({ command: 'who-met', person }, { command: 'ask', question: person });
    }
    if (year !== undefined) questions.push({ command: 'who-met', person: family, year });
    for (let length = 1; length <= Math.min(4, name.length); length++) {
      const typed = name.slice(0, length);
      completions.push(() => completePerson(library, typed));
    }
  }
  for (const topic of topics) {
    for (const written of [topic, foldDiacritics(topic)]) {
      questions.push({ command: 'agreements', topic: written }, { command: 'ask', question: written });
      completions.push(
        () => completeTopic(library, written.slice(0, 3)),
        () => completeQuestion(library, written),
        () => completeCiteId(library, written),
      );
    }
    if (year !== undefined) questions.push({ command: 'agreements', topic, year }, { command: 'ask', question: topic, year });
    for (const name of people.slice(0, 1)) questions.push({ command: 'ask', question: `${name} ${topic}` });
  }
  // Each kind of cited passage once: the /cite answer of the first paragraph the autocomplete offers.
  const firstId = completeCiteId(library, '')[0]?.value;
  if (typeof firstId === 'string') questions.push({ command: 'cite', id: firstId });
  return { questions, completions };
}

function lastWord(name: string): string {
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? name;
}

/** The word with two of its inner letters swapped, as a member types in a hurry ("Stoltenbreg"). */
function misspelt(word: string): string {
  if (word.length < 5) return `${word}${word.slice(-1)}`;
  const at = Math.floor(word.length / 2);
  return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
}
