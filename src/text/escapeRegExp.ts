// Literal text inside a regular expression.

/** `text` with every character that means something in a pattern escaped: `a.b` → `a\.b`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
