// Scores the bot's answers on a folder of articles against a gold file, the way a reader checking the
// answers would: every held meeting found with its people, their titles, date and place; no planned
// meeting shown as held; every agreement found and no proposal listed; every quote, title and place a
// piece of the article. Works on `Answer`s, so it judges exactly what the CLI and the bot show.
import type { AgreementItem, Answer, AnswerItem, MeetingItem, Person } from '../../src/answers/answer.ts';
import { foldDiacritics } from '../../src/text/foldDiacritics.ts';
import type { Gold, GoldAgreement, GoldMeeting } from './goldFile.ts';

export interface ScoredAnswers {
  /** `/who-met` with no options: every meeting, held and planned. */
  whoMet: Answer;
  /** `/agreements` with no options. */
  agreements: Answer;
  /** `/ask` for each gold question, in gold order (article by article). */
  asks: { articleId: string; q: string; lang: 'vi' | 'en'; expected: string; answer: Answer }[];
}

export interface Report {
  checks: number;
  passed: number;
  meetings: {
    held: number;
    found: number;
    missed: number;
    wrong: number;
    plannedShownAsHeld: number;
    plannedFound: number;
    planned: number;
  };
  agreements: { gold: number; found: number; missed: number; wrong: number; proposalsListed: number };
  /** Titles and places that are not a piece of their article; quotes that are not exact. */
  notInArticle: { roles: number; places: number; quotes: number };
  questions: { vi: { asked: number; top3: number }; en: { asked: number; top3: number } };
  /** One line per failed check, for a human to read. */
  failures: string[];
}

/** `Yoon Suk-yeol`, `Yoon Suk Yeol` and `yoon suk yeol` are one person to a reader. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(name: string): string {
  return foldDiacritics(name.normalize('NFC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function articleOf(item: AnswerItem): string | undefined {
  return item.citations[0]?.articleId;
}

function quotes(item: AnswerItem): string {
  return item.citations.map((citation) => citation.quote).join('\n');
}

/**
 * A role may be written as in the article, or with an acronym the article defines (`NATO` for
 * `Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)`).
 */
export function isPieceOfArticle(text: string, body: string): boolean {
  if (body.includes(text)) return true;
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = text.split(' ');
  return words.some((word, i) => {
    if (!/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word) || !body.includes(`(${word})`)) return false;
    const before = words.slice(0, i).join(' ');
    const after = words.slice(i + 1).join(' ');
    const pattern = `${before ? `${escape(before)}\\s+` : ''}[^()]{1,160}?\\(${escape(word)}\\)${after ? `\\s+${escape(after)}` : ''}`;
    return new RegExp(pattern, 'u').test(body);
  });
}

function describe(people: readonly { name: string }[] | undefined): string {
  return (people ?? []).map((person) => person.name).join(' + ');
}

/**
 * The extracted meeting of this article that shares most people with the gold one (at least two, or
 * all of one). An item already matched is taken again only when it holds all of this meeting's
 * people: `A lần lượt hội đàm với B và C` may be told as one meeting of three or as two of two.
 */
function bestMatch(gold: GoldMeeting, candidates: readonly MeetingItem[], taken: ReadonlySet<MeetingItem>): MeetingItem | undefined {
  let best: { item: MeetingItem; rank: number[] } | undefined;
  for (const item of candidates) {
    const shared = gold.participants.filter((person) => item.participants.some((other) => sameName(other.name, person.name))).length;
    const needed = taken.has(item) ? gold.participants.length : Math.min(2, gold.participants.length);
    if (shared < needed) continue;
    // Most people in common, then the same status (a held and a planned meeting of the same two people
    // are two meetings), then the same date, then not yet taken.
    const rank = [shared, statusOf(item) === gold.status ? 1 : 0, item.date === gold.date ? 1 : 0, taken.has(item) ? 0 : 1];
    if (!best || isGreater(rank, best.rank)) best = { item, rank };
  }
  return best?.item;
}

/** Compares two rankings position by position (the first difference decides). */
function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! > b[i]!;
  }
  return false;
}

export function scoreAnswers(gold: Gold, bodies: ReadonlyMap<string, string>, answers: ScoredAnswers): Report {
  const report: Report = {
    checks: 0,
    passed: 0,
    meetings: { held: 0, found: 0, missed: 0, wrong: 0, plannedShownAsHeld: 0, plannedFound: 0, planned: 0 },
    agreements: { gold: 0, found: 0, missed: 0, wrong: 0, proposalsListed: 0 },
    notInArticle: { roles: 0, places: 0, quotes: 0 },
    questions: { vi: { asked: 0, top3: 0 }, en: { asked: 0, top3: 0 } },
    failures: [],
  };
  const check = (ok: boolean, failure: () => string) => {
    report.checks += 1;
    if (ok) report.passed += 1;
    else report.failures.push(failure());
  };

  const inGold = (item: AnswerItem) => gold[articleOf(item) ?? ''] !== undefined;
  const meetings = [...answers.whoMet.items].filter((item): item is MeetingItem => item.kind === 'meeting' && inGold(item));
  const agreements = [...answers.agreements.items].filter((item): item is AgreementItem => item.kind === 'agreement' && inGold(item));

  // Quotes, titles and places: pieces of their article, whatever the gold says.
  for (const item of [...meetings, ...agreements]) {
    const body = bodies.get(articleOf(item) ?? '') ?? '';
    for (const citation of item.citations) {
      const exact = (bodies.get(citation.articleId) ?? '').includes(citation.quote);
      if (!exact) report.notInArticle.quotes += 1;
      check(exact, () => `${citation.articleId}: quote not in the article: “${citation.quote}”`);
    }
    for (const person of (item.kind === 'meeting' ? item.participants : item.parties) ?? []) {
      if (person.role === undefined) continue;
      const ok = isPieceOfArticle(person.role, body);
      if (!ok) report.notInArticle.roles += 1;
      check(ok, () => `${articleOf(item)}: title “${person.role}” of ${person.name} is not a phrase of the article`);
    }
    const place = item.kind === 'meeting' ? item.place : undefined;
    if (place !== undefined) {
      const ok = isPieceOfArticle(place, body);
      if (!ok) report.notInArticle.places += 1;
      check(ok, () => `${articleOf(item)}: place “${place}” is not a phrase of the article`);
    }
  }

  const matchedMeetings = new Set<MeetingItem>();
  /** The gold meetings each shown meeting stands for (more than one for `lần lượt hội đàm với A và B`). */
  const goldByItem = new Map<MeetingItem, GoldMeeting[]>();
  const matchedAgreements = new Set<AgreementItem>();
  for (const [articleId, expected] of Object.entries(gold)) {
    const ofArticle = meetings.filter((item) => articleOf(item) === articleId);
    for (const goldMeeting of expected.meetings) scoreMeeting(articleId, goldMeeting, ofArticle);
    const agreementsOfArticle = agreements.filter((item) => articleOf(item) === articleId);
    for (const goldAgreement of expected.agreements) scoreAgreement(articleId, goldAgreement, agreementsOfArticle);
    for (const sentence of expected.notMeetings) {
      const shown = ofArticle.find((item) => statusOf(item) === 'held' && quotes(item).includes(sentence) && !matchedMeetings.has(item));
      if (shown) matchedMeetings.add(shown);
      if (shown) report.meetings.wrong += 1;
      check(!shown, () => `${articleId}: a held meeting from a sentence that reports none: “${sentence}”`);
    }
    for (const sentence of expected.notAgreements) {
      const shown = agreementsOfArticle.find((item) => quotes(item).includes(sentence) && !matchedAgreements.has(item));
      if (shown) matchedAgreements.add(shown);
      if (shown) report.agreements.proposalsListed += 1;
      check(!shown, () => `${articleId}: listed as an agreement, but only proposed/hoped/opposed: “${sentence}”`);
    }
  }
  for (const [item, told] of goldByItem) {
    const extra = item.participants.filter(
      (person) => !told.some((meeting) => meeting.participants.some((other) => sameName(other.name, person.name))),
    );
    check(
      extra.length === 0,
      () => `${articleOf(item)}: meeting ${describe(item.participants)} (${item.date}) names people who were not in it: ${describe(extra)}`,
    );
  }
  for (const item of meetings) {
    if (matchedMeetings.has(item)) continue;
    report.meetings.wrong += 1;
    check(
      false,
      () =>
        `${articleOf(item)}: ${statusOf(item)} meeting not in the gold: ${describe(item.participants)} (${item.date}) “${quotes(item)}”`,
    );
  }
  for (const item of agreements) {
    if (matchedAgreements.has(item)) continue;
    report.agreements.wrong += 1;
    check(false, () => `${articleOf(item)}: agreement not in the gold: “${quotes(item)}”`);
  }

  for (const ask of answers.asks) {
    const tally = report.questions[ask.lang];
    tally.asked += 1;
    const top3 = [...ask.answer.items].slice(0, 3).some((item) => quotes(item).includes(ask.expected));
    if (top3) tally.top3 += 1;
    check(top3, () => `${ask.articleId}: /ask “${ask.q}” has not “${ask.expected}” in its first 3 results`);
  }
  return report;

  function scoreMeeting(articleId: string, expected: GoldMeeting, candidates: readonly MeetingItem[]) {
    const label = `${articleId}: ${expected.status} meeting ${describe(expected.participants)} (${expected.date})`;
    // A planned meeting is never paired with a held one already paired: that one is another meeting.
    const pool =
      expected.status === 'planned'
        ? candidates.filter((candidate) => statusOf(candidate) === 'planned' || !matchedMeetings.has(candidate))
        : candidates;
    const item = bestMatch(expected, pool, matchedMeetings);
    if (expected.status === 'planned') {
      report.meetings.planned += 1;
      const shownAsHeld = item !== undefined && statusOf(item) === 'held';
      if (item) matchedMeetings.add(item);
      if (shownAsHeld) report.meetings.plannedShownAsHeld += 1;
      if (item && !shownAsHeld) report.meetings.plannedFound += 1;
      check(!shownAsHeld, () => `${label}: shown as held`);
      check(item !== undefined, () => `${label}: not shown under Planned`);
      return;
    }
    report.meetings.held += 1;
    if (!item) {
      report.meetings.missed += 1;
      check(false, () => `${label}: missed`);
      return;
    }
    matchedMeetings.add(item);
    report.meetings.found += 1;
    check(statusOf(item) === 'held', () => `${label}: shown as planned`);
    const got = item.participants;
    goldByItem.set(item, [...(goldByItem.get(item) ?? []), expected]);
    check(
      expected.participants.every((person) => got.some((other) => sameName(other.name, person.name))),
      () => `${label}: participants shown as ${describe(got)}`,
    );
    for (const person of expected.participants) {
      const shown: Person | undefined = got.find((other) => sameName(other.name, person.name));
      if (!shown) continue;
      check(
        sameRole(shown.role, person.role),
        () => `${label}: ${person.name} titled “${shown.role ?? '(none)'}”, expected “${person.role ?? '(none)'}”`,
      );
    }
    check(item.date === expected.date, () => `${label}: dated ${item.date}`);
    if (expected.place !== undefined || item.place !== undefined) {
      check(item.place === expected.place, () => `${label}: place “${item.place ?? '(none)'}”, expected “${expected.place ?? '(none)'}”`);
    }
    if (expected.kind !== undefined) {
      const kind = item.meetingKind;
      check(kind === expected.kind, () => `${label}: a ${kind}, expected a ${expected.kind}`);
    }
  }

  function scoreAgreement(articleId: string, expected: GoldAgreement, candidates: readonly AgreementItem[]) {
    report.agreements.gold += 1;
    const label = `${articleId}: ${expected.status} agreement “${expected.quote}”`;
    const item = candidates.find((candidate) => !matchedAgreements.has(candidate) && quotes(candidate).includes(expected.quote));
    if (!item) {
      report.agreements.missed += 1;
      check(false, () => `${label}: missed`);
      return;
    }
    matchedAgreements.add(item);
    report.agreements.found += 1;
    check(statusOf(item) === expected.status, () => `${label}: shown as ${statusOf(item)}`);
    if (expected.date !== undefined) check(item.date === expected.date, () => `${label}: dated ${item.date}`);
    if (expected.parties !== undefined) {
      // Parties may be shown as the countries or organisations, or as the people who agreed for them
      // (the participants of that article's meetings): either is right; someone else is wrong, and
      // showing nobody is a miss.
      const shown = item.parties ?? [];
      const people = gold[articleId]!.meetings.flatMap((meeting) => meeting.participants.map((person) => person.name));
      const right = (party: Person) =>
        expected.parties!.some(
          (name) => nameKey(`${party.role ?? ''} ${party.name}`).includes(nameKey(name)) || nameKey(name).includes(nameKey(party.name)),
        ) || people.some((name) => sameName(name, party.name));
      check(shown.length > 0 && shown.every(right), () => `${label}: parties shown as ${describe(shown) || '(none)'}`);
    }
  }
}

/**
 * The same title, or the same with the acronym the article defines for an organisation's long name
 * (`người đồng cấp UAE` for `người đồng cấp Các Tiểu vương quốc Ả-rập Thống nhất (UAE)`).
 */
function sameRole(shown: string | undefined, expected: string | undefined): boolean {
  if (shown === expected) return true;
  if (shown === undefined || expected === undefined) return false;
  const acronym = /\(([\p{Lu}][\p{Lu}\p{N}]+)\)/u.exec(expected)?.[1];
  if (!acronym || !shown.includes(acronym)) return false;
  const [before, after] = shown.split(acronym) as [string, string];
  return expected.startsWith(before) && expected.endsWith(`(${acronym})${after}`);
}

function statusOf(item: MeetingItem | AgreementItem): 'held' | 'planned' {
  return item.status;
}

export function formatReport(report: Report): string {
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);
  const { meetings, agreements, notInArticle, questions } = report;
  return [
    `checks passed: ${report.passed}/${report.checks} (${percent(report.passed, report.checks)})`,
    `held meetings: ${meetings.found} found, ${meetings.missed} missed of ${meetings.held}; ${meetings.wrong} shown that are not in the gold`,
    `planned meetings: ${meetings.plannedFound} shown as planned, ${meetings.plannedShownAsHeld} shown as held, of ${meetings.planned}`,
    `agreements: ${agreements.found} found, ${agreements.missed} missed of ${agreements.gold}; ${agreements.proposalsListed} proposals listed; ${agreements.wrong} others not in the gold`,
    `not a piece of the article: ${notInArticle.roles} titles, ${notInArticle.places} places, ${notInArticle.quotes} quotes`,
    `questions, answer in the first 3: ${questions.vi.top3}/${questions.vi.asked} Vietnamese (${percent(questions.vi.top3, questions.vi.asked)}), ${questions.en.top3}/${questions.en.asked} English (${percent(questions.en.top3, questions.en.asked)})`,
  ].join('\n');
}
