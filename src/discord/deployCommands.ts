// `npm run deploy-commands`: registers the slash commands, in DISCORD_GUILD_ID when set (instant),
// globally otherwise. `-- --dry-run` prints the JSON instead and needs no token.
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from '../../commands/index.ts';
import { readFlagsOrExit } from '../commandLineFlags.ts';
import { formatConfigErrors, loadConfig, readDotEnv, type Config } from '../config.ts';
import { redact } from '../logger.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  guildId?: string;
  count: number;
}

/** Puts `definitions` in place of the registered commands (Discord's bulk overwrite). */
export async function deployCommands(
  config: Config,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = commandDefinitions,
): Promise<DeployResult> {
  if (!config.token) throw new Error('DISCORD_TOKEN is missing');
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  // Without DISCORD_APPLICATION_ID, ask Discord which application the token belongs to.
  const applicationId = config.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = config.guildId ? Routes.applicationGuildCommands(applicationId, config.guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: definitions })) as unknown[];
  return {
    scope: config.guildId ? 'guild' : 'global',
    applicationId,
    ...(config.guildId ? { guildId: config.guildId } : {}),
    count: Array.isArray(registered) ? registered.length : definitions.length,
  };
}

const USAGE = 'usage: npm run deploy-commands [-- --dry-run]';

async function main(argv: readonly string[]): Promise<void> {
  // Strict: a misspelt --dry-run must stop here, not fall through to a real registration.
  const { values } = readFlagsOrExit(
    { args: [...argv], options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values['dry-run']) {
    process.stdout.write(`${JSON.stringify(commandDefinitions, null, 2)}\n`);
    return;
  }
  const loaded = loadConfig(readDotEnv());
  if (!loaded.ok) {
    process.stderr.write(`${formatConfigErrors(loaded.errors)}\n`);
    process.exit(1);
  }
  try {
    const result = await deployCommands(loaded.config);
    process.stdout.write(
      result.scope === 'guild'
        ? `Registered ${result.count} commands in server ${result.guildId}.\n`
        : `Registered ${result.count} commands globally (they can take a while to appear everywhere).\n`,
    );
  } catch (error) {
    const status = (error as { status?: number }).status;
    const detail = status === 401 ? 'Discord rejected DISCORD_TOKEN (401)' : error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not register the commands: ${redact(detail, [loaded.config.token])}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main(process.argv.slice(2));
