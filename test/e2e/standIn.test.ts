// Proves the Discord stand-in is faithful enough to test against: a plain discord.js Client with tiny
// inline handlers logs in, answers interactions, trips Discord's rules, and survives gateway faults.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  MessageFlags,
  Routes,
  type ApplicationCommandDataResolvable,
  type Interaction,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plainClient, startBotOnStandIn, type BotOnStandIn } from '../../tools/discord-stand-in/botOnStandIn.ts';
import { snowflakeAt } from '../../tools/discord-stand-in/snowflake.ts';
import type { Recovery } from '../../tools/discord-stand-in/gateway.ts';

const COMMANDS: ApplicationCommandDataResolvable[] = [
  {
    name: 'hoi',
    description: 'Hỏi về các bài báo',
    descriptionLocalizations: { 'en-US': 'Ask about the articles' },
    options: [
      { type: 3, name: 'cau-hoi', description: 'Câu hỏi', required: true, autocomplete: true },
      { type: 4, name: 'so-luong', description: 'Số trích dẫn', minValue: 1, maxValue: 5 },
      { type: 5, name: 'rieng-tu', description: 'Chỉ mình tôi thấy' },
      { type: 6, name: 'nguoi', description: 'Nhắc tới ai' },
    ],
  },
];

/** Each test sets how the bot answers; the client routes every interaction here. */
let answer: (interaction: Interaction) => Promise<void> = async () => undefined;
const handlerErrors: unknown[] = [];

function clientWithInlineHandler(client: Client): void {
  client.on('interactionCreate', (interaction) => {
    answer(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
}

describe('the Discord stand-in, driven by a plain discord.js client', () => {
  let bot: BotOnStandIn;

  beforeAll(async () => {
    bot = await startBotOnStandIn(plainClient(clientWithInlineHandler), { heartbeatIntervalMs: 250 });
    await bot.client.application!.commands.set(COMMANDS);
  });

  afterEach(() => {
    answer = async () => undefined;
    bot.standIn.expectNoViolations();
    expect(handlerErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.stop();
  });

  describe('logging in', () => {
    it('sends READY with the bot user and a GUILD_CREATE that fills the guild cache', () => {
      const { world, gateway } = bot.standIn;
      const guild = world.guild();
      expect(bot.client.user?.id).toBe(world.bot.id);
      expect(bot.client.application?.id).toBe(world.application.id);
      expect(bot.client.guilds.cache.get(guild.id)?.channels.cache.get(guild.channel.id)?.name).toBe('hỏi-đáp');
      expect(gateway.identifies[0]).toMatchObject({ token: bot.standIn.token, shard: [0, 1] });
    });

    it('registers slash commands with PUT and lists them with GET, ids included', async () => {
      const listed = await bot.client.application!.commands.fetch();
      expect([...listed.values()].map((command) => command.name)).toEqual(['hoi']);
      expect(listed.first()?.id).toBe(bot.standIn.commands.find('hoi')?.id);
      expect(bot.standIn.rest.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
        expect.arrayContaining([`PUT /applications/${bot.standIn.world.application.id}/commands`]),
      );
    });

    it('refuses a command definition Discord would refuse, with 50035 and the field at fault', async () => {
      const created = bot.client.application!.commands.create({ name: 'dai', description: 'd'.repeat(101) });
      await expect(created).rejects.toMatchObject({ code: 50035, message: expect.stringContaining('description[BASE_TYPE_MAX_LENGTH]') });
      expect(bot.standIn.takeViolations()).toHaveLength(1);
    });
  });

  describe('answering interactions', () => {
    it('shows a plain reply and pings only the users allowed_mentions lets through', async () => {
      const asker = bot.standIn.world.user({ username: 'lan.tran', globalName: 'Trần Lan' });
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply({
          content: `<@${interaction.user.id}> hỏi, @everyone xem`,
          allowedMentions: { users: [interaction.user.id] },
        });
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'Ai gặp ai?' }, user: asker });
      expect(seen.reply?.content).toBe(`<@${asker.id}> hỏi, @everyone xem`);
      expect(seen.ephemeral).toBe(false);
      expect(seen.acknowledgedWith).toBe(4);
      expect(seen.pinged).toEqual({ users: [asker.id], roles: [], everyone: false });
    });

    it('passes typed options, the resolved user and the member to the bot', async () => {
      const mentioned = bot.standIn.world.user({ username: 'minh.le' });
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const { options } = interaction;
        const summary = [
          options.getString('cau-hoi', true),
          options.getInteger('so-luong'),
          options.getBoolean('rieng-tu'),
          options.getUser('nguoi')?.username,
          interaction.locale,
          interaction.inGuild(),
          interaction.memberPermissions?.has('SendMessages'),
          interaction.inCachedGuild() ? interaction.member.roles.cache.map((role) => role.name).sort() : null,
        ];
        await interaction.reply({ content: JSON.stringify(summary), flags: MessageFlags.Ephemeral });
      };
      const seen = await bot.driver.invokeCommand({
        name: 'hoi',
        options: { 'cau-hoi': 'Hiệp định nào?', 'so-luong': 3, 'rieng-tu': true, nguoi: mentioned },
        roles: ['Biên tập viên'],
        locale: 'en-US',
      });
      expect(JSON.parse(seen.reply!.content)).toEqual([
        'Hiệp định nào?',
        3,
        true,
        'minh.le',
        'en-US',
        true,
        true,
        ['@everyone', 'Biên tập viên'],
      ]);
      expect(seen.ephemeral).toBe(true);
    });

    it('delivers a command from a DM with a user instead of a member', async () => {
      answer = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply(`dm=${!interaction.inGuild()} member=${interaction.member === null}`);
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' }, dm: true });
      expect(seen.reply?.content).toBe('dm=true member=true');
    });

    it('settles a deferred reply on its edit, and waits for the follow-ups asked for', async () => {
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply('Đang tìm… xong: 2 trích dẫn');
        await interaction.followUp({ content: 'Trích dẫn thứ hai', flags: MessageFlags.Ephemeral });
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' }, followUps: 1 });
      expect(seen.acknowledgedWith).toBe(5);
      expect(seen.ephemeral).toBe(true);
      expect(seen.reply?.content).toBe('Đang tìm… xong: 2 trích dẫn');
      expect(seen.edits).toHaveLength(1);
      expect(seen.followUps.map((message) => message.content)).toEqual(['Trích dẫn thứ hai']);
    });

    it('answers with_response=true with the message created, and serves it again on GET @original', async () => {
      let reportIds: (ids: (string | undefined)[]) => void = () => undefined;
      const ids = new Promise<(string | undefined)[]>((resolve) => (reportIds = resolve));
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.reply({ content: 'Có phản hồi', withResponse: true });
        reportIds([response.resource?.message?.id, (await interaction.fetchReply()).id]);
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      expect(await ids).toEqual([seen.reply?.id, seen.reply?.id]);
    });

    it('reads a reply sent as multipart/form-data with a file', async () => {
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply({ content: 'Kèm tệp', files: [{ attachment: Buffer.from('Trích dẫn đầy đủ'), name: 'trich-dan.txt' }] });
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      expect(seen.reply?.content).toBe('Kèm tệp');
      expect(seen.reply?.attachments).toMatchObject([{ filename: 'trich-dan.txt' }]);
    });

    it('records an oversized embed as a 50035 violation, and shows the reply the bot falls back to', async () => {
      const refusals: unknown[] = [];
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const huge = { title: 'Trích dẫn', description: 'đ'.repeat(3500) };
        try {
          await interaction.reply({ embeds: [huge, huge] });
        } catch (error) {
          refusals.push(error);
          await interaction.reply({ content: 'Câu trả lời quá dài.', flags: MessageFlags.Ephemeral });
        }
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      expect(seen.reply?.content).toBe('Câu trả lời quá dài.');
      expect(refusals[0]).toBeInstanceOf(DiscordAPIError);
      const [violation] = bot.standIn.takeViolations();
      expect(violation).toMatchObject({ status: 400, error: { code: 50035, message: 'Invalid Form Body' } });
      expect(violation?.error.errors).toEqual({
        data: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] } },
      });
    });

    it('answers a second acknowledgement of one interaction with 40060', async () => {
      let secondAttempt: Promise<unknown> = Promise.resolve();
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('Một lần');
        // discord.js refuses a second reply locally, so go around it as a second process would.
        secondAttempt = interaction.client.rest
          .post(Routes.interactionCallback(interaction.id, interaction.token), {
            body: { type: 4, data: { content: 'Hai lần' } },
            auth: false,
          })
          .catch((error: unknown) => error);
      };
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      expect(seen.reply?.content).toBe('Một lần');
      expect(await bot.standIn.nextViolation()).toMatchObject({ status: 400, error: { code: 40060 } });
      expect(await secondAttempt).toMatchObject({ code: 40060 });
      bot.standIn.takeViolations();
    });

    it('fails the interaction when the bot acknowledges after the 3-second deadline', async () => {
      let holdOn: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (holdOn = resolve));
      let arrived: () => void = () => undefined;
      const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        arrived();
        await released;
        await interaction.reply('Muộn rồi').catch((error: unknown) => error);
      };
      const invocation = bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      await hasArrived;
      bot.standIn.advanceClock(3_001);
      holdOn();
      await expect(invocation).rejects.toThrow(/after the deadline/);
      expect(bot.standIn.takeViolations()).toMatchObject([{ status: 404, error: { code: 10062, message: 'Unknown interaction' } }]);
    });

    it('refuses a follow-up once the 15-minute interaction token has expired', async () => {
      let holdOn: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (holdOn = resolve));
      let followUp: Promise<unknown> = Promise.resolve();
      answer = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('Ngay');
        followUp = released.then(() => interaction.followUp('Mười lăm phút sau').catch((error: unknown) => error));
      };
      await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      bot.standIn.advanceClock(15 * 60_000 + 1);
      holdOn();
      expect(await bot.standIn.nextViolation()).toMatchObject({ status: 404, error: { code: 10015, message: 'Unknown Webhook' } });
      expect(await followUp).toMatchObject({ code: 10015 });
      bot.standIn.takeViolations();
    });

    it('returns autocomplete choices and refuses more than 25', async () => {
      answer = async (interaction) => {
        if (!interaction.isAutocomplete()) return;
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed} Việt Nam`, value: `${typed} Việt Nam` }]);
      };
      const seen = await bot.driver.invokeAutocomplete({ name: 'hoi', options: { 'cau-hoi': 'hiệp định' }, focused: 'cau-hoi' });
      expect(seen.choices).toEqual([{ name: 'hiệp định Việt Nam', value: 'hiệp định Việt Nam' }]);

      answer = async (interaction) => {
        if (!interaction.isAutocomplete()) return;
        const many = Array.from({ length: 26 }, (_, index) => ({ name: `Gợi ý ${index}`, value: `${index}` }));
        await interaction.respond(many).catch(() => interaction.respond(many.slice(0, 25)));
      };
      const trimmed = await bot.driver.invokeAutocomplete({ name: 'hoi', options: { 'cau-hoi': 'g' }, focused: 'cau-hoi' });
      expect(trimmed.choices).toHaveLength(25);
      expect(bot.standIn.takeViolations()).toMatchObject([{ error: { code: 50035 } }]);
    });

    it('updates the message a pressed button is on, at once or after deferring', async () => {
      answer = async (interaction) => {
        if (interaction.isChatInputCommand()) {
          const customId = interaction.options.getString('cau-hoi') === 'chia sẻ' ? 'chia-se:1' : 'sua';
          const button = new ButtonBuilder().setCustomId(customId).setLabel('Gửi vào kênh').setStyle(ButtonStyle.Primary);
          await interaction.reply({ content: 'Kết quả riêng', components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] });
        } else if (interaction.isButton() && interaction.customId === 'chia-se:1') {
          await interaction.update({ content: `Đã chia sẻ bởi ${interaction.user.username}`, components: [] });
        } else if (interaction.isButton()) {
          await interaction.deferUpdate();
          await interaction.editReply({ content: 'Đã sửa sau khi hoãn' });
        }
      };
      const asked = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'chia sẻ' } });
      const pressed = await bot.driver.pressButton({ message: asked.reply!, customId: 'chia-se:1' });
      expect(pressed.acknowledgedWith).toBe(7);
      expect(pressed.reply?.id).toBe(asked.reply?.id);
      expect(pressed.reply?.content).toBe('Đã chia sẻ bởi thu.nguyen');
      expect(pressed.reply?.components).toEqual([]);

      const askedAgain = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'sửa' } });
      const edited = await bot.driver.pressButton({ message: askedAgain.reply!, customId: 'sua' });
      expect(edited.acknowledgedWith).toBe(6);
      expect(edited.reply?.content).toBe('Đã sửa sau khi hoãn');
    });

    it('sends a 429 once on the callback route; discord.js waits and the reply still arrives', async () => {
      answer = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply('Sau khi chờ');
      };
      bot.standIn.rest.failOnceWith429('POST', /^\/interactions\/\d+\/[^/]+\/callback$/);
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' } });
      expect(seen.reply?.content).toBe('Sau khi chờ');
      const callbacks = bot.standIn.rest.requests.filter((request) => request.path.startsWith(`/interactions/${seen.interaction.id}/`));
      expect(callbacks.map((request) => request.status)).toEqual([429, 204]);
    });
  });

  describe('surviving gateway faults', () => {
    const echo = async (interaction: Interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply(`Vẫn ở đây: ${interaction.options.getString('cau-hoi')}`);
    };

    const faults: [string, (standIn: BotOnStandIn['standIn']) => Promise<Recovery>, Recovery][] = [
      ['a close with code 4000', (standIn) => standIn.gateway.close(4000), 'resumed'],
      ['a socket killed without a close frame', (standIn) => standIn.gateway.kill(), 'resumed'],
      ['op 7 reconnect', (standIn) => standIn.gateway.requestReconnect(), 'resumed'],
      ['op 9 with a resumable session', (standIn) => standIn.gateway.invalidateSession({ resumable: true }), 'resumed'],
      ['op 9 with a dead session', (standIn) => standIn.gateway.invalidateSession({ resumable: false }), 'identified'],
      ['withheld heartbeat ACKs (a zombie connection)', (standIn) => standIn.gateway.withholdHeartbeatAcks(), 'resumed'],
    ];

    it.each(faults)('answers the next command after %s', async (_name, fault, expected) => {
      answer = echo;
      expect(await fault(bot.standIn)).toBe(expected);
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'sau sự cố' } });
      expect(seen.reply?.content).toBe('Vẫn ở đây: sau sự cố');
    });

    it('replays a command sent while the connection was down once the client resumes', async () => {
      answer = echo;
      const recovered = bot.standIn.gateway.kill();
      const seen = await bot.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'trong lúc mất kết nối' } });
      expect(await recovered).toBe('resumed');
      expect(seen.reply?.content).toBe('Vẫn ở đây: trong lúc mất kết nối');
      expect(bot.standIn.gateway.log.at(-1)).toMatchObject({ event: 'resumed', replayed: 1 });
      expect(bot.standIn.gateway.log.filter((entry) => entry.event === 'connected').at(-1)?.url).toMatch(/^\/resume-gateway\?v=10/);
    });
  });
});

describe('the Discord stand-in, at login', () => {
  it('rejects a wrong token over REST with 401, which discord.js reports as an invalid token', async () => {
    const login = startBotOnStandIn(({ clientOptions }) => plainClient()({ token: 'sai-token', clientOptions }));
    await expect(login).rejects.toThrow('An invalid token was provided.');
  });

  it('closes the gateway with 4004 for a wrong token, and discord.js rejects login with it', async () => {
    const login = startBotOnStandIn(({ clientOptions }) => plainClient()({ token: 'sai-token', clientOptions }), {
      checkTokenOnRest: false,
    });
    await expect(login).rejects.toThrow('Authentication failed');
  });

  it('spreads guilds over the shards asked for and routes each guild to its shard', async () => {
    const jan2024 = Date.UTC(2024, 0, 1);
    const guilds = [
      { id: snowflakeAt(jan2024), name: 'Chẵn' },
      { id: snowflakeAt(jan2024 + 1), name: 'Lẻ' },
    ];
    const sharded = await startBotOnStandIn(plainClient(clientWithInlineHandler, { shards: 'auto' }), { shardCount: 2, guilds });
    try {
      expect(sharded.standIn.gateway.identifies.map((identify) => identify.shard)).toEqual(
        expect.arrayContaining([
          [0, 2],
          [1, 2],
        ]),
      );
      expect(sharded.client.guilds.cache.map((guild) => `${guild.name}:${guild.shardId}`).sort()).toEqual(['Chẵn:0', 'Lẻ:1']);
      await sharded.client.application!.commands.set(COMMANDS);
      answer = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply(`shard ${interaction.guild?.shardId}`);
      };
      const seen = await sharded.driver.invokeCommand({ name: 'hoi', options: { 'cau-hoi': 'x' }, guildId: guilds[1]!.id });
      expect(seen.reply?.content).toBe('shard 1');
      sharded.standIn.expectNoViolations();
    } finally {
      answer = async () => undefined;
      await sharded.stop();
    }
  });
});
