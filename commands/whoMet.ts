// /who-met: meetings, filtered by year, month and person.
import { whoMetSpec } from '../src/answers/commandSpecs/commands.ts';
import { completePerson, completeYear } from '../src/answers/autocomplete.ts';
import { answeringCommand } from './answeringCommand.ts';

export const whoMet = answeringCommand(whoMetSpec, { year: completeYear, person: completePerson });
