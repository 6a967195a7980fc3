// `npm run eval` on the committed real-news fixtures (articles written in our own words after real
// Vietnamese news, with hand-written gold answers): what a member pasting answers into a discussion
// relies on. The limits below are the floor we have reached; raise them as answers improve.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { readGold } from '../../scripts/eval/goldFile.ts';
import { evaluateFolder } from '../../scripts/eval/evaluateFolder.ts';
import type { Report } from '../../scripts/eval/scoreAnswers.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'real-news');
let report: Report;

beforeAll(async () => {
  report = await evaluateFolder(join(FIXTURES, 'corpus'), await readGold(join(FIXTURES, 'gold')));
}, 60_000);

describe('answers on real-news fixtures', () => {
  it('never shows a planned meeting as held, nor a proposal as an agreement', () => {
    expect(report.meetings.planned).toBeGreaterThan(20);
    expect(report.meetings.plannedShownAsHeld).toBe(0);
    expect(report.agreements.proposalsListed).toBe(0);
  });

  it('quotes, titles and places are all pieces of their article', () => {
    expect(report.meetings.found).toBeGreaterThan(40);
    expect(report.notInArticle).toEqual({ roles: 0, places: 0, quotes: 0 });
  });

  it('finds nearly every held meeting and agreement, and shows almost nothing that is not there', () => {
    expect(report.meetings.found / report.meetings.held).toBeGreaterThanOrEqual(0.9);
    expect(report.meetings.plannedFound / report.meetings.planned).toBeGreaterThanOrEqual(0.75);
    expect(report.agreements.found / report.agreements.gold).toBeGreaterThanOrEqual(0.9);
    expect(report.meetings.wrong).toBeLessThanOrEqual(2);
    expect(report.agreements.wrong).toBeLessThanOrEqual(2);
  });

  it('gets at least 93 % of all the checks right (people, titles, dates, places, parties, answers)', () => {
    expect(report.passed / report.checks).toBeGreaterThanOrEqual(0.93);
  });

  it('/ask puts the answering sentence in its first 3 results for 90 % of Vietnamese and 80 % of English questions', () => {
    expect(report.questions.vi.asked).toBeGreaterThan(90);
    expect(report.questions.vi.top3 / report.questions.vi.asked).toBeGreaterThanOrEqual(0.9);
    expect(report.questions.en.top3 / report.questions.en.asked).toBeGreaterThanOrEqual(0.8);
  });
});
