import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

describe('Cooldown', () => {
  it('lets a member ask once, then tells them how long to wait, then lets them ask again', () => {
    let now = 1_000;
    const cooldown = new Cooldown(3_000, () => now);
    expect(cooldown.take('guild:alice')).toEqual({ ok: true });
    now += 1_000;
    expect(cooldown.take('guild:alice')).toEqual({ ok: false, retryAfterMs: 2_000 });
    now += 2_000;
    expect(cooldown.take('guild:alice')).toEqual({ ok: true });
  });

  it('keeps members apart', () => {
    const cooldown = new Cooldown(3_000, () => 0);
    expect(cooldown.take('guild:alice').ok).toBe(true);
    expect(cooldown.take('guild:bob').ok).toBe(true);
    expect(cooldown.take('guild:alice').ok).toBe(false);
  });

  it('does not extend the wait when a member keeps trying', () => {
    let now = 0;
    const cooldown = new Cooldown(3_000, () => now);
    cooldown.take('a');
    now = 2_500;
    cooldown.take('a');
    now = 3_000;
    expect(cooldown.take('a').ok).toBe(true);
  });
});
