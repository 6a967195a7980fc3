// The people a library names (`library.people`), read by index. Read back from the cache, each person is
// two numbers, a name and a title as indices into the library's table of strings, and a Person object is
// made when read (a library built in this process keeps its array, an `ArrayByIndex`). At 1M paragraphs
// the 74k people as objects, each with its strings, were 220k objects for every full collection of the
// heap to walk, for the autocomplete that reads a few dozen of them.
import type { Person } from '../extract/items.ts';
import type { ListByIndex, StringList } from '../text/listByIndex.ts';

export type PersonList = ListByIndex<Person>;

const isIndex = (index: number, length: number) => Number.isInteger(index) && index >= 0 && index < length;

/** In `PersonColumns.roles`: a person without a title. */
export const NO_ROLE = 0xffffffff;

/** People read back from the cache: per person, its name's and its title's index in `strings`. */
export class PersonColumns implements PersonList {
  readonly #names: Uint32Array;
  readonly #roles: Uint32Array;
  readonly #strings: StringList;

  /** Every index must name a string of `strings` (the decoder checks them), each role one or NO_ROLE. */
  constructor(names: Uint32Array, roles: Uint32Array, strings: StringList) {
    if (names.length !== roles.length) throw new Error('cache: people’s names and titles differ in number');
    this.#names = names;
    this.#roles = roles;
    this.#strings = strings;
  }

  get length(): number {
    return this.#names.length;
  }

  get(index: number): Person | undefined {
    if (!isIndex(index, this.#names.length)) return undefined;
    const name = this.#strings.get(this.#names[index]!)!;
    const role = this.#roles[index]!;
    return role === NO_ROLE ? { name } : { name, role: this.#strings.get(role)! };
  }
}
