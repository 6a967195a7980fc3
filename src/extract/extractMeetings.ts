// Finds the meetings an article reports: a sentence with a meeting word (`hội đàm`, `gặp gỡ`, `góp mặt`…)
// and the people who took part, leaving out whoever only reported it (`Phát ngôn viên … cho biết …`) and
// whoever was represented by someone else (`Thay mặt Tổng thống Lee …`). A sentence that opens by
// pointing back (`Sự kiện có sự góp mặt của …`) adds its people to the meeting just before it.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import type { MeetingItem, Citation, Person } from './items.ts';
import {
  COUNTERPART_MARKERS,
  MEETING_FOLLOW_UP_OPENERS,
  MEETING_WORDS,
  REPORTING_VERBS,
  REPRESENTATION_MARKERS,
  SOURCE_MARKERS,
  IN_TURN_MARKERS,
  TOPIC_OPENERS,
} from '../language/meetingWords.ts';
import { HONORIFICS } from '../language/titles.ts';
import { findDates, firstDate, SAME_DAY_OPENERS, undatedEventDate } from './findDates.ts';
import { capitalisedPhraseEnd, findPlace, type PlaceMention } from './findPlace.ts';
import { findPeopleInArticle, type SentencePeople } from './findPeople.ts';
import type { PersonMention } from './findPersonMentions.ts';
import { findTriggers } from '../text/findTriggers.ts';
import { findWords, wordEndsAt, wordStartsAt } from '../text/syllableMatch.ts';
import { wordsAndMarksOf } from '../text/textCut.ts';
import type { TriggerMatch } from '../text/triggerPhrase.ts';
import { futureTimeAfter, moodBefore, type EventStatus } from './findStatus.ts';
import { AGREEMENT_WORDS, BOTH_SIDES_WORDS } from '../language/agreementWords.ts';
import { anyWordPattern } from '../text/wordPatterns.ts';

const BOTH_SIDES = new RegExp(anyWordPattern(BOTH_SIDES_WORDS), 'iu');

/** Longest gap between a person and their reporting verb (room for `ngày 11/7 (giờ địa phương)`). */
const MAX_REPORTER_GAP = 60;

/** `cho biết ông đã …`: a courtesy word used as "he/she", i.e. not followed by a name. */
const PRONOUN_SUBJECT = new RegExp(`^\\s*(?:${HONORIFICS.join('|')})\\s+\\p{Ll}`, 'iu');

/** One meeting being assembled from one sentence, or two when a follow-up sentence joins it. */
interface MeetingDraft {
  paragraph: Paragraph;
  /** The sentence(s) told, with their people; adjacent and in one paragraph. */
  entries: SentencePeople[];
  /** Participants' full names, in the order the text gives them. */
  names: string[];
  strong: boolean;
  /** An organisation on the other side when no second person is named: `hội đàm với NATO`. */
  counterpart?: string;
  status: EventStatus;
  /** True when a word before the verb said so (`đã`, `sẽ`); else the status is read from the date too. */
  statusWritten: boolean;
  /** `call` for a phone call (`điện đàm`). */
  meetingKind: 'meeting' | 'call';
  /** `Hai bên sẽ gặp nhau`: the subject is both sides of the meeting told before. */
  bothSides?: boolean;
  /** Where the words that report the news end (`… cho biết`, `Theo …,`): dates before it are the report's. */
  reportEnd?: number;
  /** `lần lượt hội đàm với B và C`: who met each guest in turn. */
  inTurn?: { hosts: string[]; guests: string[] };
}

/** One meeting per guest when they were met in turn; the follow-up sentences' people stay with the last. */
function splitInTurn(draft: MeetingDraft): MeetingDraft[] {
  const turn = draft.inTurn;
  if (!turn || turn.hosts.length === 0 || turn.guests.length < 2) return [draft];
  const later = draft.names.filter((name) => !turn.hosts.includes(name) && !turn.guests.includes(name));
  return turn.guests.map((guest, i) => ({
    ...draft,
    names: [...turn.hosts, guest, ...(i === turn.guests.length - 1 ? later : [])],
    inTurn: undefined,
  }));
}

/**
 * Is this person only the source of the news? True when a reporting verb follows them closely, the
 * meeting is told after that verb, and the reported clause does not start with `ông`/`bà` (which would
 * make the reporter its subject: `Tổng thống X cho biết ông đã gặp …`).
 */
function isReporter(
  mention: PersonMention,
  others: readonly PersonMention[],
  text: string,
  meetingStart: number,
  reportingVerbs: () => readonly TriggerMatch[],
): boolean {
  if (wordEndsAt(text, mention.start, SOURCE_MARKERS)) return true;
  const verb = reportingVerbs().find((match) => match.start >= mention.end);
  if (!verb || verb.start - mention.end > MAX_REPORTER_GAP || verb.end > meetingStart) return false;
  if (others.some((other) => other.start >= mention.end && other.start < verb.start)) return false;
  return !PRONOUN_SUBJECT.test(text.slice(verb.end));
}

function isRepresented(mention: PersonMention, text: string): boolean {
  return wordEndsAt(text, mention.start, REPRESENTATION_MARKERS);
}

/**
 * The end of the reporting layer before a meeting word: the last reporting verb before it, or a
 * sentence-opening `Theo …,` clause. 0 when the sentence tells the meeting directly.
 */
function reportLayerEnd(text: string, meetingStart: number, reportingVerbs: readonly TriggerMatch[]): number {
  const verb = reportingVerbs.filter((match) => match.end <= meetingStart).at(-1)?.end ?? 0;
  const source = wordStartsAt(text, 0, SOURCE_MARKERS) ? text.indexOf(',') + 1 : 0;
  return Math.max(verb, source > 0 && source <= meetingStart ? source : 0);
}

function uniqueNames(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/** The organisation after `với`/`giữa` when it is a capitalised name, e.g. `NATO` in `hội đàm với NATO`. */
function findCounterpart(text: string, people: readonly PersonMention[]): string | undefined {
  const tokens = wordsAndMarksOf(text);
  // Marker by marker (all of `với` before `giữa`), each in reading order.
  for (const marker of findWords(text, COUNTERPART_MARKERS)) {
    const index = tokens.findIndex((token) => token.start >= marker.end);
    if (index < 0) continue;
    const end = capitalisedPhraseEnd(tokens, index);
    if (end === index) continue;
    const start = tokens[index]!.start;
    if (people.some((person) => person.start <= start && start < person.end)) continue;
    return text.slice(start, tokens[end - 1]!.end);
  }
  return undefined;
}

function draftFrom(entry: SentencePeople): MeetingDraft | undefined {
  const text = entry.sentence.text;
  // `không thể tham dự`, `hy vọng được gặp`: a meeting that did not and will not happen for sure is
  // neither held nor planned. `sẽ lần lượt hội đàm`: planned.
  const triggers = findTriggers(text, MEETING_WORDS)
    .map((trigger) => ({ ...trigger, mood: moodBefore(text, trigger.start) }))
    .filter((trigger) => trigger.mood !== 'unreal');
  const first = triggers.find((trigger) => trigger.rule.strength === 'strong') ?? triggers[0];
  if (!first) return undefined;
  const planned = first.mood === 'planned' || (first.mood === undefined && futureTimeAfter(text, first.end));
  let reportingVerbs: readonly TriggerMatch[] | undefined;
  const reportingVerbsOnce = () => (reportingVerbs ??= findTriggers(text, REPORTING_VERBS));
  const topicStart = findWords(text, TOPIC_OPENERS).find((word) => word.start >= first.end)?.start ?? text.length;
  const participants = entry.mentions.filter(
    (mention) =>
      mention.start < topicStart &&
      !isRepresented(mention, text) &&
      !isReporter(mention, entry.mentions, text, first.start, reportingVerbsOnce),
  );
  return {
    paragraph: entry.paragraph,
    entries: [entry],
    names: uniqueNames(participants.map((mention) => mention.name)),
    // `A lần lượt hội đàm với B và C`: A met B, then C; two meetings, not one of three.
    inTurn:
      findWords(text.slice(0, first.start), IN_TURN_MARKERS).length > 0
        ? {
            hosts: uniqueNames(participants.filter((mention) => mention.end <= first.start).map((mention) => mention.name)),
            guests: uniqueNames(participants.filter((mention) => mention.start >= first.end).map((mention) => mention.name)),
          }
        : undefined,
    strong: triggers.some((trigger) => trigger.rule.strength === 'strong'),
    counterpart: findCounterpart(text, entry.mentions),
    status: planned ? 'planned' : 'held',
    // (Not `Hai nhà lãnh đạo nhất trí duy trì … tiếp xúc cấp cao`: a meeting word inside what was agreed.)
    bothSides: BOTH_SIDES.test(text.slice(0, first.start)) && findTriggers(text.slice(0, first.start), AGREEMENT_WORDS).length === 0,
    reportEnd: reportLayerEnd(text, first.start, reportingVerbsOnce()),
    statusWritten: first.mood !== undefined || planned,
    meetingKind: first.rule.kind ?? 'meeting',
  };
}

/**
 * Enough to call it a meeting: a strong meeting word with two people, or with one person and a named
 * counterpart. Attendance words alone (`cùng tham dự hội nghị`) say people were in one room, not that
 * they met.
 */
function isMeeting(draft: MeetingDraft): boolean {
  if (!draft.strong) return false;
  return draft.names.length >= 2 || (draft.names.length === 1 && draft.counterpart !== undefined);
}

function opensWithFollowUp(sentence: Sentence): boolean {
  return wordStartsAt(sentence.text, 0, MEETING_FOLLOW_UP_OPENERS);
}

function citationFor(article: Article, draft: MeetingDraft): Citation {
  const first = draft.entries[0]!.sentence;
  const last = draft.entries[draft.entries.length - 1]!.sentence;
  const citation: Citation = {
    articleId: article.id,
    date: article.date.text,
    paragraph: draft.paragraph.number,
    // Adjacent sentences of one paragraph: one slice of the body covers both, word for word.
    quote: article.body.slice(first.start, last.end),
  };
  if (article.meta.url) citation.url = article.meta.url;
  return citation;
}

function placeOf(draft: MeetingDraft): PlaceMention | undefined {
  for (const { sentence, mentions } of draft.entries) {
    const place = findPlace(sentence.text, mentions);
    if (place) return place;
  }
  return undefined;
}

/** `Emmanuel Macron — Olaf Scholz · 2024-05-28 · bên lề Hội nghị thượng đỉnh G7` */
export function meetingSummary(names: readonly string[], date: string, place?: PlaceMention, counterpart?: string): string {
  const [first, ...others] = names;
  const sides = others.length > 0 ? `${first} — ${others.join(', ')}` : counterpart ? `${first} — ${counterpart}` : `${first}`;
  const where = place ? ` · ${place.marker.toLowerCase()} ${place.name}` : '';
  return `${sides} · ${date}${where}`;
}

/**
 * The meeting's day: written in its sentence(s); for `Cùng ngày` ("the same day") the last day written
 * before it in the article; else the article's own date.
 */
function dateOf(article: Article, draft: MeetingDraft, sentences: readonly SentencePeople[], previous: MeetingItem | undefined): string {
  // `Bộ Ngoại giao ngày 14/7 cho biết … tối 13/7 …`: a day written after the reporting words is the
  // meeting's; the day the news was told stands in only when the text gives no other.
  const [first, ...rest] = draft.entries.map((entry) => entry.sentence.text);
  const told = firstDate([first!.slice(draft.reportEnd ?? 0), ...rest], article.date);
  if (told) return told.iso;
  const texts = [first!, ...rest];
  const written = firstDate(texts, article.date);
  if (written) return written.iso;
  if (texts.some((text) => wordStartsAt(text, 0, SAME_DAY_OPENERS))) {
    // The same day as the meeting told just before, when it has one; else the last day written before.
    if (previous && previous.date.length === 10) return previous.date;
    const firstStart = draft.entries[0]!.sentence.start;
    const earlier = sentences
      .filter((entry) => entry.sentence.start < firstStart)
      .flatMap((entry) => findDates(entry.sentence.text, article.date));
    const lastDay = earlier.filter((mention) => mention.day !== undefined).pop();
    if (lastDay) return lastDay.iso;
  }
  return undatedEventDate(article.date);
}

/** Is a day-precise `date` later than the article's own day (when the article gives one)? */
function isAfterArticle(date: string, article: Article): boolean {
  return article.date.day !== undefined && date.length === 10 && date > article.date.text;
}

function itemFrom(
  article: Article,
  draft: MeetingDraft,
  roleByName: ReadonlyMap<string, string | undefined>,
  sentences: readonly SentencePeople[],
  previous: MeetingItem | undefined,
): MeetingItem {
  const date = dateOf(article, draft, sentences, previous);
  const place = placeOf(draft);
  const participants: Person[] = draft.names.map((name) => {
    const role = roleByName.get(name);
    return role ? { name, role } : { name };
  });
  // Told without `đã` or `sẽ`, on a day after the article's own: not yet held when written.
  const status = draft.status === 'held' && !draft.statusWritten && isAfterArticle(date, article) ? 'planned' : draft.status;
  const item: MeetingItem = {
    kind: 'meeting',
    status,
    meetingKind: draft.meetingKind,
    date,
    participants,
    summary: meetingSummary(draft.names, date, place, draft.counterpart),
    citations: [citationFor(article, draft)],
  };
  if (place) item.place = place.name;
  return item;
}

/** Every meeting the article reports, in reading order, each citing its sentence(s) verbatim. */
export function extractMeetings(article: Article): MeetingItem[] {
  const { sentences, people } = findPeopleInArticle(article);
  const roleByName = new Map(people.map((person) => [person.name, person.role]));
  const drafts: MeetingDraft[] = [];
  let previous: { entry: SentencePeople; draft?: MeetingDraft; emitted: boolean } | undefined;

  for (const entry of sentences) {
    const samePargraphAsPrevious = previous?.entry.paragraph === entry.paragraph;
    const draft = draftFrom(entry);
    if (draft && previous && samePargraphAsPrevious && opensWithFollowUp(entry.sentence)) {
      // `Sự kiện có sự góp mặt của …` continues the sentence before: one meeting, both sentences cited.
      const base: MeetingDraft = previous.draft ?? {
        paragraph: entry.paragraph,
        entries: [previous.entry],
        names: [],
        strong: false,
        status: draft.status,
        statusWritten: draft.statusWritten,
        meetingKind: draft.meetingKind,
      };
      if (!previous.draft) {
        base.names = uniqueNames(
          previous.entry.mentions
            .filter((mention) => !isRepresented(mention, previous!.entry.sentence.text))
            .map((mention) => mention.name),
        );
      }
      const merged: MeetingDraft = {
        ...base,
        entries: [...base.entries, entry],
        names: uniqueNames([...base.names, ...draft.names]),
        strong: base.strong || draft.strong,
        counterpart: base.counterpart ?? draft.counterpart,
        // One meeting told in two sentences: planned if either says so.
        status: base.status === 'planned' || draft.status === 'planned' ? 'planned' : 'held',
        statusWritten: base.statusWritten || draft.statusWritten,
      };
      if (previous.emitted) drafts[drafts.length - 1] = merged;
      else if (isMeeting(merged)) drafts.push(merged);
      previous = { entry, draft: merged, emitted: previous.emitted || isMeeting(merged) };
      continue;
    }
    // `Hai bên sẽ gặp lại vào tháng 3`: "both sides" are the people of the meeting told just before.
    const lastMeeting = drafts[drafts.length - 1];
    if (draft && draft.names.length === 0 && draft.bothSides && draft.strong && lastMeeting) draft.names = [...lastMeeting.names];
    const emitted = draft !== undefined && isMeeting(draft);
    if (emitted) drafts.push(draft);
    previous = { entry, draft, emitted };
  }

  // In reading order, so that `Cùng ngày` ("the same day") can take the day of the meeting told before.
  const items: MeetingItem[] = [];
  // (The latest day told so far: an older meeting recalled in between is not "that day".)
  for (const draft of drafts.flatMap(splitInTurn)) {
    const latest = items
      .filter((item) => item.date.length === 10)
      .reduce<MeetingItem | undefined>((a, b) => (!a || b.date > a.date ? b : a), undefined);
    items.push(itemFrom(article, draft, roleByName, sentences, latest));
  }
  return items;
}
