// What a member can ask, validated once for every front end (CLI, Discord, playground):
// bad input becomes a clear message here, never an exception deeper in. The schema is derived from the
// answering commands' one definition (src/answers/commandSpecs/).
import { z } from 'zod';
import type {
  AnsweringCommandSpec,
  CommandSpec,
  IntegerOptionSpec,
  QuestionOptionSpec,
  StringOptionSpec,
} from './commandSpecs/commandSpec.ts';
import { COMMAND_SPECS, QUESTION_OPTION_NAMES, isAnswering, type AnsweringSpec } from './commandSpecs/commands.ts';

export { MAX_QUERY_LENGTH, MAX_TERM_LENGTH } from './commandSpecs/optionSpecs.ts';

type OptionValue<Option> = Option extends { type: 'integer' } ? number : string;
type Simplify<T> = { [Key in keyof T]: T[Key] } & {};
type QuestionFor<Spec extends AnsweringCommandSpec> = Simplify<
  { command: Spec['name'] } & {
    [Option in Spec['options'][number] as Option extends { required: true } ? Option['name'] : never]: OptionValue<Option>;
  } & {
    [Option in Spec['options'][number] as Option extends { required: true } ? never : Option['name']]?: OptionValue<Option>;
  }
>;

/** A checked question: one member per answering command, its options typed as their definition says. */
export type Question = AnsweringSpec extends infer Spec ? (Spec extends AnsweringCommandSpec ? QuestionFor<Spec> : never) : never;
export type QuestionInput = Record<string, unknown> & { command: string };

function integer(option: IntegerOptionSpec) {
  const { name, min, max, errors = {} } = option;
  const range = `${name} must be between ${min} and ${max}`;
  return z.coerce
    .number({ error: errors.notNumber ?? `${name} must be a number` })
    .int(errors.notWhole ?? `${name} must be a whole number`)
    .min(min, errors.tooSmall ?? range)
    .max(max, errors.tooLarge ?? range);
}

/**
 * Text options: checked for length as typed (as Discord counts it: NFC can lengthen some characters,
 * and a text Discord let through must not be refused for it), then NFC, zero-width characters removed,
 * whitespace collapsed, and checked not to be empty.
 */
function text(option: StringOptionSpec) {
  const { name, maxLength } = option;
  return z
    .string()
    .max(maxLength, `${name} is too long (${maxLength} characters at most)`)
    .transform((value) =>
      value
        .normalize('NFC')
        .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(z.string().min(1, `${name} is empty: type a few words`));
}

function optionSchema(option: QuestionOptionSpec): z.ZodType<string | number | undefined> {
  const checked: z.ZodType<string | number> = option.type === 'integer' ? integer(option) : text(option);
  const values: readonly (string | number)[] | undefined = option.choices?.map((choice) => choice.value);
  const chosen = values ? checked.refine((value) => values.includes(value), `${option.name} must be one of ${values.join(', ')}`) : checked;
  return option.required ? chosen : chosen.optional();
}

/** The schema of the questions the answering commands among `specs` make. */
export function buildQuestionSchema(specs: readonly CommandSpec[]) {
  const members = specs.filter(isAnswering).map((spec) =>
    z.strictObject({
      command: z.literal(spec.name),
      ...Object.fromEntries(spec.options.map((option) => [option.name, optionSchema(option)])),
    }),
  );
  return z.discriminatedUnion('command', members as [(typeof members)[number], ...(typeof members)[number][]]);
}

export const questionSchema = buildQuestionSchema(COMMAND_SPECS) as unknown as z.ZodType<Question>;

/** The commands and their options, for help texts and "unknown option" messages. */
export const commandOptions: Record<Question['command'], readonly string[]> = QUESTION_OPTION_NAMES;

export type ParsedQuestion = { ok: true; question: Question } | { ok: false; errors: string[] };

/** Checks raw options (strings from a command line, or Discord's typed values) against the schema. */
export function parseQuestion(input: QuestionInput): ParsedQuestion {
  const known = commandOptions[input.command as Question['command']];
  if (!known) {
    return {
      ok: false,
      errors: [
        `unknown command "${input.command}": try ${Object.keys(commandOptions)
          .map((name) => `/${name}`)
          .join(', ')}`,
      ],
    };
  }
  const unknown = Object.keys(input).filter((key) => key !== 'command' && !known.includes(key));
  if (unknown.length > 0) {
    const allowed = known.length > 0 ? `/${input.command} takes ${known.join(', ')}` : `/${input.command} takes no options`;
    return { ok: false, errors: unknown.map((key) => `unknown option "${key}": ${allowed}`) };
  }
  const parsed = questionSchema.safeParse(input);
  if (parsed.success) return { ok: true, question: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => issue.message) };
}
