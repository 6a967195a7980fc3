// The shape of one reviewed "trigger" row (a meeting verb, a reporting verb, an agreement verb):
// the phrase itself plus the few conditions under which it does NOT mean what we look for.
// Kept as data so a reviewer can read every exception next to its word.

export interface TriggerPhrase {
  /** Lowercase, NFC, as written in running text, e.g. `hội đàm`. Matched as whole syllables. */
  phrase: string;
  /**
   * Words that, written right after the phrase, turn it into something else
   * (`tiếp` + `tục` is "to continue", not "to receive").
   */
  notFollowedBy?: readonly string[];
  /** Words that, written right before the phrase, turn it into something else (`thư` + `ký` is "secretary"). */
  notPrecededBy?: readonly string[];
  /**
   * What must come next for the phrase to count: a capitalised word (a title or a name), and/or one of
   * these words or marks. `tiếp Tổng thống …` and `tiếp người đồng cấp …` are receptions, `tiếp tục` is not.
   */
  needsNext?: { capitalised?: boolean; words?: readonly string[] };
  /** Only the lowercase spelling counts: capitalised, the word is part of a name (`Tổ chức Hiệp ước …`). */
  lowercaseOnly?: boolean;
}

/** Where a row of a trigger table occurs in a text. */
export interface TriggerMatch<T extends TriggerPhrase = TriggerPhrase> {
  rule: T;
  /** Offsets into the searched text. */
  start: number;
  end: number;
}
