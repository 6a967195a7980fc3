// Names as autocomplete finds them while a member types: by any part, in the library's order, never
// by letters that only meet across two neighbouring names.
import { describe, expect, it } from 'vitest';
import { peopleMatching } from '../../src/library/lookups/peopleByWord.ts';
import type { Library } from '../../src/library/library.ts';
import type { Person } from '../../src/extract/items.ts';
import { ArrayByIndex } from '../../src/text/listByIndex.ts';

function libraryOf(names: string[]): Library {
  return { people: new ArrayByIndex(names.map((name) => ({ name, role: 'Bộ trưởng' }))) } as unknown as Library;
}

const names = (people: readonly Person[]) => people.map((person) => person.name);

describe('peopleMatching', () => {
  const library = libraryOf([
    'Lee Jae-myung',
    'Mark Rutte',
    'Nguyễn Văn An',
    'Jens Stoltenberg',
    'Nguyễn Thị Vân',
    'Lee Do-woon',
    'Yoon Suk-yeol',
  ]);

  it('finds a name by the start of any of its words, or inside it written solid, in the library’s order', () => {
    expect(names(peopleMatching(library, 'nguy', 25))).toEqual(['Nguyễn Văn An', 'Nguyễn Thị Vân']);
    expect(names(peopleMatching(library, 'Nguyễn V', 25))).toEqual(['Nguyễn Văn An', 'Nguyễn Thị Vân']);
    expect(names(peopleMatching(library, 'lee j', 25))).toEqual(['Lee Jae-myung']);
    expect(names(peopleMatching(library, 'sukyeol', 25))).toEqual(['Yoon Suk-yeol']);
    expect(names(peopleMatching(library, 'STOLT', 25))).toEqual(['Jens Stoltenberg']);
  });

  it('never matches letters that only meet across two neighbouring names', () => {
    // "…myung" + "Mark…" and "…rutte" + "Nguyễn…" are neighbours in the library.
    expect(peopleMatching(library, 'myungmark', 25)).toEqual([]);
    expect(peopleMatching(library, 'ruttenguyen', 25)).toEqual([]);
    expect(peopleMatching(library, 'zzq', 25)).toEqual([]);
  });

  it('keeps to the limit, and lists the first names when nothing was typed', () => {
    expect(names(peopleMatching(library, 'n', 2))).toEqual(['Lee Jae-myung', 'Nguyễn Văn An']);
    expect(names(peopleMatching(library, '', 3))).toEqual(['Lee Jae-myung', 'Mark Rutte', 'Nguyễn Văn An']);
  });
});
