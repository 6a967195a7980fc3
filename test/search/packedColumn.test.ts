import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSTINGS_PER_BLOCK, PackedColumn } from '../../src/search/packedColumn.ts';

describe('PackedColumn: the postings’ paragraphs in blocks of offsets from each block’s smallest', () => {
  it('gives back every value, from any position, packed and unpacked alike', () => {
    const value = fc.oneof(fc.nat(100), fc.nat(70_000), fc.nat(0xffff_ffff));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 * POSTINGS_PER_BLOCK + 5 }), fc.nat(), fc.nat(), (values, a, b) => {
        const packed = PackedColumn.pack(values);
        expect(packed.length).toBe(values.length);
        expect([...packed.slice()]).toEqual(values);
        // Any stretch, starting and ending inside a block or not.
        const start = values.length === 0 ? 0 : a % values.length;
        const count = values.length === 0 ? 0 : b % (values.length - start + 1);
        const into = new Uint32Array(count);
        packed.decodeInto(start, count, into);
        expect([...into]).toEqual(values.slice(start, start + count));
        const unpacked = PackedColumn.pack(values);
        unpacked.unpack();
        expect(unpacked.isUnpacked).toBe(true);
        expect([...unpacked.view(start, count)!]).toEqual(values.slice(start, start + count));
        // Stored as it is held (a small library's cache), it is read back in place, unpacked, nothing decoded.
        const stored = new PackedColumn(values.length, unpacked.parts());
        expect(stored.isUnpacked).toBe(values.length > 0);
        expect([...stored.slice()]).toEqual(values);
        // Stored packed, it is read back the same (in place too when its packing is the values as they are).
        expect([...new PackedColumn(values.length, packed.parts()).slice()]).toEqual(values);
      }),
    );
  });

  it('spends on each block only the bits its widest offset needs', () => {
    // One block of a common term (paragraphs 1,000 apart: offsets up to 63,000, 16 bits) and one of equal values (none).
    const common = Array.from({ length: POSTINGS_PER_BLOCK }, (_, i) => 5_000_000 + i * 1000);
    const same = Array.from({ length: POSTINGS_PER_BLOCK }, () => 42);
    const packed = PackedColumn.pack([...common, ...same]);
    expect(new PackedColumn(2 * POSTINGS_PER_BLOCK, packed.parts()).isUnpacked).toBe(false);
    const { bases, widths, words } = packed.parts();
    expect([...bases]).toEqual([5_000_000, 42]);
    expect([...widths]).toEqual([16, 0]);
    expect(words.length).toBe(2 * 16);
    expect(bases.byteLength + widths.byteLength + words.byteLength).toBeLessThan(0.3 * 4 * 2 * POSTINGS_PER_BLOCK);
    expect([...packed.slice(POSTINGS_PER_BLOCK - 2, POSTINGS_PER_BLOCK + 1)]).toEqual([5_062_000, 5_063_000, 42]);
  });

  it('unpacks in steps (a reload lets the event loop run between them), still packed until the last', () => {
    const values = Array.from({ length: 10 }, (_, i) => i * 1000);
    const column = PackedColumn.pack(values);
    const steps = column.unpackSteps(3);
    let yielded = 0;
    while (!steps.next().done) {
      yielded++;
      expect(column.isUnpacked).toBe(false);
    }
    expect(yielded).toBe(4);
    expect(column.isUnpacked).toBe(true);
    expect([...column.view(0, 10)!]).toEqual(values);
  });

  it('unpacks frequencies into a byte each, and refuses a value a byte cannot hold', () => {
    const bytes = PackedColumn.pack([1, 2, 255, 1], 'u8');
    bytes.unpack();
    expect(bytes.view(0, 4)).toEqual(Uint8Array.of(1, 2, 255, 1));
    // Stored as held: a byte each, read back in place.
    const stored = new PackedColumn(4, bytes.parts(), 'u8');
    expect(stored.isUnpacked).toBe(true);
    expect(stored.view(0, 4)).toEqual(Uint8Array.of(1, 2, 255, 1));
    expect(bytes.parts().words.byteLength).toBe(64);
    expect(() => PackedColumn.pack([1, 256], 'u8').unpack()).toThrow(/too large for a byte/);
  });

  it('refuses parts that do not fit together (a damaged cache), and stretches outside the column', () => {
    const packed = PackedColumn.pack(Array.from({ length: 100 }, (_, i) => i * 3));
    const { bases, widths, words } = packed.parts();
    expect(() => new PackedColumn(100, { bases, widths, words: words.subarray(1) })).toThrow(/words do not match/);
    expect(() => new PackedColumn(200, { bases, widths, words })).toThrow(/block counts/);
    const tooWide = Uint8Array.from(widths);
    tooWide[0] = 33;
    expect(() => new PackedColumn(100, { bases, widths: tooWide, words })).toThrow(/wider than 32/);
    expect(() => packed.decodeInto(90, 20, new Uint32Array(20))).toThrow(/outside the column/);
  });
});
