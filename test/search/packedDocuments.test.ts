import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSTINGS_PER_BLOCK, PackedDocuments } from '../../src/search/packedDocuments.ts';

describe('PackedDocuments: the postings’ paragraphs in blocks of offsets from each block’s smallest', () => {
  it('gives back every value at its position, whatever the values and however many', () => {
    const value = fc.oneof(fc.nat(100), fc.nat(70_000), fc.nat(0xffff_ffff));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 * POSTINGS_PER_BLOCK + 5 }), (values) => {
        const packed = PackedDocuments.pack(values);
        expect(packed.length).toBe(values.length);
        for (let position = 0; position < values.length; position++) expect(packed.at(position)).toBe(values[position]);
        expect([...packed.slice()]).toEqual(values);
      }),
    );
  });

  it('spends on each block only the bits its widest offset needs', () => {
    // One block of a common term (paragraphs 1,000 apart at most: 10 bits each) and one of equal values (none).
    const common = Array.from({ length: POSTINGS_PER_BLOCK }, (_, i) => 5_000_000 + i * 1000);
    const same = Array.from({ length: POSTINGS_PER_BLOCK }, () => 42);
    const packed = PackedDocuments.pack([...common, ...same]);
    expect([...packed.widths]).toEqual([16, 0]);
    expect(packed.words.length).toBe(2 * 16);
    expect(packed.at(POSTINGS_PER_BLOCK - 1)).toBe(5_063_000);
    expect(packed.at(POSTINGS_PER_BLOCK + 3)).toBe(42);
    // Against 4 bytes a value as a Uint32Array.
    expect(packed.bases.byteLength + packed.widths.byteLength + packed.words.byteLength).toBeLessThan(4 * 2 * POSTINGS_PER_BLOCK * 0.3);
  });

  it('refuses parts that do not fit together (a damaged cache)', () => {
    const packed = PackedDocuments.pack(Array.from({ length: 100 }, (_, i) => i * 3));
    const { bases, widths, words } = packed;
    expect(() => new PackedDocuments(100, bases, widths, words.subarray(1))).toThrow(/words do not match/);
    expect(() => new PackedDocuments(200, bases, widths, words)).toThrow(/block counts/);
    const tooWide = Uint8Array.from(widths);
    tooWide[0] = 33;
    expect(() => new PackedDocuments(100, bases, tooWide, words)).toThrow(/wider than 32/);
  });
});
