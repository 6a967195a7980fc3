// Every option of the answering commands, once, with its limits: a command lists the ones it takes.
import { optionText, type BooleanOptionSpec, type IntegerOptionSpec, type StringOptionSpec, type UserOptionSpec } from './commandSpec.ts';

/** Longest free text we search: long enough for any real question, short enough to stay fast. */
export const MAX_QUERY_LENGTH = 300;
/** Options that name a person or topic are shorter still. */
export const MAX_TERM_LENGTH = 100;

export const yearOption = {
  name: 'year',
  text: optionText('year'),
  type: 'integer',
  min: 1900,
  max: 2100,
  autocomplete: true,
  errors: { notNumber: 'year must be a number, e.g. 2025', notWhole: 'year must be a whole number, e.g. 2025' },
} as const satisfies IntegerOptionSpec;

export const monthOption = {
  name: 'month',
  text: optionText('month'),
  type: 'integer',
  min: 1,
  max: 12,
  errors: {
    notNumber: 'month must be a number from 1 to 12',
    notWhole: 'month must be a whole number from 1 to 12',
    tooSmall: 'month must be a number from 1 to 12',
    tooLarge: 'month must be a number from 1 to 12',
  },
} as const satisfies IntegerOptionSpec;

export const personOption = {
  name: 'person',
  text: optionText('person'),
  type: 'string',
  maxLength: MAX_TERM_LENGTH,
  autocomplete: true,
} as const satisfies StringOptionSpec;

export const topicOption = {
  name: 'topic',
  text: optionText('topic'),
  type: 'string',
  maxLength: MAX_TERM_LENGTH,
  autocomplete: true,
} as const satisfies StringOptionSpec;

export const questionOption = {
  name: 'question',
  text: optionText('question'),
  type: 'string',
  required: true,
  maxLength: MAX_QUERY_LENGTH,
  autocomplete: true,
} as const satisfies StringOptionSpec;

export const idOption = {
  name: 'id',
  text: optionText('id'),
  type: 'string',
  required: true,
  maxLength: MAX_TERM_LENGTH,
  autocomplete: true,
} as const satisfies StringOptionSpec;

export const sentenceOption = {
  name: 'sentence',
  text: optionText('sentence'),
  type: 'integer',
  min: 1,
  max: 999,
  errors: {
    notNumber: 'sentence must be a number, e.g. 2 for the second sentence',
    notWhole: 'sentence must be a whole number, e.g. 2',
    tooSmall: 'sentence must be 1 or more (1 is the first sentence of the paragraph)',
    tooLarge: 'sentence must be at most 999',
  },
} as const satisfies IntegerOptionSpec;

/**
 * How an answer is posted rather than what it answers, so not part of a question: every answering
 * command takes them after its own options (src/discord/answerReply.ts reads them).
 */
export const REPLY_OPTIONS = [
  { name: 'hide', text: optionText('hide'), type: 'boolean' } as const satisfies BooleanOptionSpec,
  { name: 'mention', text: optionText('mention'), type: 'user' } as const satisfies UserOptionSpec,
] as const;
