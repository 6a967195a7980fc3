// /cite: one paragraph of an article (or one sentence of it), verbatim, by its `article#paragraph` id,
// with the citation in the standard plain form, ready to paste.
import { citeSpec } from '../src/answers/commandSpecs/commands.ts';
import { completeCiteId } from '../src/answers/autocomplete.ts';
import { answeringCommand } from './answeringCommand.ts';

export const cite = answeringCommand(citeSpec, { id: completeCiteId });
