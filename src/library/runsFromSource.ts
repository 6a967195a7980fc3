// citebot runs either from its TypeScript sources (tsx, vitest: module URLs end in `.ts`) or compiled
// to JavaScript in dist/ (`npm run build`, then plain node: `.js`). Code that starts another process
// or thread on one of its own modules, or hashes its own files, asks here which it is: compiled
// modules start as they are, while a source needs tsx registered first (tsChild.mjs, tsWorker.mjs),
// and tsx is a development tool that a compiled install may not have.

/** Whether `moduleUrl` (an `import.meta.url`) is a TypeScript source rather than compiled JavaScript. */
export function runsFromSource(moduleUrl: string): boolean {
  return /\.[cm]?ts$/.test(new URL(moduleUrl).pathname);
}
