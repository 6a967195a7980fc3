// A burst: 50 members at once on a library of 6,000 articles. Each command and page press does work
// proportional to the page it shows, so every one is answered within Discord's 3 seconds (the
// stand-in enforces the deadline: a late answer fails the test). Before, /sources rendered every
// article for each call and the later members of a burst got "This interaction failed".
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { startCitebotOnStandIn, type CitebotOnStandIn } from './support/citebotOnStandIn.ts';
import { buttonLabelled, footerOf } from './support/whatMembersSee.ts';

const ARTICLES = 6000;

describe('a burst of 50 members on a library of 6,000 articles', () => {
  let citebot: CitebotOnStandIn;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'citebot-burst-'));
    const dir = join(root, 'corpus');
    await mkdir(dir);
    for (let n = 0; n < ARTICLES; n++) {
      const month = String((n % 12) + 1).padStart(2, '0');
      const day = String((n % 28) + 1).padStart(2, '0');
      await writeFile(
        join(dir, `bai_${String(n).padStart(4, '0')}.txt`),
        `date 2024-${month}-${day} Photo : TTXVN\n\nNgày ${Number(day)}/${Number(month)}, tại Hà Nội, Bộ trưởng Ngoại giao Nguyễn Văn An đã hội đàm với Bộ trưởng Ngoại giao Kim Min-su về hợp tác số ${n}.\nHai bên đã nhất trí tăng cường hợp tác thương mại và đầu tư.\n`,
      );
    }
    citebot = await startCitebotOnStandIn({ corpusDir: dir, cooldown: new Cooldown(0) });
  }, 120_000);

  afterAll(async () => {
    await citebot?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('answers every one of 50 simultaneous /sources, /who-met and /agreements within the deadline, then their page presses', async () => {
    const { driver, world } = { driver: citebot.driver, world: citebot.standIn.world };
    const names = ['sources', 'who-met', 'agreements'] as const;
    const seen = await Promise.all(
      Array.from({ length: 50 }, (_, member) => driver.invokeCommand({ name: names[member % 3]!, user: world.user(), locale: 'en-US' })),
    );
    expect(seen.map((view) => footerOf(view.reply))).toEqual(seen.map(() => expect.stringMatching(/ results · page 1 of \d+$/)));
    expect(footerOf(seen[0]!.reply)).toBe(`${ARTICLES} results · page 1 of ${ARTICLES / 5}`);

    const pressed = await Promise.all(
      seen.map((view) =>
        driver.pressButton({
          message: view.reply!,
          customId: buttonLabelled(view.reply, 'Next').customId,
          user: world.user(),
          locale: 'en-US',
        }),
      ),
    );
    expect(pressed.map((view) => footerOf(view.reply))).toEqual(pressed.map(() => expect.stringMatching(/ · page 2 of \d+$/)));
    citebot.standIn.expectNoViolations();
    expect(citebot.errorLogs()).toEqual([]);
  }, 60_000);
});
