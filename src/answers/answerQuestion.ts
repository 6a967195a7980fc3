// The single entry point of the answer engines: a validated Question in, an Answer out.
import type { Answer } from './answer.ts';
import type { Library } from '../library/library.ts';
import type { Question } from './question.ts';
import { answerWhoMet } from './whoMet.ts';
import { answerAgreements } from './agreements.ts';
import { answerAsk } from './ask.ts';
import { answerSources } from './sources.ts';
import { answerCite } from './cite.ts';

export function answerQuestion(library: Library, question: Question): Answer {
  const started = performance.now();
  const answer = dispatch(library, question);
  answer.tookMs = Math.round((performance.now() - started) * 100) / 100;
  return answer;
}

function dispatch(library: Library, question: Question): Answer {
  switch (question.command) {
    case 'who-met':
      return answerWhoMet(library, { year: question.year, month: question.month, person: question.person });
    case 'agreements':
      return answerAgreements(library, { year: question.year, topic: question.topic });
    case 'ask':
      return answerAsk(library, { question: question.question, year: question.year });
    case 'sources':
      return answerSources(library);
    case 'cite':
      return answerCite(library, question.sentence === undefined ? { id: question.id } : { id: question.id, sentence: question.sentence });
  }
}
