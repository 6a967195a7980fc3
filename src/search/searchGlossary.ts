// The glossary every query is read with: a corpus folder's own glossary.json first, then the built-in
// English ↔ Vietnamese news glossary and the language's synonyms, so English works on any corpus.
// Compiled once per distinct corpus glossary (a reload of the same folder reuses it): the built-in
// table has hundreds of entries and an index is made at every load and reload.
import type { GlossaryEntry } from '../corpus/types.ts';
import { NEWS_GLOSSARY } from '../language/newsGlossary.ts';
import { VIETNAMESE_SYNONYMS } from '../language/synonyms.ts';
import { BoundedMap } from '../text/boundedMap.ts';
import { type CompiledGlossary, compileGlossarySteps } from './vietnameseAnalyzer.ts';
import { runToEnd } from '../text/steps.ts';

/** Distinct corpus glossaries kept compiled: a bot serves one folder, the tests a few. */
const compiledByCorpusGlossary = new BoundedMap<string, CompiledGlossary>(8);

export function searchGlossary(corpusEntries: readonly GlossaryEntry[]): CompiledGlossary {
  return runToEnd(searchGlossarySteps(corpusEntries));
}

/** {@link searchGlossary} in steps: compiling takes tens of milliseconds, too long for one turn of a reload. */
export function* searchGlossarySteps(corpusEntries: readonly GlossaryEntry[]): Generator<void, CompiledGlossary, void> {
  const key = JSON.stringify(corpusEntries);
  let compiled = compiledByCorpusGlossary.get(key);
  if (!compiled) {
    compiled = yield* compileGlossarySteps([...corpusEntries, ...NEWS_GLOSSARY, ...VIETNAMESE_SYNONYMS]);
    compiledByCorpusGlossary.set(key, compiled);
  }
  return compiled;
}
