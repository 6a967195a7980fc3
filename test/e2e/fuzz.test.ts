// Random members typing random things — any Unicode, Vietnamese with and without marks, zero-width
// characters, markdown, @everyone and role/user mentions, 6,000 characters — through the real bot
// and its real handlers. Whatever they type: every interaction is answered, nothing Discord would
// refuse is sent, nobody is pinged but the member in `mention`, every quote is word for word from
// the corpus, and nothing is logged as an error. FUZZ_RUNS sets how many members try (default 1,000, about 2,500 interactions;
// each runs a command, types into an autocomplete option and may press a button).
import fc from 'fast-check';
import type { APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView } from '../../tools/discord-stand-in/discordDriver.ts';
import { startCitebotOnStandIn, type CitebotOnStandIn } from './support/citebotOnStandIn.ts';
import { buttonsOf, corpusFile, quotesAreVerbatim, quotesIn } from './support/whatMembersSee.ts';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CORPUS = ['001_03677d34c6a97d66.txt', '000_4f467cfc7a82818c.txt'].map((file) => corpusFile(file));

const awkward = fc.constantFrom(
  '@everyone',
  '@here',
  '<@&123>',
  '<@456>',
  '<@&123456789012345678>',
  '<@456789012345678901>',
  '<@!456>',
  '<#123456789012345678>',
  '**',
  '__',
  '~~',
  '||',
  '`',
  '```',
  '> ',
  '# ',
  '-# ',
  '1. ',
  '[link](https://example.com/x)',
  '\\',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\n',
  '  ',
  '#',
  '¶',
  '…',
  'e\u0301',
  'ơ\u0303',
  '🇻🇳',
  '👩‍👩‍👧',
  '\u202e',
);
const vietnamese = fc.constantFrom(
  'Mark Rutte',
  'Jens Stoltenberg',
  'stolt',
  'Wi Sung-lac',
  'hội nghị thượng đỉnh',
  'hoi nghi thuong dinh',
  'công nghiệp quốc phòng',
  'cong nghiep quoc phong',
  'Hội nghị ở đâu?',
  'Ai đã gặp ai năm 2025',
  'Đà Nẵng',
  'đồng ý',
  'dong y',
  'NATO',
  'hợp tác',
  'quốc phòng',
  'Tổng thư ký',
  'ký kết',
  'defence industry',
  'who met whom',
  '001_03677d34c6a97d66#6',
  '000_4f467cfc7a82818c#',
  '2025',
);
const fragment = fc.oneof(
  { weight: 3, arbitrary: vietnamese },
  { weight: 3, arbitrary: awkward },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const typed = fc.oneof(
  // A plain phrase alone finds many passages, so answers have pages to turn.
  { weight: 4, arbitrary: vietnamese },
  { weight: 12, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(6000), 'đ'.repeat(6000), `${'Mark Rutte '.repeat(545)}@everyone`, '**'.repeat(3000)) },
);
const year = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(2023, 2025) },
  { weight: 2, arbitrary: fc.integer({ min: 1900, max: 2100 }) },
  // Discord keeps these out with min_value/max_value; the bot must not trust that.
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
);
const month = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -100, max: 100 }) },
);

const shared = { hide: fc.boolean(), mention: fc.boolean() };
const command = fc.oneof(
  fc.record({ name: fc.constant('who-met'), options: fc.record({ year, month, person: typed }, { requiredKeys: [] }), ...shared }),
  fc.record({ name: fc.constant('agreements'), options: fc.record({ year, topic: typed }, { requiredKeys: [] }), ...shared }),
  fc.record({ name: fc.constant('ask'), options: fc.record({ question: typed, year }, { requiredKeys: ['question'] }), ...shared }),
  fc.record({ name: fc.constant('cite'), options: fc.record({ id: typed }), ...shared }),
  fc.record({ name: fc.constant('sources'), options: fc.constant({}), ...shared }),
);
const autocomplete = fc.oneof(
  fc.record({ name: fc.constant('who-met'), focused: fc.constantFrom('person', 'year') }),
  fc.record({ name: fc.constant('agreements'), focused: fc.constantFrom('topic', 'year') }),
  fc.record({ name: fc.constant('ask'), focused: fc.constantFrom('question', 'year') }),
  fc.record({ name: fc.constant('cite'), focused: fc.constant('id') }),
);
const member = fc.record({
  locale: fc.constantFrom('vi', 'en-US', 'en-GB', 'fr', 'zh-CN'),
  dm: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  command,
  autocomplete,
  typedWhileAutocompleting: typed,
  /** Which button to press on the answer, if it has any (by its position), and whether another member presses it. */
  press: fc.option(fc.record({ index: fc.nat(), byOther: fc.boolean() }), { nil: undefined }),
});

describe('fuzzing the real handlers through the stand-in', () => {
  let citebot: CitebotOnStandIn;
  /** Quotes seen across every run, each checked word for word. */
  let quotesChecked = 0;

  beforeAll(async () => {
    // The production cooldown stays on: each run is a new member, so every command reaches its handler.
    citebot = await startCitebotOnStandIn();
  });

  afterAll(async () => {
    citebot?.standIn.expectNoViolations();
    await citebot?.stop();
  });

  /** What must hold for any message a member sees. */
  function expectFine(seen: MemberView, mentioned: APIUser | undefined, what: string): void {
    const violations = citebot.standIn.takeViolations();
    expect(violations, `${what}: Discord would refuse`).toEqual([]);
    const errors = citebot.errorLogs();
    expect(errors, `${what}: the bot logged an error`).toEqual([]);
    const allowedUsers = mentioned ? [mentioned.id] : [];
    expect(seen.pinged.everyone, `${what}: pinged @everyone`).toBe(false);
    expect(seen.pinged.roles, `${what}: pinged a role`).toEqual([]);
    expect(
      seen.pinged.users.filter((id) => !allowedUsers.includes(id)),
      `${what}: pinged someone not mentioned`,
    ).toEqual([]);
    const quotes = quotesIn(seen.reply);
    quotesChecked += quotes.length;
    const verbatim = quotesAreVerbatim(quotes, CORPUS);
    expect(verbatim.notFound, `${what}: a quote not in the corpus`).toEqual([]);
  }

  it(
    `answers ${FUZZ_RUNS} random members without a crash, a refused payload, a ping or a changed quote`,
    async () => {
      const { driver, world } = { driver: citebot.driver, world: citebot.standIn.world };
      let interactions = 0;
      await fc.assert(
        fc.asyncProperty(member, async (run) => {
          const asker = world.user();
          const mentioned = run.command.mention ? world.user() : undefined;
          const options: Record<string, string | number | boolean | APIUser> = { ...run.command.options, hide: run.command.hide };
          if (mentioned) options.mention = mentioned;
          const what = `/${run.command.name} ${JSON.stringify(options).slice(0, 300)}`;

          const seen = await driver.invokeCommand({ name: run.command.name, options, user: asker, locale: run.locale, dm: run.dm });
          interactions += 1;
          expect(seen.reply, `${what}: no reply`).toBeDefined();
          expectFine(seen, mentioned, what);
          if (!seen.ephemeral && mentioned) expect(seen.pinged.users).toEqual([mentioned.id]);

          const { name, focused } = run.autocomplete;
          const suggested = await driver.invokeAutocomplete({
            name,
            options: { [focused]: run.typedWhileAutocompleting },
            focused,
            user: asker,
            locale: run.locale,
            dm: run.dm,
          });
          interactions += 1;
          expect(citebot.standIn.takeViolations(), `autocomplete /${name} ${focused}`).toEqual([]);
          expect(suggested.choices!.length).toBeLessThanOrEqual(25);

          const buttons = buttonsOf(seen.reply).filter((button) => !button.disabled);
          if (run.press && buttons.length > 0) {
            const button = buttons[run.press.index % buttons.length]!;
            const presser = run.press.byOther ? world.user() : asker;
            const pressed = await driver.pressButton({
              message: seen.reply!,
              customId: button.customId,
              user: presser,
              locale: run.locale,
            });
            interactions += 1;
            expectFine(pressed, mentioned, `${what} → pressed ${button.label}`);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
      expect(interactions).toBeGreaterThanOrEqual(FUZZ_RUNS * 2);
      // The verbatim check above saw real quotes, not only replies without any.
      expect(quotesChecked).toBeGreaterThan(FUZZ_RUNS / 4);
    },
    // About 10 ms an interaction on a 2-core machine; generous room for a slow CI run.
    Math.max(60_000, FUZZ_RUNS * 300),
  );
});
