import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, parseQuestion } from '../../src/answers/question.ts';

describe('parseQuestion: lengths as Discord counts them', () => {
  it('accepts 100 characters that NFC makes longer (Discord let them through), and still refuses 101', () => {
    // U+0958 (क़) is excluded from composition: NFC turns it into two characters.
    const decomposable = '\u0958'.repeat(MAX_TERM_LENGTH);
    expect(decomposable.normalize('NFC').length).toBe(2 * MAX_TERM_LENGTH);
    expect(parseQuestion({ command: 'who-met', person: decomposable }).ok).toBe(true);
    const tooLong = parseQuestion({ command: 'who-met', person: 'a'.repeat(MAX_TERM_LENGTH + 1) });
    expect(!tooLong.ok && tooLong.errors.join()).toMatch(/person is too long \(100 characters at most\)/);
  });
});
