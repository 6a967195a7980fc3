// Each slash command's one definition, in the order /help and Discord list them. The handlers are in
// commands/<name>.ts; everything these say about options is read from here.
import {
  commandText,
  libraryText,
  type AnsweringCommandSpec,
  type CommandSpec,
  type OptionSpec,
  type OtherCommandSpec,
} from './commandSpec.ts';
import {
  MAX_TERM_LENGTH,
  REPLY_OPTIONS,
  idOption,
  monthOption,
  personOption,
  questionOption,
  sentenceOption,
  topicOption,
  yearOption,
} from './optionSpecs.ts';

export const whoMetSpec = {
  name: 'who-met',
  text: commandText('who-met'),
  access: 'everyone',
  answers: true,
  buttonCode: 'w',
  options: [yearOption, monthOption, personOption],
} as const satisfies AnsweringCommandSpec;

export const agreementsSpec = {
  name: 'agreements',
  text: commandText('agreements'),
  access: 'everyone',
  answers: true,
  buttonCode: 'g',
  options: [yearOption, topicOption],
} as const satisfies AnsweringCommandSpec;

export const askSpec = {
  name: 'ask',
  text: commandText('ask'),
  access: 'everyone',
  answers: true,
  buttonCode: 'a',
  // Required options come first (Discord's rule); a bare text on a command line is the question.
  options: [questionOption, yearOption],
} as const satisfies AnsweringCommandSpec;

export const sourcesSpec = {
  name: 'sources',
  text: commandText('sources'),
  access: 'everyone',
  answers: true,
  buttonCode: 's',
  options: [],
} as const satisfies AnsweringCommandSpec;

export const citeSpec = {
  name: 'cite',
  text: commandText('cite'),
  access: 'everyone',
  answers: true,
  buttonCode: 'c',
  options: [idOption, sentenceOption],
} as const satisfies AnsweringCommandSpec;

export const reloadSpec = {
  name: 'reload',
  text: commandText('reload'),
  access: 'moderators',
  answers: false,
} as const satisfies OtherCommandSpec;

export const librarySpec = {
  name: 'library',
  text: libraryText((t) => t.command),
  access: 'moderators',
  answers: false,
  subcommands: [
    {
      name: 'add',
      text: libraryText((t) => t.subcommands.add),
      options: [{ name: 'file', text: libraryText((t) => t.options.file), type: 'attachment', required: true }],
    },
    {
      name: 'remove',
      text: libraryText((t) => t.subcommands.remove),
      options: [
        {
          name: 'id',
          text: libraryText((t) => t.options.id),
          type: 'string',
          required: true,
          maxLength: MAX_TERM_LENGTH,
          autocomplete: true,
        },
      ],
    },
    { name: 'undo', text: libraryText((t) => t.subcommands.undo), options: [] },
    {
      name: 'list',
      text: libraryText((t) => t.subcommands.list),
      options: [{ name: 'page', text: libraryText((t) => t.options.page), type: 'integer', min: 1, max: 9999 }],
    },
  ],
} as const satisfies OtherCommandSpec;

export const helpSpec = {
  name: 'help',
  text: commandText('help'),
  access: 'everyone',
  answers: false,
} as const satisfies OtherCommandSpec;

export const COMMAND_SPECS = [
  whoMetSpec,
  agreementsSpec,
  askSpec,
  sourcesSpec,
  citeSpec,
  reloadSpec,
  librarySpec,
  helpSpec,
] as const satisfies readonly CommandSpec[];

export type AnsweringSpec = Extract<(typeof COMMAND_SPECS)[number], { answers: true }>;

export function isAnswering(spec: CommandSpec): spec is AnsweringCommandSpec {
  return spec.answers;
}

/** The commands that answer from the library, whose options make a `Question`. */
export const ANSWERING_SPECS = COMMAND_SPECS.filter((spec): spec is AnsweringSpec => spec.answers);

/** The name of an option a question can carry. */
export type QuestionOptionName = AnsweringSpec['options'][number]['name'];

/** For each answering command among `specs`, its own options' names in their order. */
export function questionOptionNames(specs: readonly CommandSpec[]): Record<string, readonly string[]> {
  return Object.fromEntries(specs.filter(isAnswering).map((spec) => [spec.name, spec.options.map((option) => option.name)]));
}

/** Each answering command's options in their order: what a question may hold and a button carries. */
export const QUESTION_OPTION_NAMES = questionOptionNames(COMMAND_SPECS) as {
  readonly [Spec in AnsweringSpec as Spec['name']]: readonly Spec['options'][number]['name'][];
};

/** Each answering command's button code (see `AnsweringCommandSpec.buttonCode`). */
export const BUTTON_CODES = Object.fromEntries(ANSWERING_SPECS.map((spec) => [spec.name, spec.buttonCode])) as {
  readonly [Spec in AnsweringSpec as Spec['name']]: Spec['buttonCode'];
};

/** Every option a member can type for the command: its own, then `hide` and `mention` if it answers. */
export function typedOptions(spec: CommandSpec): readonly OptionSpec[] {
  return spec.answers ? [...spec.options, ...REPLY_OPTIONS] : (spec.options ?? []);
}
