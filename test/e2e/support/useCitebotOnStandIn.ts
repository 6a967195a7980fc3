// One citebot on the Discord stand-in for a whole describe block: started before its first test (on a
// scratch copy of a corpus when asked), checked after each test (no reply Discord would refuse, nothing
// logged at level error, so a member never saw "something went wrong"), stopped after the last.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { copyCorpus, startCitebotOnStandIn, type CitebotOnStandIn, type CitebotOptions } from './citebotOnStandIn.ts';

export interface SuiteOptions extends CitebotOptions {
  /** A corpus folder to copy for this suite, which its tests may then change (instead of `corpusDir`). */
  corpusCopiedFrom?: string;
}

/** The running citebot, read through getters: it exists only from the suite's `beforeAll` on. */
export interface CitebotForSuite extends CitebotOnStandIn {
  /** The corpus folder the bot reads: the scratch copy, when the suite asked for one. */
  readonly corpusDir: string;
}

/** Registers the suite's hooks; call it at the top of a `describe` block (or of the file). */
export function useCitebotOnStandIn(options: SuiteOptions = {}): CitebotForSuite {
  const { corpusCopiedFrom, ...citebotOptions } = options;
  let running: CitebotOnStandIn | undefined;
  let corpus: { dir: string; remove(): Promise<void> } | undefined;

  beforeAll(async () => {
    if (corpusCopiedFrom !== undefined) corpus = await copyCorpus(corpusCopiedFrom);
    running = await startCitebotOnStandIn({ ...citebotOptions, ...(corpus ? { corpusDir: corpus.dir } : {}) });
  });

  afterEach(() => {
    running?.standIn.expectNoViolations();
    expect(running?.errorLogs() ?? []).toEqual([]);
  });

  afterAll(async () => {
    await running?.stop();
    await corpus?.remove();
  });

  const started = (): CitebotOnStandIn => {
    if (!running) throw new Error('the suite’s citebot starts in beforeAll: use it inside tests and hooks');
    return running;
  };
  return {
    get standIn() {
      return started().standIn;
    },
    get bot() {
      return started().bot;
    },
    get driver() {
      return started().driver;
    },
    get store() {
      return started().store;
    },
    get config() {
      return started().config;
    },
    get logs() {
      return started().logs;
    },
    get corpusDir() {
      return started().config.corpusDir;
    },
    errorLogs: () => started().errorLogs(),
    stop: () => started().stop(),
  };
}
