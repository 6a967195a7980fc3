// `node --import tsx scripts/standInServer.ts`: the local Discord stand-in alone, for checking a bot started
// some other way (the Docker image: scripts/docker-check.sh). Prints one JSON line with the REST URL,
// the token it accepts and its guild, then runs until SIGTERM or Ctrl-C.
import { startDiscordStandIn } from '../tools/discord-stand-in/standIn.ts';

const standIn = await startDiscordStandIn({ guilds: [{ name: 'Citebot docker check', preferredLocale: 'vi', channelName: 'check' }] });
process.stdout.write(
  `${JSON.stringify({ restApi: standIn.restApi, token: standIn.token, applicationId: standIn.world.application.id, guildId: standIn.world.guild().id })}\n`,
);
const stop = async () => {
  await standIn.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
