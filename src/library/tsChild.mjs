// Starts a child process on a TypeScript module (`process.argv[2]`, a file URL): registers tsx in
// this process, then imports it, so the child needs no loader flags from whoever started the bot.
// Only when running from the sources (tsx, vitest); the compiled bot in dist/ forks its .js directly.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
