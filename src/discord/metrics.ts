// The bot's Prometheus metrics (served by healthServer.ts on HTTP_PORT): commands by name and outcome,
// their latency, reloads by result, and the library's size. Fed by the router's one observer call per
// interaction, so no command module knows about metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { NotLoaded } from '../library/libraryStore.ts';
import type { LibrarySource } from './commandTypes.ts';

export interface InteractionObservation {
  /** Command name, or `button` for a button press. */
  name: string;
  kind: 'command' | 'autocomplete' | 'button';
  /** The router's result, e.g. `answered:5:pages:1`; only the part before the first `:` is a label. */
  result: string;
  latencyMs: number;
}

export interface BotMetrics {
  registry: Registry;
  observe(observation: InteractionObservation): void;
}

export function createMetrics(store: LibrarySource & { notLoaded?(): NotLoaded }): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'citebot_process_' });
  const interactions = new Counter({
    name: 'citebot_interactions_total',
    help: 'Interactions handled, by kind, command (or "button") and outcome',
    labelNames: ['kind', 'name', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'citebot_interaction_duration_seconds',
    help: 'Time from receiving an interaction to having answered it',
    labelNames: ['kind', 'name'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'citebot_reloads_total',
    help: '/reload runs by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'citebot_library_articles',
    help: 'Articles in the library being served',
    registers: [registry],
    collect() {
      this.set(store.current.corpus.articles.length);
    },
  });
  new Gauge({
    name: 'citebot_library_paragraphs',
    help: 'Paragraphs in the library being served',
    registers: [registry],
    collect() {
      this.set(store.current.paragraphCount);
    },
  });
  new Gauge({
    name: 'citebot_library_files_not_loaded',
    help: 'Files of the corpus folder not in the library: skipped on purpose, or left out for errors',
    labelNames: ['why'] as const,
    registers: [registry],
    collect() {
      const notLoaded = store.notLoaded?.();
      this.set({ why: 'skipped' }, notLoaded?.skipped.length ?? 0);
      this.set({ why: 'error' }, notLoaded?.problems.length ?? 0);
    },
  });
  return {
    registry,
    observe({ name, kind, result, latencyMs }) {
      const outcome = result.split(':')[0] ?? result;
      interactions.inc({ kind, name, outcome });
      latency.observe({ kind, name }, latencyMs / 1000);
      if (kind === 'command' && name === 'reload') reloads.inc({ result: outcome });
    },
  };
}
