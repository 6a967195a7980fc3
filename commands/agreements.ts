// /agreements: what was agreed, filtered by year and topic.
import { agreementsSpec } from '../src/answers/commandSpecs/commands.ts';
import { completeTopic, completeYear } from '../src/answers/autocomplete.ts';
import { answeringCommand } from './answeringCommand.ts';

export const agreements = answeringCommand(agreementsSpec, (library, focused) =>
  focused.name === 'year' ? completeYear(library, focused.value) : focused.name === 'topic' ? completeTopic(library, focused.value) : [],
);
