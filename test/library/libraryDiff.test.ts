// What a moderator's /reload reply reports as added, removed and changed, and that working it out on a
// large library pauses for the event loop instead of holding it (it runs on the bot's own thread).
import { describe, expect, it } from 'vitest';
import { diffSteps } from '../../src/library/libraryDiff.ts';
import type { Library } from '../../src/library/library.ts';
import { runToEnd } from '../../src/text/steps.ts';

/** Only what a diff reads: the articles' ids and file hashes, and the paragraph count. */
function libraryOf(articles: [id: string, hash: string][], paragraphCount: number): Library {
  return { corpus: { articles: articles.map(([id, hash]) => ({ id, hash })) }, paragraphCount } as unknown as Library;
}

describe('diffSteps', () => {
  it('lists added, removed and changed articles, each in its library’s order', () => {
    const before = libraryOf(
      [
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
        ['d', '4'],
      ],
      40,
    );
    const after = libraryOf(
      [
        ['e', '5'],
        ['d', '4'],
        ['c', '9'],
        ['a', '7'],
        ['f', '6'],
      ],
      52,
    );
    expect(runToEnd(diffSteps(before, after))).toEqual({
      added: ['e', 'f'],
      removed: ['b'],
      changed: ['c', 'a'],
      articleCount: 5,
      paragraphCount: 52,
      previousParagraphCount: 40,
    });
  });

  it('finds nothing between a library and an identical one', () => {
    const articles: [string, string][] = [
      ['x', 'h1'],
      ['y', 'h2'],
    ];
    const diff = runToEnd(diffSteps(libraryOf(articles, 3), libraryOf([...articles], 3)));
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
  });

  it('pauses every thousand articles or so on a large library', () => {
    const many = (prefix: string) => Array.from({ length: 10_000 }, (_, i): [string, string] => [`${prefix}${i}`, 'h']);
    const steps = diffSteps(libraryOf(many('old'), 1), libraryOf(many('new'), 1));
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThanOrEqual(18);
    expect(step.value.added).toHaveLength(10_000);
    expect(step.value.removed).toHaveLength(10_000);
  });
});
