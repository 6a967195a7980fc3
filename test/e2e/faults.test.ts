// The real bot keeps answering through what Discord's gateway and REST API throw at a long-running
// connection: closes, dead sockets, reconnect requests, invalidated sessions, lost heartbeats and
// a rate limit on the very request that answers a member.
import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import type { Recovery } from '../../tools/discord-stand-in/gateway.ts';
import type { DiscordStandIn } from '../../tools/discord-stand-in/standIn.ts';
import { useCitebotOnStandIn } from './support/useCitebotOnStandIn.ts';
import { visibleText } from './support/whatMembersSee.ts';

describe('citebot through gateway and REST faults', () => {
  const citebot = useCitebotOnStandIn({ cooldown: new Cooldown(0) });

  const askWhoMet = async () => {
    const seen = await citebot.driver.invokeCommand({ name: 'who-met', options: { year: 2025 } });
    expect(visibleText(seen.reply)).toContain('Mark Rutte');
    return seen;
  };

  const faults: [string, (standIn: DiscordStandIn) => Promise<Recovery>, Recovery][] = [
    ['the gateway closing with 4000', (standIn) => standIn.gateway.close(4000), 'resumed'],
    ['the socket dying without a close frame', (standIn) => standIn.gateway.kill(), 'resumed'],
    ['op 7 (reconnect)', (standIn) => standIn.gateway.requestReconnect(), 'resumed'],
    ['op 9 with a resumable session', (standIn) => standIn.gateway.invalidateSession({ resumable: true }), 'resumed'],
    ['op 9 with a dead session', (standIn) => standIn.gateway.invalidateSession({ resumable: false }), 'identified'],
    ['heartbeat ACKs withheld (a zombie connection)', (standIn) => standIn.gateway.withholdHeartbeatAcks(), 'resumed'],
  ];

  it.each(faults)('answers the next command after %s', async (_fault, inflict, expected) => {
    expect(await inflict(citebot.standIn)).toBe(expected);
    await askWhoMet();
  });

  it('answers a command sent while the connection was down, once it resumes', async () => {
    const recovered = citebot.standIn.gateway.kill();
    const seen = askWhoMet();
    expect(await recovered).toBe('resumed');
    await seen;
    expect(citebot.standIn.gateway.log.at(-1)).toMatchObject({ event: 'resumed', replayed: 1 });
  });

  it('waits out a 429 with retry_after on the interaction callback, then answers', async () => {
    const callback = /^\/interactions\/\d+\/[^/]+\/callback$/;
    citebot.standIn.rest.failOnceWith429('POST', callback, 0.05);
    const seen = await askWhoMet();
    const attempts = citebot.standIn.rest.requests.filter(
      (request) => request.method === 'POST' && request.path.startsWith(`/interactions/${seen.interaction.id}/`),
    );
    expect(attempts.map((request) => request.status)).toEqual([429, 204]);
  });

  it('logs the resumes, so an operator can see the connection came back', () => {
    // discord.js only reports a disconnect it will not recover from; recoverable ones show as resumes.
    const resumes = citebot.logs.filter((line) => line.msg === 'gateway resumed');
    expect(resumes.length).toBeGreaterThanOrEqual(faults.filter(([, , recovery]) => recovery === 'resumed').length);
  });
});
