// Answers, items and citations for the renderer's tests, and the checks every reply must pass.
import type { APIButtonComponentWithCustomId } from 'discord.js';
import { expect } from 'vitest';
import type { Answer, AnswerItem, Citation } from '../../src/answers/answer.ts';
import { LIMITS, embedLength, type ReplyPayload } from '../../src/discord/replyPayload.ts';
import { readMarkdown, unquote } from './markdownText.ts';

export const ASKER = '111111111111111111';
export const FRIEND = '222222222222222222';

export function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    articleId: '001_03677d34c6a97d66',
    date: '2025-06',
    paragraph: 6,
    quote: 'Tổng thư ký NATO Mark Rutte đã hội đàm với Chánh Văn phòng Wi Sung-lac.',
    url: 'https://example.org/bai-viet',
    ...overrides,
  };
}

/** A held meeting, or with `kind: 'passage'` and its fields a passage: any item the renderer may get. */
export function item(overrides: Record<string, unknown> = {}): AnswerItem {
  return {
    kind: 'meeting',
    status: 'held',
    meetingKind: 'meeting',
    participants: [],
    date: '2025-06-24',
    summary: 'Wi Sung-lac gặp Mark Rutte — 2025-06-24, Hà Lan',
    citations: [citation()],
    ...overrides,
  } as AnswerItem;
}

export function answer(items: AnswerItem[], overrides: Partial<Answer> = {}): Answer {
  return { command: 'who-met', options: { year: 2025, person: 'Rutte' }, items, ...overrides };
}

export function buttons(payload: ReplyPayload): APIButtonComponentWithCustomId[] {
  return payload.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
}

/** Every Discord limit a reply can break. */
export function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
  expect(payload.components.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const component of row.components as APIButtonComponentWithCustomId[]) {
      expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(component.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
  const ids = buttons(payload).map((button) => button.custom_id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** The quote block of an item's embed (the lines starting with `> `), read back as Discord shows it. */
export function shownQuote(description: string): { text: string; bold: string[] } {
  const block = description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .join('\n');
  return readMarkdown(unquote(block));
}
