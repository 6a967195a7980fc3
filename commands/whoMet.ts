// /who-met: meetings, filtered by year, month and person.
import { whoMetSpec } from '../src/answers/commandSpecs/commands.ts';
import { completePerson, completeYear } from '../src/answers/autocomplete.ts';
import { answeringCommand } from './answeringCommand.ts';

export const whoMet = answeringCommand(whoMetSpec, (library, focused) =>
  focused.name === 'year' ? completeYear(library, focused.value) : focused.name === 'person' ? completePerson(library, focused.value) : [],
);
