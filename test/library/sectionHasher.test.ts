import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SectionHasher } from '../../src/library/sectionHasher.ts';

const shared = (text: string) => {
  const bytes = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(text)));
  bytes.set(Buffer.from(text));
  return bytes;
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the checksum thread', () => {
  let hasher: SectionHasher | undefined;
  afterEach(async () => {
    await hasher?.close();
    hasher = undefined;
  });

  it('gives each section the sha256 of its bytes in the order handed over, sections interleaved', async () => {
    hasher = new SectionHasher();
    const first = shared('Hai bên đã ký kết thỏa thuận hợp tác.');
    const second = shared('Tổng thư ký NATO Mark Rutte');
    void hasher.update(3, first.subarray(0, 10));
    void hasher.update(7, second);
    await hasher.update(3, first.subarray(10));
    expect(await hasher.digest(3)).toBe(sha256('Hai bên đã ký kết thỏa thuận hợp tác.'));
    expect(await hasher.digest(7)).toBe(sha256('Tổng thư ký NATO Mark Rutte'));
    // A digest starts the section afresh, and one of nothing is that of nothing.
    expect(await hasher.digest(3)).toBe(sha256(''));
  });

  it('has hashed a stretch when its update resolves, so its bytes may then be written again', async () => {
    hasher = new SectionHasher();
    const window = shared('abcdef');
    await hasher.update(1, window);
    window.set(Buffer.from('zzzzzz'));
    expect(await hasher.digest(1)).toBe(sha256('abcdef'));
  });

  it('refuses bytes that are not shared (they would be copied), and answers nothing once closed', async () => {
    hasher = new SectionHasher();
    expect(() => hasher!.update(1, Buffer.from('abc'))).toThrow(/shared/);
    await hasher.close();
    await expect(hasher.digest(1)).rejects.toThrow(/closed/);
    await expect(hasher.update(1, shared('abc'))).rejects.toThrow(/closed/);
  });
});
