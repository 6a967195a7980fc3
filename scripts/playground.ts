// `npm run playground`: the real bot (startBot, the registered commands, the real handlers) on the
// local Discord stand-in, driven from standard input one line at a time, each reply printed as a
// member would see it in Discord. No token and no Discord account needed.
//
//   npm run playground [-- --corpus DIR] [--locale vi|en-US] [--log FILE]
//   printf '/who-met year:2025\n' | npm run playground
//
// Lines: `/command option:value …` (Discord's syntax, including hide:true and mention:NAME),
// `press N` or just `N` to press a button of the last answer, `complete /command option:text`,
// `locale vi`, `help`, `quit`. Bot logs go to --log FILE, or nowhere. Exit code: 0, or 2 if a line
// could not be run, 1 if the bot failed.
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { PermissionFlagsBits, type APIUser } from 'discord.js';
import { optionUsage, readCommandLine, type ReadCommandLine } from '../src/answers/commandSpecs/commandLine.ts';
import type { CommandSpec } from '../src/answers/commandSpecs/commandSpec.ts';
import { COMMAND_SPECS, typedOptions } from '../src/answers/commandSpecs/commands.ts';
import type { Config } from '../src/config.ts';
import { BAD_USAGE_EXIT_CODE, readFlags } from '../src/commandLineFlags.ts';
import { formatCorpusError } from '../src/corpus/types.ts';
import { Cooldown } from '../src/discord/cooldown.ts';
import { deployCommands } from '../src/discord/deployCommands.ts';
import { startBot, type RunningBot } from '../src/discord/startBot.ts';
import { CorpusLoadError, LibraryStore } from '../src/library/libraryStore.ts';
import { createLogger } from '../src/logger.ts';
import { DiscordDriver, type MemberView } from '../tools/discord-stand-in/discordDriver.ts';
import type { StoredMessage } from '../tools/discord-stand-in/messageStore.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../tools/discord-stand-in/standIn.ts';
import { MEMBER_PERMISSIONS } from '../tools/discord-stand-in/world.ts';
import { optionValues } from './playground/optionValues.ts';
import { buttonsOf, showMessage, type Look } from './playground/showMessage.ts';

const USAGE = 'usage: npm run playground [-- --corpus DIR] [--locale vi|en-US] [--log FILE]';

const FLAGS = {
  corpus: { type: 'string', default: 'corpus' },
  locale: { type: 'string', default: 'en-US' },
  log: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_TAIL = `Also:
  press N [as NAME]          press button N of the last answer (or just N); "as lan" presses it as another member
  complete /cmd opt:text     the suggestions Discord shows while typing the last option
  locale vi | en-US          the language of the member asking
  help, quit                 this text; leave (the end of input also leaves)
Options are name:value, e.g. /ask question:hội nghị ở đâu hide:true mention:@lan. You have Manage Server, so /reload works.`;

function helpText(): string {
  const rows = COMMAND_SPECS.map((spec: CommandSpec) => {
    // Subcommands are listed, not typed: the playground sends options only.
    const subcommands = spec.answers ? undefined : spec.subcommands;
    const options = subcommands ? subcommands.map((subcommand) => subcommand.name).join('|') : optionUsage(typedOptions(spec));
    return `  /${spec.name}${options ? ` ${options}` : ''}\n      ${spec.text.en.description}`;
  });
  return `Commands:\n${rows.join('\n')}\n${HELP_TAIL}`;
}

/** A command line with the bot's commands, `hide` and `mention` included; its one error, if it has any. */
function readLine(text: string): Extract<ReadCommandLine, { ok: true }> | { ok: false; error: string } {
  const read = readCommandLine(text, COMMAND_SPECS, { replyOptions: true });
  if (read.ok) return read;
  if (read.unknownCommand === undefined) return { ok: false, error: read.errors.join('; ') };
  return { ok: false, error: `no command /${read.unknownCommand}; the bot has ${COMMAND_SPECS.map((spec) => `/${spec.name}`).join(' ')}` };
}

class Session {
  locale: string;
  exitCode = 0;
  /** The last message shown that has buttons: what `press N` presses. */
  private buttonsOn: StoredMessage | undefined;
  private readonly usersByName = new Map<string, APIUser>();
  private readonly me: APIUser;
  private readonly look: Look;

  constructor(
    private readonly standIn: DiscordStandIn,
    private readonly driver: DiscordDriver,
    locale: string,
    private readonly print: (text: string) => void,
    private readonly complain: (text: string) => void,
    colour: boolean,
  ) {
    this.locale = locale;
    this.me = this.userNamed('you');
    const ansi = (code: string, reset: string) => (text: string) => (colour ? `\x1b[${code}m${text}\x1b[${reset}m` : text);
    this.look = {
      bold: ansi('1', '22'),
      dim: ansi('2', '22'),
      userName: (id) => [...this.usersByName.values()].find((user) => user.id === id)?.username ?? standIn.world.user({ id }).username,
      roleName: (id) => standIn.world.guild().roles.find((role) => role.id === id)?.name ?? 'unknown-role',
    };
  }

  userNamed(name: string): APIUser {
    let user = this.usersByName.get(name);
    if (!user) {
      user = this.standIn.world.user({ username: name });
      this.usersByName.set(name, user);
    }
    return user;
  }

  async run(line: string): Promise<'quit' | void> {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    if (/^(quit|exit)$/i.test(text)) return 'quit';
    if (/^(help|\?)$/i.test(text)) return this.print(helpText());
    const locale = /^locale\s+(\S+)$/i.exec(text);
    if (locale) {
      this.locale = locale[1]!;
      return this.print(`(now asking in ${this.locale})`);
    }
    const press = /^(?:press\s+)?(\d+)(?:\s+as\s+@?(\S+))?$/i.exec(text);
    if (press) return this.press(Number(press[1]), press[2]);
    const complete = /^complete\s+(\/[\s\S]+)$/i.exec(text);
    if (complete) return this.complete(complete[1]!);
    if (text.startsWith('/')) return this.command(text);
    this.fail(`cannot read "${text}": type a command such as /who-met year:2025, press N, or help`);
  }

  private fail(message: string): void {
    this.complain(`error: ${message}`);
    this.exitCode = Math.max(this.exitCode, 2);
  }

  private async command(text: string): Promise<void> {
    const read = readLine(text);
    if (!read.ok) return this.fail(read.error);
    const options = optionValues(read.spec, read.typed, (name) => this.userNamed(name));
    if (!options.ok) return this.fail(options.error);
    await this.show(() =>
      this.driver.invokeCommand({
        name: read.spec.name,
        options: options.value,
        user: this.me,
        locale: this.locale,
        permissions: MANAGER_PERMISSIONS,
      }),
    );
  }

  private async press(position: number, asName: string | undefined): Promise<void> {
    const buttons = buttonsOf(this.buttonsOn);
    const button = buttons[position - 1];
    if (!this.buttonsOn || !button) {
      return this.fail(buttons.length === 0 ? 'there is no answer with buttons to press yet' : `there are buttons 1 to ${buttons.length}`);
    }
    if (button.disabled) return this.fail(`button ${position} (${button.label}) is disabled`);
    const message = this.buttonsOn;
    const user = asName ? this.userNamed(asName) : this.me;
    await this.show(() => this.driver.pressButton({ message, customId: button.customId, user, locale: this.locale }));
  }

  private async complete(text: string): Promise<void> {
    const read = readLine(text);
    if (!read.ok) return this.fail(read.error);
    const focused = read.typed.at(-1)?.option;
    if (!focused?.autocomplete) {
      const withSuggestions = typedOptions(read.spec)
        .filter((candidate) => candidate.autocomplete)
        .map((candidate) => `${candidate.name}:`);
      return this.fail(`end the line with an option that has suggestions: ${withSuggestions.join(' ') || `/${read.spec.name} has none`}`);
    }
    const options = optionValues(read.spec, read.typed, (name) => this.userNamed(name), focused.name);
    if (!options.ok) return this.fail(options.error);
    try {
      const seen = await this.driver.invokeAutocomplete({
        name: read.spec.name,
        options: options.value,
        focused: focused.name,
        user: this.me,
        locale: this.locale,
      });
      const choices = seen.choices ?? [];
      this.print(
        choices.length === 0
          ? this.look.dim('(no suggestions)')
          : choices.map((choice) => `  ${choice.name}  ${this.look.dim(`→ ${choice.value}`)}`).join('\n'),
      );
    } catch (error) {
      this.broken(error);
    }
    this.reportViolations();
  }

  private async show(act: () => Promise<MemberView>): Promise<void> {
    try {
      const seen = await act();
      this.print(showMessage(seen, this.look));
      if (buttonsOf(seen.reply).length > 0) this.buttonsOn = seen.reply;
    } catch (error) {
      this.broken(error);
    }
    this.reportViolations();
  }

  private broken(error: unknown): void {
    this.complain(`the bot did not answer: ${error instanceof Error ? error.message : String(error)}`);
    this.exitCode = 1;
  }

  /** What Discord would have refused, which a member would have seen as "This interaction failed". */
  private reportViolations(): void {
    for (const violation of this.standIn.takeViolations()) {
      this.complain(`Discord would refuse: ${violation.request} → ${violation.status} ${JSON.stringify(violation.error)}`);
      this.exitCode = 1;
    }
  }
}

const MANAGER_PERMISSIONS = BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild;

async function main(argv: readonly string[]): Promise<number> {
  const read = readFlags({ args: [...argv], options: FLAGS });
  if (!read.ok) {
    process.stderr.write(`error: ${read.error}\n${USAGE}\n`);
    return BAD_USAGE_EXIT_CODE;
  }
  const { values } = read.flags;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = { corpusDir: values.corpus, locale: values.locale, logFile: values.log };

  let store: LibraryStore;
  try {
    store = await LibraryStore.open(args.corpusDir);
  } catch (error) {
    const detail = error instanceof CorpusLoadError ? error.errors.map(formatCorpusError).join('\n') : String(error);
    process.stderr.write(`error: cannot load the corpus in ${args.corpusDir}:\n${detail}\n`);
    return 1;
  }

  let logFile: WriteStream | undefined;
  if (args.logFile) logFile = createWriteStream(args.logFile, { flags: 'a' });
  const standIn = await startDiscordStandIn({ guilds: [{ name: 'Citebot playground', preferredLocale: 'vi', channelName: 'playground' }] });
  // Never read from the environment or .env: the playground must not pick up a real token.
  const config: Config = {
    token: standIn.token,
    apiUrl: standIn.restApi,
    corpusDir: args.corpusDir,
    moderatorRoleIds: [],
    logLevel: 'info',
    moderationGuildIds: [standIn.world.guild().id],
    cooldownMs: 0,
    reloadCooldownMs: 0,
    buildTimeoutMs: 600_000,
    httpHost: '127.0.0.1',
  };
  const logger = createLogger({ level: 'info', secrets: [standIn.token], write: (line) => logFile?.write(`${line}\n`) });
  let bot: RunningBot | undefined;
  try {
    await deployCommands(config);
    bot = await startBot({
      config,
      store,
      logger,
      // Lines are pasted faster than any member types; the pause between commands would refuse them.
      cooldown: new Cooldown(0),
      clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } },
    });

    const interactive = process.stdin.isTTY === true;
    const session = new Session(
      standIn,
      new DiscordDriver(standIn),
      args.locale,
      (text) => process.stdout.write(`${text}\n\n`),
      (text) => process.stderr.write(`${text}\n`),
      process.stdout.isTTY === true,
    );
    const articles = store.current.corpus.articles.length;
    process.stderr.write(`citebot playground: ${articles} articles from ${args.corpusDir}; type help for the commands.\n`);
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: interactive });
    if (interactive) lines.setPrompt('> ');
    if (interactive) lines.prompt();
    for await (const line of lines) {
      if ((await session.run(line)) === 'quit') break;
      if (interactive) lines.prompt();
    }
    lines.close();
    return session.exitCode;
  } finally {
    await bot?.stop();
    await standIn.close();
    await new Promise<void>((resolve) => (logFile ? logFile.end(resolve) : resolve()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`playground failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
