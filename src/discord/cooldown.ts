// A short per-member pause between answering commands, so one member cannot flood a channel.
// Kept in memory on purpose: losing it on restart costs nothing.

export type CooldownCheck = { ok: true } | { ok: false; retryAfterMs: number };

export class Cooldown {
  private readonly until = new Map<string, number>();

  constructor(
    readonly durationMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records a use by `key` if its pause is over; otherwise says how long is left. `durationMs` overrides the pause for this key. */
  take(key: string, durationMs = this.durationMs): CooldownCheck {
    const now = this.now();
    const until = this.until.get(key);
    if (until !== undefined && until > now) return { ok: false, retryAfterMs: until - now };
    this.until.set(key, now + durationMs);
    if (this.until.size > 1000) this.prune(now);
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}
