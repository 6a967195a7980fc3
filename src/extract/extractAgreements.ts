// Finds what an article says was agreed, adopted, committed to, signed or declared jointly, and by whom.
// The parties come from the words before the verb (`Seoul và NATO đã cam kết …`); `Hai bên` and the like
// stand for the people of the nearest meeting told before, so they are looked up there.
import type { Article } from '../corpus/types.ts';
import type { AgreementItem, Citation, MeetingItem, Person } from './items.ts';
import { AGREEMENT_FALSE_FRIENDS, AGREEMENT_WORDS, BOTH_SIDES_WORDS, PARTY_GROUP_NOUNS } from '../language/agreementWords.ts';
import { MEETING_FOLLOW_UP_OPENERS, REPORTING_VERBS } from '../language/meetingWords.ts';
import { findDates, undatedEventDate } from './findDates.ts';
import { findNamedPlaces, PLACE_MARKERS } from './findPlace.ts';
import { PLACE_PREFIXES } from '../language/places.ts';
import { findPeopleInArticle } from './findPeople.ts';
import type { PersonMention } from './findPersonMentions.ts';
import { findTriggers } from '../text/findTriggers.ts';
import type { TriggerMatch } from '../text/triggerPhrase.ts';
import { moodBefore, plannedMarkerAfter, type EventStatus } from './findStatus.ts';
import { anyWordPattern } from '../text/wordPatterns.ts';

/** A summary is one line: cut at a word boundary past this many characters. */
export const MAX_SUMMARY_LENGTH = 140;

const falseFriendPhrases = AGREEMENT_FALSE_FRIENDS.map((friend) => friend.phrase);
const BOTH_SIDES = new RegExp(anyWordPattern(BOTH_SIDES_WORDS), 'giu');
/** `các đối tác (khu vực) <place>`: the group noun right before a place. */
const GROUP_NOUN_BEFORE_PLACE = new RegExp(`(?:${anyWordPattern(PARTY_GROUP_NOUNS)})\\s*(?:khu vực\\s+)?$`, 'iu');
/** `Hai bên`, `ba nước`, `Seoul và Tokyo` before the verb: said together. */
const JOINT_SUBJECT = new RegExp(anyWordPattern(BOTH_SIDES_WORDS), 'iu');
const BOTH_SIDES_BEFORE = new RegExp(`(?:${anyWordPattern(BOTH_SIDES_WORDS)})[^,;]*$`, 'iu');
const TWO_NAMES = /\p{Lu}[\p{L}-]*\s+và\s+\p{Lu}/u;

function saidTogether(subject: string): boolean {
  return JOINT_SUBJECT.test(subject) || TWO_NAMES.test(subject);
}

/** `được ký kết`: the verb is passive, and its parties follow `giữa`. */
const PASSIVE_BEFORE = /(?:^|\s)được\s*$/u;
const PARTIES_AFTER = /^[^,;.]*?\sgiữa\s/u;
const POINTS_BACK = new RegExp(anyWordPattern(MEETING_FOLLOW_UP_OPENERS), 'iu');
const WHERE_BEFORE_PLACE = new RegExp(`(?:${anyWordPattern(PLACE_MARKERS)})\\s*(?:(?:${anyWordPattern(PLACE_PREFIXES)})\\s*)?$`, 'iu');

/**
 * Agreement words in a sentence that are not part of a look-alike phrase, with whether they were done
 * or planned; those only proposed, called for, hoped for, opposed or denied (`kêu gọi … phê chuẩn`,
 * `không nhất trí`) are left out.
 */
export function findAgreementWords(text: string): (TriggerMatch<(typeof AGREEMENT_WORDS)[number]> & { status: EventStatus })[] {
  return findTriggers(text, AGREEMENT_WORDS, falseFriendPhrases).flatMap((match) => {
    // Capitalised inside a sentence, the word is part of a name: `Ủy ban Đối ngoại và Thống nhất`.
    if (match.start > 0 && text[match.start] !== text[match.start]!.toLowerCase()) return [];
    const mood = moodBefore(text, match.start);
    return mood === 'unreal' ? [] : [{ ...match, status: mood === 'planned' ? ('planned' as const) : ('held' as const) }];
  });
}

/** What was agreed: from the verb to the end of the sentence, on one line. */
export function agreementSummary(text: string, verbStart: number): string {
  const clause = text
    .slice(verbStart)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:,]+$/u, '');
  if (clause.length <= MAX_SUMMARY_LENGTH) return clause;
  const cut = clause.lastIndexOf(' ', MAX_SUMMARY_LENGTH);
  return `${clause.slice(0, cut > 0 ? cut : MAX_SUMMARY_LENGTH).replace(/[,;:]$/u, '')}…`;
}

interface Parties {
  people: Person[];
  /** True when the subject was `hai bên` & co. and the meeting supplied the names. */
  fromMeeting: boolean;
}

/**
 * Where the meeting was last told before `position` in the article body (a meeting told twice has a
 * citation for each telling): -1 when not before it.
 */
function meetingStart(article: Article, meeting: MeetingItem, position: number): number {
  let latest = -1;
  for (const citation of meeting.citations) {
    if (citation.articleId !== article.id) continue;
    const start = article.body.indexOf(citation.quote);
    if (start <= position && start > latest) latest = start;
  }
  return latest;
}

function nearestMeetingBefore(article: Article, meetings: readonly MeetingItem[], position: number): MeetingItem | undefined {
  let nearest: { meeting: MeetingItem; start: number } | undefined;
  for (const meeting of meetings) {
    const start = meetingStart(article, meeting, position);
    if (start < 0) continue;
    if (!nearest || start >= nearest.start) nearest = { meeting, start };
  }
  return nearest?.meeting;
}

/**
 * The subject before the verb: the comma-separated pieces nearest the verb that name someone
 * (`Sau hội nghị, Thủ tướng Anthony Albanese và các đối tác … đã ký` keeps the part after the comma).
 */
function subjectStart(text: string, verbStart: number, names: (from: number, to: number) => number): number {
  let start = verbStart;
  let end = verbStart;
  while (end > 0) {
    const comma = text.lastIndexOf(',', end - 1);
    const pieceStart = comma < 0 ? 0 : comma + 1;
    if (names(pieceStart, end) === 0) break;
    start = pieceStart;
    end = comma < 0 ? 0 : comma;
  }
  return start;
}

function partiesOf(
  text: string,
  verbStart: number,
  mentions: readonly PersonMention[],
  roleByName: ReadonlyMap<string, string | undefined>,
  meeting: MeetingItem | undefined,
): Parties {
  // Places inside a person's title are not parties, nor is where it happened (`tại Hà Nội`).
  const places = findNamedPlaces(text).filter(
    (place) =>
      !mentions.some((mention) => place.start < mention.end && place.end > mention.start) &&
      !WHERE_BEFORE_PLACE.test(text.slice(0, place.start)),
  );
  const bothSides = [...text.slice(0, verbStart).matchAll(BOTH_SIDES)];
  const namesIn = (from: number, to: number) =>
    mentions.filter((mention) => mention.start >= from && mention.end <= to).length +
    places.filter((place) => place.start >= from && place.end <= to).length +
    bothSides.filter((match) => match.index >= from && match.index < to).length;

  // `Người phát ngôn … cho biết ba nhà lãnh đạo đã …`: whoever reports it is not a party.
  // (`Hai nhà lãnh đạo đã công bố tuyên bố chung`: both sides announcing it are its parties.)
  const reportingVerb = findTriggers(text.slice(0, verbStart), REPORTING_VERBS).at(-1);
  const reported = reportingVerb && !BOTH_SIDES_BEFORE.test(text.slice(0, reportingVerb.start)) ? reportingVerb.end : 0;
  // A subject never reaches back past `;` into another clause.
  const clauseStart = Math.max(text.lastIndexOf(';', verbStart - 1), text.lastIndexOf(':', verbStart - 1)) + 1;
  const from = Math.max(reported, clauseStart, subjectStart(text, verbStart, namesIn));
  // `… được ký kết giữa Hàn Quốc và Việt Nam`: in the passive the parties follow `giữa`.
  const passive = PASSIVE_BEFORE.test(text.slice(0, verbStart)) ? PARTIES_AFTER.exec(text.slice(verbStart)) : null;
  if (passive) {
    const start = verbStart + passive.index + passive[0].length;
    const end = start + (/[,;.]|\s(?:vào|từ|hồi|năm|đã|nhằm|để)\s/u.exec(text.slice(start))?.index ?? text.length - start);
    const inSpan = [
      ...mentions
        .filter((mention) => mention.start >= start && mention.end <= end)
        .map((mention) => ({ start: mention.start, name: mention.name })),
      ...places.filter((place) => place.start >= start && place.end <= end),
    ];
    const people = inSpan
      .sort((a, b) => a.start - b.start)
      .map((party) => {
        const role = roleByName.get(party.name);
        return role ? { name: party.name, role } : { name: party.name };
      });
    if (people.length > 0) return { people, fromMeeting: false };
  }
  if (bothSides.some((match) => match.index >= from) && meeting?.participants) {
    return { people: meeting.participants, fromMeeting: true };
  }

  const inSubject: { start: number; person: Person }[] = [];
  for (const mention of mentions) {
    if (mention.start < from || mention.end > verbStart) continue;
    const role = roleByName.get(mention.name);
    inSubject.push({ start: mention.start, person: role ? { name: mention.name, role } : { name: mention.name } });
  }
  for (const place of places) {
    if (place.start < from || place.end > verbStart) continue;
    // `các đối tác Ấn Độ-Thái Bình Dương` is one party: keep the group noun with its place.
    const before = text.slice(from, place.start);
    const group = GROUP_NOUN_BEFORE_PLACE.exec(before);
    const name = group ? `${group[0].trim()} ${text.slice(place.start, place.end)}` : place.name;
    inSubject.push({ start: group ? from + group.index : place.start, person: { name } });
  }
  const people = inSubject.sort((a, b) => a.start - b.start).map((entry) => entry.person);
  const unique = people.filter((person, index) => people.findIndex((other) => other.name === person.name) === index);
  return { people: unique, fromMeeting: false };
}

/**
 * The agreement's date: a date written in its sentence; else the date of the meeting it belongs to (its
 * subject was that meeting's people, it opens by pointing back, or it shares a party); else the article's.
 */
function dateOf(
  article: Article,
  text: string,
  verb: { start: number; end: number; rule: { agreesTo?: boolean } },
  parties: Parties,
  meeting: MeetingItem | undefined,
): string {
  // `… nhất trí sẽ tập trận vào tháng 3 năm sau`, `nhất trí nâng kim ngạch … vào năm 2030`: a date in
  // what was agreed is not when it was agreed.
  const end = verb.rule.agreesTo ? verb.start : (plannedMarkerAfter(text, verb.end) ?? text.length);
  const dates = findDates(text.slice(0, end), article.date);
  const written = dates.find((mention) => mention.day !== undefined) ?? dates[0];
  if (written) return written.iso;
  if (meeting) {
    const pointsBack = POINTS_BACK.test(text);
    const sharesParty = parties.people.some((party) => meeting.participants?.some((person) => person.name === party.name));
    if (parties.fromMeeting || pointsBack || sharesParty) return meeting.date;
  }
  return undatedEventDate(article.date);
}

/** Every agreement the article reports, one per sentence, each citing its sentence verbatim. */
export function extractAgreements(article: Article, meetings: MeetingItem[]): AgreementItem[] {
  const { sentences, people } = findPeopleInArticle(article);
  const roleByName = new Map(people.map((person) => [person.name, person.role]));
  const items: AgreementItem[] = [];

  for (const { paragraph, sentence, mentions } of sentences) {
    const text = sentence.text;
    const meeting = nearestMeetingBefore(article, meetings, sentence.start);
    // The first agreement word that stands: one said by a single side (`tái khẳng định`) needs two parties.
    let found: { verb: ReturnType<typeof findAgreementWords>[number]; parties: Parties } | undefined;
    for (const candidate of findAgreementWords(text)) {
      const candidateParties = partiesOf(text, candidate.start, mentions, roleByName, meeting);
      if (candidate.rule.jointOnly && candidateParties.people.length < 2 && !saidTogether(text.slice(0, candidate.start))) continue;
      found = { verb: candidate, parties: candidateParties };
      break;
    }
    if (!found) continue;
    const { verb, parties } = found;
    const citation: Citation = { articleId: article.id, date: article.date.text, paragraph: paragraph.number, quote: text };
    if (article.meta.url) citation.url = article.meta.url;
    const item: AgreementItem = {
      kind: 'agreement',
      status: verb.status,
      date: dateOf(article, text, verb, parties, meeting),
      summary: agreementSummary(text, verb.start),
      citations: [citation],
    };
    if (parties.people.length > 0) item.parties = parties.people;
    items.push(item);
  }
  return items;
}
