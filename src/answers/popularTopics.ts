// What the corpus talks about most, for "try these" when a question matches nothing and has no
// close spelling in the corpus: the phrases that recur in what was agreed, and the people named
// in the most articles. Computed once per library, on first need.
import type { Library } from './library.ts';
import { tokenize } from '../search/vietnameseAnalyzer.ts';

const topicsByLibrary = new WeakMap<Library, string[]>();

/** Two-syllable phrases of lowercase, non-stopword syllables, most frequent first. */
export function popularTopics(library: Library, limit = 5): string[] {
  let topics = topicsByLibrary.get(library);
  if (!topics) {
    const counts = new Map<string, { display: string; count: number }>();
    for (const agreement of library.agreements) {
      const tokens = tokenize(agreement.summary);
      // A summary starts with the agreement verb (`nhất trí`, `cam kết`): what follows is the topic.
      for (let i = 2; i + 1 < tokens.length; i++) {
        const [left, right] = [tokens[i]!, tokens[i + 1]!];
        if (left.isStopword || right.isStopword || !left.adjacentToNext || !isLowercaseWord(left.text) || !isLowercaseWord(right.text)) continue;
        const key = `${left.folded} ${right.folded}`;
        const entry = counts.get(key) ?? { display: `${left.text} ${right.text}`, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
    }
    topics = [...counts.values()].sort((a, b) => b.count - a.count).map((entry) => entry.display);
    topicsByLibrary.set(library, topics);
  }
  return topics.slice(0, limit);
}

const peopleByLibrary = new WeakMap<Library, string[]>();

/** People who took part in the most meetings. Counted once per library, on first need. */
export function prominentPeople(library: Library, limit = 3): string[] {
  let people = peopleByLibrary.get(library);
  if (!people) {
    const meetingsByName = new Map<string, number>();
    for (const meeting of library.meetings) {
      for (const person of meeting.participants ?? []) meetingsByName.set(person.name, (meetingsByName.get(person.name) ?? 0) + 1);
    }
    people = [...meetingsByName.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 25)
      .map(([name]) => name);
    peopleByLibrary.set(library, people);
  }
  return people.slice(0, limit);
}

function isLowercaseWord(text: string): boolean {
  return /^\p{Ll}/u.test(text) && !/\d/.test(text);
}
