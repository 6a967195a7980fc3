// Discord ids: milliseconds since 2015 in the top bits, so ids sort by creation time like the real ones.
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

export function snowflakeAt(timestampMs: number): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Math.floor(timestampMs)) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export function nextSnowflake(): string {
  return snowflakeAt(Date.now());
}

/** The shard Discord routes a guild's events to: (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string | undefined, shardCount: number): number {
  if (guildId === undefined) return 0; // DMs always arrive on shard 0
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
