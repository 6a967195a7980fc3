// /agreements: what was agreed, filtered by year and topic.
import { agreementsSpec } from '../src/answers/commandSpecs/commands.ts';
import { completeTopic, completeYear } from '../src/answers/autocomplete.ts';
import { answeringCommand } from './answeringCommand.ts';

export const agreements = answeringCommand(agreementsSpec, { year: completeYear, topic: completeTopic });
