// /ask: a free question, answered with the passages that match it best.
import { askSpec } from '../src/answers/commandSpecs/commands.ts';
import { completeQuestion, completeYear } from '../src/answers/autocomplete.ts';
import { answeringCommand } from './answeringCommand.ts';

export const ask = answeringCommand(askSpec, { question: completeQuestion, year: completeYear });
