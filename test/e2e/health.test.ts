// The operator's HTTP endpoint (HTTP_PORT): /healthz says ready only with a library and a connected
// gateway, /metrics counts what members did in Prometheus's text format.
import { afterEach, describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { startHealthServer, type HealthServer } from '../../src/discord/healthServer.ts';
import { createMetrics } from '../../src/discord/metrics.ts';
import { createLogger } from '../../src/logger.ts';
import { MODERATOR_ROLE, startCitebotOnStandIn, type CitebotOnStandIn } from './support/citebotOnStandIn.ts';

let citebot: CitebotOnStandIn | undefined;
let health: HealthServer | undefined;

afterEach(async () => {
  await health?.close();
  await citebot?.stop();
  citebot = undefined;
  health = undefined;
});

describe('HTTP /healthz and /metrics', () => {
  it('is healthy while connected, counts commands by name and outcome, reloads and the library size; unhealthy once the gateway is gone', async () => {
    let metrics: ReturnType<typeof createMetrics> | undefined;
    citebot = await startCitebotOnStandIn({ cooldown: new Cooldown(0), observe: (observation) => metrics?.observe(observation) });
    metrics = createMetrics(citebot.store);
    const running = citebot;
    health = await startHealthServer({
      config: { httpPort: 0, httpHost: '127.0.0.1' },
      store: running.store,
      logger: createLogger({ write: () => undefined }),
      bot: () => running.bot,
      metrics,
    });
    const url = (path: string) => `http://127.0.0.1:${health!.port}${path}`;

    const healthy = await fetch(url('/healthz'));
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true, library: true, gateway: true, articles: 2 });

    await running.driver.invokeCommand({ name: 'who-met', options: { year: 2025 } });
    await running.driver.invokeCommand({ name: 'who-met', options: { person: 'Nobody Atall' } });
    await running.driver.invokeCommand({ name: 'reload', roles: [MODERATOR_ROLE] });
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toContain('citebot_interactions_total{kind="command",name="who-met",outcome="answered"} 1');
    expect(text).toContain('citebot_interactions_total{kind="command",name="who-met",outcome="nothing-found"} 1');
    expect(text).toContain('citebot_reloads_total{result="ok"} 1');
    expect(text).toMatch(/citebot_interaction_duration_seconds_bucket\{le="[\d.]+",kind="command",name="who-met"\} [12]/);
    expect(text).toContain('citebot_library_articles 2');
    expect((await fetch(url('/anything-else'))).status).toBe(404);

    await running.bot.stop();
    const down = await fetch(url('/healthz'));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, gateway: false });
  });
});
