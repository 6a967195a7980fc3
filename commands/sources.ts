// /sources: the articles the bot answers from.
import { sourcesSpec } from '../src/answers/commandSpecs/commands.ts';
import { answeringCommand } from './answeringCommand.ts';

export const sources = answeringCommand(sourcesSpec, {});
