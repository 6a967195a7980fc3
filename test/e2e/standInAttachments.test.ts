// The stand-in's attachments, seen by a plain discord.js client: an attachment option arrives in the
// interaction's resolved data as discord.js expects it, its URL serves the file from the stand-in's own
// HTTP server, and a URL that was tampered with or has expired serves nothing.
import { MessageFlags, type Attachment, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainClient, startBotOnStandIn, type BotOnStandIn } from '../../tools/discord-stand-in/botOnStandIn.ts';

describe('the stand-in serves attached files', () => {
  let bot: BotOnStandIn;
  let received: Attachment | null = null;

  beforeAll(async () => {
    bot = await startBotOnStandIn(
      plainClient((client) =>
        client.on('interactionCreate', (interaction: Interaction) => {
          if (!interaction.isChatInputCommand()) return;
          received = interaction.options.getAttachment('tep');
          void interaction.reply({ content: 'đã nhận', flags: MessageFlags.Ephemeral });
        }),
      ),
    );
    await bot.client.application!.commands.set([
      { name: 'gui', description: 'Gửi một tệp', options: [{ type: 11, name: 'tep', description: 'Tệp', required: true }] },
    ]);
  });

  afterAll(async () => {
    bot.standIn.expectNoViolations();
    await bot?.stop();
  });

  it('passes the attachment in resolved data with a URL on the stand-in that serves its bytes', async () => {
    const content = 'date 2025-01\n\nMột đoạn có dấu.\n';
    await bot.driver.invokeCommand({ name: 'gui', options: { tep: { filename: 'bài mới.txt', content } } });
    const attachment = received!;
    expect(attachment.name).toBe('b_i_m_i.txt');
    expect(attachment.size).toBe(Buffer.byteLength(content));
    expect(attachment.contentType).toBe('text/plain; charset=utf-8');
    expect(new URL(attachment.url).origin).toBe(new URL(bot.standIn.restApi).origin);

    const response = await fetch(attachment.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(content);

    const tampered = new URL(attachment.url);
    tampered.searchParams.set('hm', '0'.repeat(64));
    expect((await fetch(tampered)).status).toBe(404);

    bot.standIn.advanceClock(25 * 60 * 60 * 1000);
    expect((await fetch(attachment.url)).status).toBe(404);
    expect(bot.standIn.attachments.downloads.map((download) => download.status)).toEqual([200, 404, 404]);
  });
});
