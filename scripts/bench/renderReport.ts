// Prints a BenchReport as the plain-text tables `npm run bench` shows (the JSON form is the report itself).
import type { BenchEnvironment, QueryKindResult, SizeResult } from './benchResult.ts';

function table(header: string[], rows: string[][], rightAligned = (column: number) => column > 0): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (rightAligned(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}

const ms = (value: number | undefined) =>
  value === undefined ? '–' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
const mb = (value: number | undefined, gcExposed: boolean) =>
  value === undefined ? '–' : gcExposed ? `${value.toFixed(1)} MB` : 'n/a (no gc)';
const count = (value: number) => value.toLocaleString('en-US');

function latencyCells(stats: QueryKindResult | undefined): string[] {
  if (!stats) return ['–', '–', '–', '–', '–', '–', '–'];
  return [
    String(stats.count),
    ms(stats.firstMs),
    ms(stats.p50),
    ms(stats.p95),
    ms(stats.p99),
    ms(stats.max),
    `${stats.withResults}/${stats.distinct}`,
  ];
}

export function renderEnvironment(environment: BenchEnvironment): string {
  return [
    `citebot bench — ${environment.startedAt}`,
    `node ${environment.node}, ${environment.cpus} × ${environment.cpuModel}, heap limit ${environment.heapLimitMb} MB, ` +
      `gc ${environment.gcExposed ? 'exposed (heap figures are after a full gc)' : 'NOT exposed (no heap figures)'}`,
    `${environment.queriesPerKind} timed calls per query kind, round-robin over a fixed set; seed ${environment.seed}. Times in ms.`,
  ].join('\n');
}

export function renderSize(result: SizeResult, gcExposed: boolean): string {
  const out: string[] = [];
  const { corpus, load, library } = result;
  out.push(
    '',
    `== ${result.label}: ${corpus ? `${count(corpus.paragraphs)} paragraphs in ${count(corpus.articles)} articles, ${(corpus.bytes / 1048576).toFixed(1)} MB of text (generated in ${ms(corpus.generateMs)} ms)` : `${count(result.targetParagraphs)} paragraphs`}`,
  );

  const loading: string[][] = [];
  if (load) {
    loading.push([
      'load corpus (read, validate, segment)',
      ms(load.loadCorpusMs),
      `${count(load.paragraphs)} paragraphs, ${load.firstYear}–${load.lastYear}, heap +${mb(load.heapCorpusMb, gcExposed)}`,
    ]);
  }
  const citebotEngine = result.engines?.citebot;
  const indexRow = () => {
    if (citebotEngine?.buildMs === undefined) return;
    const label = library ? 'search index alone (rebuilt, warm)' : 'build search index (cold)';
    loading.push([label, ms(citebotEngine.buildMs), `heap +${mb(citebotEngine.heapMb, gcExposed)}`]);
  };
  if (!library) indexRow();
  if (library) {
    loading.push([
      'build library (cold: index + extract)',
      ms(library.buildLibraryMs),
      `heap +${mb(library.heapLibraryMb, gcExposed)} (total ${mb(library.heapUsedMb, gcExposed)}); ${count(library.meetings)} meetings, ${count(library.agreements)} agreements, ${count(library.people)} people`,
    ]);
    indexRow();
  }
  if (result.served) {
    loading.push([
      'written to the cache and opened as the bot does (what commands and reload run on)',
      ms(result.served.openMs),
      `heap ${mb(result.served.heapUsedMb, gcExposed)} in use`,
    ]);
  }
  if (loading.length > 0)
    out.push(
      '',
      table(['cold start', 'ms', ''], loading, (column) => column === 1),
    );

  const commandRows = Object.entries(result.commands ?? {}).map(([name, stats]) => [name, ...latencyCells(stats)]);
  if (commandRows.length > 0) out.push('', table(['command', 'n', 'first', 'p50', 'p95', 'p99', 'max', '≥1 result'], commandRows));

  const engines = result.engines ?? {};
  const engineNames = ['citebot', 'minisearch', 'flexsearch'].filter((name) => engines[name]);
  if (engineNames.length > 0) {
    const rows = engineNames.map((name) => {
      const engine = engines[name]!;
      const heap = engine.heapMb === undefined ? '–' : gcExposed ? engine.heapMb.toFixed(1) : 'n/a';
      return [name, ms(engine.buildMs), heap, ...latencyCells(engine.search)];
    });
    out.push('', table(['/ask search only', 'build', 'heap MB', 'n', 'first', 'p50', 'p95', 'p99', 'max', '≥1 result'], rows));
    const ours = engines.citebot?.search?.p99;
    const flex = engines.flexsearch?.search?.p99;
    if (ours !== undefined && flex !== undefined && flex > 0) out.push(`  citebot p99 / FlexSearch p99 = ${(ours / flex).toFixed(1)}×`);
    for (const name of engineNames) out.push(`  ${name}: ${engines[name]!.config}`);
  }

  const { reload } = result;
  if (reload) {
    out.push(
      '',
      `  reload (${reload.status}): ${ms(reload.reloadMs)} ms; event-loop delay while reloading: max ${ms(reload.eventLoopDelay.max)} ms, ` +
        `p99 ${ms(reload.eventLoopDelay.p99)} ms, mean ${ms(reload.eventLoopDelay.mean)} ms`,
    );
    if (reload.queries) {
      out.push(
        `  /ask arriving every ${reload.arrivalEveryMs} ms during the reload (${reload.queries.count} queries), latency incl. waiting: ` +
          `p50 ${ms(reload.queries.p50)}, p99 ${ms(reload.queries.p99)}, max ${ms(reload.queries.max)}`,
      );
    }
    if (reload.longestBlocks && reload.longestBlocks.length > 0) {
      const blocks = reload.longestBlocks.map(
        (block) =>
          `${block.ms} ms at +${(block.atMs / 1000).toFixed(1)} s (GC ${block.gcMs} ms${block.gcKinds ? ` ${block.gcKinds.join('/')}` : ''}, answering ${block.answeringMs} ms` +
          `${block.stolenMs === undefined ? '' : `, host pause ${block.stolenMs} ms`})`,
      );
      out.push(`  longest blocks: ${blocks.join(', ')}`);
    }
    if (reload.longestOwn && reload.longestOwn.length > 0) {
      const blocks = reload.longestOwn.map((block) => `${block.ownMs} ms at +${(block.atMs / 1000).toFixed(1)} s (GC ${block.gcMs} ms)`);
      out.push(`  the reload's own longest blocks (less answering and host pauses): ${blocks.join(', ')}`);
    }
    out.push(`  heap after reload: ${mb(reload.heapAfterMb, gcExposed)}`);
    if (reload.rssBeforeMb !== undefined && reload.rssPeakMb !== undefined)
      out.push(
        `  resident memory: ${reload.rssBeforeMb} MB before the reload, ${reload.rssPeakMb} MB at its peak ` +
          `(${(reload.rssPeakMb / reload.rssBeforeMb).toFixed(2)}×)`,
      );
  }

  const { open } = result;
  if (open) {
    out.push(
      `  open from the cache (fresh process): cache ${open.cacheMb} MB, ${ms(open.openMs)} ms (CPU ${ms(open.openCpuMs)} ms); ` +
        `resident ${open.rssAfterOpenMb} MB after the open, ${open.rssAfterGcMb} MB after a full collection (heap ${open.heapMb} MB, buffers ${open.arrayBuffersMb} MB)`,
    );
    if (open.warmUp) {
      out.push(
        `  then the engines' warm-up before the first member: ${open.warmUp.calls} calls in ${ms(open.warmUp.tookMs)} ms` +
          (open.warmUp.finished ? '' : ' (stopped at its time budget)'),
      );
    }
  }

  for (const message of result.skipped ?? []) out.push(`  skipped: ${message}`);
  if (result.failure) out.push(`  STOPPED: ${result.failure}`);
  return out.join('\n');
}
