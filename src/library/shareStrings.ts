// Decoded items repeat strings: a person appears in hundreds of meetings, a place and a date in
// thousands. JSON.parse makes a new copy of each occurrence (at 1M paragraphs, hundreds of megabytes of
// copies); the pool points each one back at the first. (Citations take their article's strings from the
// article itself: see cacheItems.ts.)

/** One copy of each distinct string handed to it. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  share(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }
}
