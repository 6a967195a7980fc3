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
import type { Config } from '../src/config.ts';
import { BAD_USAGE_EXIT_CODE, readFlags } from '../src/commandLineFlags.ts';
import { formatCorpusError } from '../src/corpus/types.ts';
import { Cooldown } from '../src/discord/cooldown.ts';
import { deployCommands } from '../src/discord/deployCommands.ts';
import { startBot, type RunningBot } from '../src/discord/startBot.ts';
import { CorpusLoadError, LibraryStore } from '../src/library/libraryStore.ts';
import { createLogger } from '../src/logger.ts';
import type { RegisteredCommand, RegisteredOption } from '../tools/discord-stand-in/commandsApi.ts';
import { DiscordDriver, type MemberView } from '../tools/discord-stand-in/discordDriver.ts';
import type { OptionInput } from '../tools/discord-stand-in/interactionPayloads.ts';
import type { StoredMessage } from '../tools/discord-stand-in/messageStore.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../tools/discord-stand-in/standIn.ts';
import { MEMBER_PERMISSIONS } from '../tools/discord-stand-in/world.ts';

const USAGE = 'usage: npm run playground [-- --corpus DIR] [--locale vi|en-US] [--log FILE]';
const OptionType = { String: 3, Integer: 4, Boolean: 5, User: 6, Number: 10 } as const;

const FLAGS = {
  corpus: { type: 'string', default: 'corpus' },
  locale: { type: 'string', default: 'en-US' },
  log: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// --- Reading a command line ----------------------------------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

interface CommandLine {
  command: RegisteredCommand;
  /** Option values as typed, by the option's registered name, in the order typed. */
  typed: [string, string][];
}

/** A registered name, or one of its translations, matches what was typed (Discord lets members type either). */
function names(thing: { name: string; name_localizations?: unknown }): string[] {
  const localized = thing.name_localizations && typeof thing.name_localizations === 'object' ? Object.values(thing.name_localizations) : [];
  return [thing.name, ...localized.filter((name): name is string => typeof name === 'string')].map((name) => name.normalize('NFC').toLowerCase());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describeOptions(command: RegisteredCommand): string {
  const options = command.options ?? [];
  if (options.length === 0) return `/${command.name} takes no options`;
  return `/${command.name} takes ${options.map((option) => (option.required ? `${option.name}:` : `[${option.name}:]`)).join(' ')}`;
}

/** `/who-met year:2025 person:Mark Rutte`: values run until the next option name of that command. */
export function parseCommandLine(line: string, commands: readonly RegisteredCommand[]): Parsed<CommandLine> {
  const match = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(line.normalize('NFC').trim());
  if (!match) return { ok: false, error: 'a command starts with /, e.g. /who-met year:2025' };
  const typedName = match[1]!.toLowerCase();
  const command = commands.find((candidate) => names(candidate).includes(typedName));
  if (!command) return { ok: false, error: `no command /${match[1]}; the bot has ${commands.map((candidate) => `/${candidate.name}`).join(' ')}` };
  const rest = (match[2] ?? '').trim();
  const options = command.options ?? [];
  const byTypedName = new Map(options.flatMap((option) => names(option).map((name) => [name, option] as const)));

  const alternatives = [...byTypedName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const starts =
    alternatives.length === 0
      ? []
      : [...rest.matchAll(new RegExp(`(?:^|\\s)(${alternatives.join('|')}):`, 'giu'))].map((found) => ({
          option: byTypedName.get(found[1]!.toLowerCase())!,
          at: found.index + found[0].length - found[1]!.length - 1,
          valueAt: found.index + found[0].length,
        }));
  const typed: [string, string][] = [];
  const leading = rest.slice(0, starts[0]?.at ?? rest.length).trim();
  if (leading) {
    // `/ask hội nghị ở đâu`: bare text fills the first required text option, if it was not given by name.
    const bare = options.find((option) => option.required && option.type === OptionType.String);
    const unknown = /^([^\s:]+):/.exec(leading);
    if (unknown) return { ok: false, error: `unknown option "${unknown[1]}": ${describeOptions(command)}` };
    if (!bare || starts.some((start) => start.option === bare)) {
      return { ok: false, error: `"${leading}" has no option name: write it as name:value (${describeOptions(command)})` };
    }
    typed.push([bare.name, leading]);
  }
  starts.forEach((start, index) => {
    typed.push([start.option.name, rest.slice(start.valueAt, starts[index + 1]?.at ?? rest.length).trim()]);
  });
  const seen = new Set<string>();
  for (const [name] of typed) {
    if (seen.has(name)) return { ok: false, error: `option "${name}" is given twice` };
    seen.add(name);
  }
  return { ok: true, value: { command, typed } };
}

/** Turns typed text into the option's type, as Discord's client would before sending. */
function optionValue(option: RegisteredOption, text: string, userNamed: (name: string) => APIUser): Parsed<OptionInput> {
  switch (option.type) {
    case OptionType.String:
      return text === '' ? { ok: false, error: `${option.name}: type some text` } : { ok: true, value: text };
    case OptionType.Integer:
      return /^-?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, error: `${option.name} must be a whole number, e.g. 2025` };
    case OptionType.Number:
      return text !== '' && Number.isFinite(Number(text)) ? { ok: true, value: Number(text) } : { ok: false, error: `${option.name} must be a number` };
    case OptionType.Boolean: {
      const lowered = text.toLowerCase();
      if (['true', 'yes', 'y', '1', 'có', 'co'].includes(lowered)) return { ok: true, value: true };
      if (['false', 'no', 'n', '0', 'không', 'khong'].includes(lowered)) return { ok: true, value: false };
      return { ok: false, error: `${option.name} is true or false` };
    }
    case OptionType.User:
      return text.replace(/^@/, '') === '' ? { ok: false, error: `${option.name}: name someone, e.g. mention:@lan` } : { ok: true, value: userNamed(text.replace(/^@/, '')) };
    default:
      return { ok: false, error: `${option.name}: the playground cannot type this kind of option` };
  }
}

function commandOptions(
  line: CommandLine,
  userNamed: (name: string) => APIUser,
  focused?: string,
): Parsed<Record<string, OptionInput>> {
  const options: Record<string, OptionInput> = {};
  for (const [name, text] of line.typed) {
    const option = line.command.options!.find((candidate) => candidate.name === name)!;
    if (name === focused) {
      options[name] = text;
      continue;
    }
    const value = optionValue(option, text, userNamed);
    if (!value.ok) return value;
    options[name] = value.value;
  }
  if (focused === undefined) {
    const missing = (line.command.options ?? []).filter((option) => option.required && !(option.name in options));
    if (missing.length > 0) return { ok: false, error: `/${line.command.name} needs ${missing.map((option) => `${option.name}:`).join(' ')}` };
  }
  return { ok: true, value: options };
}

// --- Showing a message as Discord would ----------------------------------------------------------

interface Look {
  bold: (text: string) => string;
  dim: (text: string) => string;
  userName: (id: string) => string;
  roleName: (id: string) => string;
}

/** Discord markdown as a member reads it: escapes undone, bold shown, mentions as @names, links with their address. */
export function showMarkdown(markdown: string, look: Look): string {
  let out = '';
  let bold = false;
  let boldStart = 0;
  for (let index = 0; index < markdown.length; ) {
    const rest = markdown.slice(index);
    const char = markdown[index]!;
    if (char === '\\' && /^[!-/:-@[-`{-~]$/.test(markdown[index + 1] ?? '')) {
      out += markdown[index + 1];
      index += 2;
    } else if (rest.startsWith('**')) {
      if (bold) out = out.slice(0, boldStart) + look.bold(out.slice(boldStart));
      else boldStart = out.length;
      bold = !bold;
      index += 2;
    } else if (char === '`') {
      index += 1;
    } else if (char === '[' && /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s)]+)\)/.test(rest)) {
      const [whole, label, url] = /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s)]+)\)/.exec(rest)!;
      out += `${showMarkdown(label!, look)} ${look.dim(`<${url}>`)}`;
      index += whole.length;
    } else if (/^<@[!&]?\d+>/.test(rest)) {
      const [whole, kind, id] = /^<@([!&]?)(\d+)>/.exec(rest)!;
      out += kind === '&' ? `@${look.roleName(id!)}` : `@${look.userName(id!)}`;
      index += whole.length;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function showBlock(markdown: string, look: Look): string[] {
  return showMarkdown(markdown, look)
    .split('\n')
    .map((line) => line.replace(/^> /, '▌ '));
}

interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

interface ShownButton {
  label: string;
  customId: string;
  disabled: boolean;
}

export function buttonsOf(message: StoredMessage | undefined): ShownButton[] {
  return (message?.components ?? []).flatMap((row) =>
    ((row.components as Record<string, unknown>[] | undefined) ?? []).map((component) => {
      const emoji = (component.emoji as { name?: string } | undefined)?.name;
      return {
        label: [emoji, component.label].filter(Boolean).join(' '),
        customId: String(component.custom_id ?? ''),
        disabled: component.disabled === true,
      };
    }),
  );
}

export function showMessage(view: Pick<MemberView, 'reply' | 'ephemeral' | 'pinged'>, look: Look): string {
  const message = view.reply;
  if (!message) return look.dim('(no message)');
  const lines: string[] = [];
  if (view.ephemeral) lines.push(look.dim('── only you can see this ──'));
  if (message.content) lines.push(...showBlock(message.content, look));
  for (const embed of message.embeds as Embed[]) {
    lines.push('┌');
    if (embed.title) lines.push(`│ ${look.bold(showMarkdown(embed.title, look))}${embed.url ? ` ${look.dim(`<${embed.url}>`)}` : ''}`);
    if (embed.description) lines.push(...showBlock(embed.description, look).map((line) => `│ ${line}`));
    for (const field of embed.fields ?? []) {
      lines.push(`│ ${look.bold(showMarkdown(field.name, look))}`, ...showBlock(field.value, look).map((line) => `│   ${line}`));
    }
    if (embed.footer?.text) lines.push(`│ ${look.dim(embed.footer.text)}`);
    lines.push('└');
  }
  const buttons = buttonsOf(message);
  if (buttons.length > 0) {
    lines.push(buttons.map((button, index) => `[${index + 1}] ${button.label}${button.disabled ? look.dim(' (disabled)') : ''}`).join('  '));
  }
  const pinged = [...view.pinged.users.map((id) => `@${look.userName(id)}`), ...view.pinged.roles.map((id) => `@${look.roleName(id)}`)];
  if (view.pinged.everyone) pinged.push('@everyone');
  if (pinged.length > 0) lines.push(look.dim(`(notified: ${pinged.join(', ')})`));
  return lines.join('\n');
}

// --- The session ---------------------------------------------------------------------------------

const HELP_TAIL = `Also:
  press N [as NAME]          press button N of the last answer (or just N); "as lan" presses it as another member
  complete /cmd opt:text     the suggestions Discord shows while typing the last option
  locale vi | en-US          the language of the member asking
  help, quit                 this text; leave (the end of input also leaves)
Options are name:value, e.g. /ask question:hội nghị ở đâu hide:true mention:@lan. You have Manage Server, so /reload works.`;

function helpText(commands: readonly RegisteredCommand[]): string {
  const rows = commands.map((command) => {
    const options = (command.options ?? []).map((option) => (option.required ? `${option.name}:` : `[${option.name}:]`)).join(' ');
    return `  /${command.name}${options ? ` ${options}` : ''}\n      ${command.description}`;
  });
  return `Commands:\n${rows.join('\n')}\n${HELP_TAIL}`;
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
    if (/^(help|\?)$/i.test(text)) return this.print(helpText(this.standIn.commands.list()));
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
    const parsed = parseCommandLine(text, this.standIn.commands.list());
    if (!parsed.ok) return this.fail(parsed.error);
    const options = commandOptions(parsed.value, (name) => this.userNamed(name));
    if (!options.ok) return this.fail(options.error);
    await this.show(() =>
      this.driver.invokeCommand({ name: parsed.value.command.name, options: options.value, user: this.me, locale: this.locale, permissions: MANAGER_PERMISSIONS }),
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
    const parsed = parseCommandLine(text, this.standIn.commands.list());
    if (!parsed.ok) return this.fail(parsed.error);
    const focused = parsed.value.typed.at(-1)?.[0];
    const option = parsed.value.command.options?.find((candidate) => candidate.name === focused);
    if (!focused || !option?.autocomplete) {
      const withSuggestions = (parsed.value.command.options ?? []).filter((candidate) => candidate.autocomplete).map((candidate) => `${candidate.name}:`);
      return this.fail(`end the line with an option that has suggestions: ${withSuggestions.join(' ') || `/${parsed.value.command.name} has none`}`);
    }
    const options = commandOptions(parsed.value, (name) => this.userNamed(name), focused);
    if (!options.ok) return this.fail(options.error);
    try {
      const seen = await this.driver.invokeAutocomplete({ name: parsed.value.command.name, options: options.value, focused, user: this.me, locale: this.locale });
      const choices = seen.choices ?? [];
      this.print(choices.length === 0 ? this.look.dim('(no suggestions)') : choices.map((choice) => `  ${choice.name}  ${this.look.dim(`→ ${choice.value}`)}`).join('\n'));
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
