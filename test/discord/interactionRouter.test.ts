import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer, AnswerItem } from '../../src/answers/answer.ts';
import type { Library } from '../../src/library/library.ts';
import type { SlashCommand } from '../../src/discord/commandTypes.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { encodeButtonState, itemFingerprint } from '../../src/discord/customIds.ts';
import { createLogger } from '../../src/logger.ts';
import { fakeAutocomplete, fakeButton, fakeCommand } from './fakeInteractions.ts';

const answerQuestion = vi.fn<(library: Library, question: { command: string }) => Answer>();
vi.mock('../../src/answers/answerQuestion.ts', () => ({
  answerQuestion: (...args: [Library, { command: string }]) => answerQuestion(...args),
}));
// The router is tested with commands of its own; the real commands' completers are never called here.
vi.mock('../../src/answers/autocomplete.ts', () => {
  const never = () => {
    throw new Error('not used by these tests');
  };
  return { completeYear: never, completePerson: never, completeTopic: never, completeQuestion: never, completeCiteId: never };
});
const { createInteractionRouter, fitChoices } = await import('../../src/discord/interactionRouter.ts');
const { replyWithAnswer } = await import('../../src/discord/answerReply.ts');

const ASKER = '111111111111111111';
const OTHER = '333333333333333333';

function meeting(index: number): AnswerItem {
  return {
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    participants: [],
    date: '2025-06-24',
    summary: `Cuộc gặp ${index}`,
    citations: [{ articleId: '001_03677d34c6a97d66', date: '2025-06', paragraph: 1, quote: `Câu ${index}.` }],
  };
}

function setup(commands?: SlashCommand[]) {
  let now = 0;
  const lines: Record<string, any>[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  const router = createInteractionRouter({
    store: { current: {} as Library, reload: vi.fn() },
    config: { moderatorRoleIds: [], moderationGuildIds: [] },
    logger,
    cooldown: new Cooldown(3000, () => now),
    ...(commands ? { commands } : {}),
  });
  return { router, lines, advance: (ms: number) => (now += ms) };
}

const answeringCommand: SlashCommand = {
  data: { name: 'who-met', description: 'x' },
  answers: true,
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, { command: 'who-met', person: interaction.options.getString('person') }),
  autocomplete: () => [],
};

beforeEach(() => {
  answerQuestion.mockReset();
  answerQuestion.mockImplementation((_, question) => ({
    command: question.command as Answer['command'],
    options: { person: 'Rutte' },
    items: Array.from({ length: 12 }, (__, index) => meeting(index)),
  }));
});

describe('interaction router: commands', () => {
  it('answers a command and logs command, guild, latency and result', async () => {
    const { router, lines } = setup([answeringCommand]);
    const { interaction, sent } = fakeCommand({ commandName: 'who-met', options: { person: 'Rutte' } });
    await router.handle(interaction);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.options.embeds).toHaveLength(5);
    expect(sent[0]!.options.allowedMentions).toEqual({ parse: [] });
    expect(lines.at(-1)).toMatchObject({
      msg: 'interaction',
      command: 'who-met',
      guild: '900000000000000000',
      result: 'answered:12:pages:3',
    });
    expect(lines.at(-1)!.latencyMs).toBeTypeOf('number');
  });

  it('asks a member to slow down, privately, when they repeat an answering command within the cooldown', async () => {
    const { router, advance } = setup([answeringCommand]);
    const first = fakeCommand({ commandName: 'who-met' });
    const second = fakeCommand({ commandName: 'who-met' });
    const other = fakeCommand({ commandName: 'who-met', userId: OTHER });
    await router.handle(first.interaction);
    advance(1000);
    await router.handle(second.interaction);
    await router.handle(other.interaction);
    expect(second.sent[0]!.options).toMatchObject({
      content: 'You are going a little fast. Try again in 2 s.',
      flags: MessageFlags.Ephemeral,
    });
    expect(other.sent[0]!.options.embeds).toHaveLength(5);
    advance(2000);
    const third = fakeCommand({ commandName: 'who-met' });
    await router.handle(third.interaction);
    expect(third.sent[0]!.options.embeds).toHaveLength(5);
  });

  it('does not apply the cooldown to commands that do not answer', async () => {
    const help: SlashCommand = { data: { name: 'help', description: 'x' }, answers: false, execute: vi.fn(async () => 'help') };
    const { router } = setup([help]);
    for (let index = 0; index < 3; index += 1) await router.handle(fakeCommand({ commandName: 'help' }).interaction);
    expect(help.execute).toHaveBeenCalledTimes(3);
  });

  it('tells the member privately when the question is refused', async () => {
    const { router } = setup([answeringCommand]);
    const { interaction, sent } = fakeCommand({ commandName: 'who-met', options: { person: '   ' } });
    await router.handle(interaction);
    expect(sent[0]!.options.flags).toBe(MessageFlags.Ephemeral);
    expect(sent[0]!.options.content).toMatch(/^That question did not work:/);
    expect(answerQuestion).not.toHaveBeenCalled();
  });

  it('turns a failing handler into a private "something went wrong", logs the stack, and keeps going', async () => {
    const broken: SlashCommand = {
      data: { name: 'broken', description: 'x' },
      answers: false,
      execute: async () => {
        throw new Error('engine exploded');
      },
    };
    const { router, lines } = setup([broken]);
    const { interaction, sent } = fakeCommand({ commandName: 'broken', locale: 'vi' });
    await expect(router.handle(interaction)).resolves.toBeUndefined();
    expect(sent).toEqual([
      {
        method: 'reply',
        options: expect.objectContaining({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Đã có lỗi/) }),
      },
    ]);
    const line = lines.find((entry) => entry.msg === 'interaction failed')!;
    expect(line.error.stack).toContain('engine exploded');
    expect(line.result).toBe('error');
  });

  it('follows up privately when the failing handler had already deferred', async () => {
    const broken: SlashCommand = {
      data: { name: 'broken', description: 'x' },
      answers: false,
      execute: async (interaction) => {
        await interaction.deferReply();
        throw new Error('late failure');
      },
    };
    const { router } = setup([broken]);
    const { interaction, sent } = fakeCommand({ commandName: 'broken' });
    await router.handle(interaction);
    expect(sent.map((entry) => entry.method)).toEqual(['deferReply', 'followUp']);
    expect(sent[1]!.options.flags).toBe(MessageFlags.Ephemeral);
  });

  it('answers an unknown command privately', async () => {
    const { router } = setup([]);
    const { interaction, sent } = fakeCommand({ commandName: 'gone' });
    await router.handle(interaction);
    expect(sent[0]!.options.flags).toBe(MessageFlags.Ephemeral);
  });
});

describe('interaction router: autocomplete', () => {
  it('sends at most 25 choices with names of at most 100 characters', async () => {
    const command: SlashCommand = {
      ...answeringCommand,
      autocomplete: () => Array.from({ length: 40 }, (_, index) => ({ name: `Người ${index} `.repeat(30), value: `p${index}` })),
    };
    const { router } = setup([command]);
    const { interaction, sent } = fakeAutocomplete({
      commandName: 'who-met',
      name: 'person',
      value: 'ng',
      type: ApplicationCommandOptionType.String,
    });
    await router.handle(interaction);
    const choices = sent[0]!.options as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    expect(choices.every((choice) => choice.name.length <= 100)).toBe(true);
  });

  it('sends numbers for integer options and drops values that are not', () => {
    expect(
      fitChoices(
        [
          { name: '2025', value: '2025' },
          { name: 'bad', value: 'x' },
          { name: '2024', value: 2024 },
        ],
        ApplicationCommandOptionType.Integer,
      ),
    ).toEqual([
      { name: '2025', value: 2025 },
      { name: '2024', value: 2024 },
    ]);
  });

  it('offers no choices, rather than failing, when suggestions throw', async () => {
    const command: SlashCommand = {
      ...answeringCommand,
      autocomplete: () => {
        throw new Error('index missing');
      },
    };
    const { router, lines } = setup([command]);
    const { interaction, sent } = fakeAutocomplete({
      commandName: 'who-met',
      name: 'person',
      value: 'x',
      type: ApplicationCommandOptionType.String,
    });
    await router.handle(interaction);
    expect(sent).toEqual([{ method: 'respond', options: [] }]);
    expect(lines.some((line) => line.msg === 'autocomplete failed')).toBe(true);
  });
});

describe('interaction router: buttons', () => {
  const pageState = (overrides: Partial<Parameters<typeof encodeButtonState>[0]> = {}) =>
    encodeButtonState({
      action: 'page',
      command: 'who-met',
      page: 1,
      ownerId: ASKER,
      hidden: false,
      shared: false,
      options: { person: 'Rutte' },
      ...overrides,
    })!.customId;

  it('turns the page in place for the asker, answering the question again from the button alone', async () => {
    const { router } = setup();
    const { interaction, sent } = fakeButton({ customId: pageState(), userId: ASKER });
    await router.handle(interaction);
    expect(sent[0]!.method).toBe('update');
    expect(sent[0]!.options.embeds.map((embed: { title: string }) => embed.title)).toEqual([
      '6. Cuộc gặp 5',
      '7. Cuộc gặp 6',
      '8. Cuộc gặp 7',
      '9. Cuộc gặp 8',
      '10. Cuộc gặp 9',
    ]);
    expect(answerQuestion).toHaveBeenCalledWith(expect.anything(), { command: 'who-met', person: 'Rutte' });
  });

  it('gives another member a private copy of that page of a public answer, leaving the answer as it was', async () => {
    const { router, lines } = setup();
    const { interaction, sent } = fakeButton({ customId: pageState(), userId: OTHER });
    await router.handle(interaction);
    expect(sent.map((entry) => entry.method)).toEqual(['reply']);
    expect(sent[0]!.options.flags).toBe(MessageFlags.Ephemeral);
    expect(sent[0]!.options.content).toContain('Your own copy of this page');
    expect(sent[0]!.options.embeds.map((embed: { title: string }) => embed.title)[0]).toBe('6. Cuộc gặp 5');
    expect(sent[0]!.options.allowedMentions).toEqual({ parse: [] });
    expect(lines.at(-1)).toMatchObject({ result: 'own-copy:2/3' });
  });

  it('lets only the asker turn the pages of a hidden reply', async () => {
    const { router } = setup();
    const { interaction, sent } = fakeButton({ customId: pageState({ hidden: true }), userId: OTHER });
    await router.handle(interaction);
    expect(sent).toEqual([
      {
        method: 'reply',
        options: expect.objectContaining({
          flags: MessageFlags.Ephemeral,
          content: 'Only the person who asked can turn the pages of a private answer. Run the command yourself to get your own copy.',
        }),
      },
    ]);
    expect(answerQuestion).not.toHaveBeenCalled();
  });

  it('answers a forged or garbled button kindly and privately', async () => {
    const { router, lines } = setup();
    const { interaction, sent } = fakeButton({ customId: 'p:["w",1,0,"not-an-id",""]' });
    await router.handle(interaction);
    expect(sent[0]!.options).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/out of date or damaged/) });
    expect(lines.at(-1)).toMatchObject({ result: 'bad-button' });
  });

  const shareState = (index: number, overrides: Partial<Parameters<typeof encodeButtonState>[0]> = {}) =>
    encodeButtonState({
      action: 'share',
      command: 'who-met',
      page: index,
      ownerId: ASKER,
      hidden: true,
      shared: false,
      mentionId: OTHER,
      check: itemFingerprint(meeting(index)),
      options: { person: 'Rutte' },
      ...overrides,
    })!.customId;

  it('posts one result of a hidden answer in the channel, publicly, pinging only the mentioned member', async () => {
    const { router } = setup();
    const { interaction, sent } = fakeButton({ customId: shareState(7), userId: ASKER });
    await router.handle(interaction);
    expect(sent[0]!.method).toBe('reply');
    expect(sent[0]!.options.flags).toBeUndefined();
    expect(sent[0]!.options.content.startsWith(`<@${OTHER}> Shared by <@${ASKER}>`)).toBe(true);
    expect(sent[0]!.options.embeds.map((embed: { title: string }) => embed.title)).toEqual(['Cuộc gặp 7']);
    expect(sent[0]!.options.components).toEqual([]);
    expect(sent[0]!.options.allowedMentions).toEqual({ parse: [], users: [OTHER] });
  });

  it('finds the result again by its fingerprint when the library moved it, and refuses when it is gone', async () => {
    const { router, lines } = setup();
    answerQuestion.mockImplementation((_, question) => ({
      command: question.command as Answer['command'],
      options: {},
      items: [meeting(99), meeting(7)],
    }));
    const moved = fakeButton({ customId: shareState(7), userId: ASKER });
    await router.handle(moved.interaction);
    expect(moved.sent[0]!.options.embeds.map((embed: { title: string }) => embed.title)).toEqual(['Cuộc gặp 7']);

    const gone = fakeButton({ customId: shareState(3), userId: ASKER });
    await router.handle(gone.interaction);
    expect(gone.sent[0]!.options).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/no longer in the library/),
    });
    expect(lines.at(-1)).toMatchObject({ result: 'item-gone' });
  });

  it('tells another member that only the asker can post the answer', async () => {
    const { router } = setup();
    const { interaction, sent } = fakeButton({ customId: shareState(0), userId: OTHER });
    await router.handle(interaction);
    expect(sent[0]!.options).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/^Only the person who asked can post this answer in the channel/),
    });
    expect(answerQuestion).not.toHaveBeenCalled();
  });

  it('posts the result the asker sees when the question did not fit in the button', async () => {
    const { router } = setup();
    const customId = encodeButtonState({
      action: 'share',
      command: 'ask',
      page: 1,
      ownerId: ASKER,
      hidden: true,
      shared: false,
      check: 'abc',
      options: { question: 'x'.repeat(200) },
    })!.customId;
    const embeds = [
      { title: '1. Câu trả lời', description: '> một' },
      { title: '2. Câu trả lời', description: '> hai' },
    ];
    const { interaction, sent } = fakeButton({ customId, userId: ASKER, embeds });
    await router.handle(interaction);
    expect(sent[0]!.options).toMatchObject({
      content: `Shared by <@${ASKER}>`,
      embeds: [{ title: 'Câu trả lời', description: '> hai' }],
      allowedMentions: { parse: [] },
    });
    expect(answerQuestion).not.toHaveBeenCalled();
  });
});
