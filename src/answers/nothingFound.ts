// One wording for "nothing found", so every engine says what was searched and what to try.
import type { Library } from '../library/library.ts';

export function describeFilters(options: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(options)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name} "${value}"`);
  return parts.length > 0 ? ` for ${parts.join(', ')}` : '';
}

export function yearsHint(library: Library): string {
  return library.years.length > 0 ? ` Years in the corpus: ${library.years.join(', ')}.` : ' The corpus is empty.';
}
