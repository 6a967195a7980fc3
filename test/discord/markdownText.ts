// Reads rendered markdown back the way Discord shows it: a backslash before punctuation shows that
// character, `**` (never escaped in our output) only toggles bold. Used to prove quotes stay verbatim.
export function readMarkdown(markdown: string): { text: string; bold: string[] } {
  let text = '';
  const bold: string[] = [];
  let boldStart: number | undefined;
  for (let index = 0; index < markdown.length; index += 1) {
    const char = markdown[index]!;
    if (char === '\\' && index + 1 < markdown.length && /[!-/:-@[-`{-~]/.test(markdown[index + 1]!)) {
      text += markdown[index + 1];
      index += 1;
    } else if (char === '*' && markdown[index + 1] === '*') {
      if (boldStart === undefined) boldStart = text.length;
      else {
        bold.push(text.slice(boldStart));
        boldStart = undefined;
      }
      index += 1;
    } else {
      text += char;
    }
  }
  return { text, bold };
}

/** The quote inside a `> ` block: the prefix of every line removed. */
export function unquote(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^> /, ''))
    .join('\n');
}
