// The text the reference engines (MiniSearch, FlexSearch) are given, made without citebot's own code.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export /** A folded form for the FlexSearch reference: lowercase, no tone or vowel marks, đ → d. */
function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export /** Without the core's loader: one paragraph per body line, so the baselines still have something to index. */
async function naiveParagraphs(dir: string): Promise<{ text: string; year: number }[]> {
  const paragraphs: { text: string; year: number }[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.txt'))) {
    const [header = '', ...body] = (await readFile(join(dir, file), 'utf8')).split('\n');
    const year = Number(/date (\d{4})/.exec(header)?.[1] ?? 0);
    for (const line of body) if (line.trim() !== '') paragraphs.push({ text: line.trim(), year });
  }
  return paragraphs;
}
