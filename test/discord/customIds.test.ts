import { describe, expect, it } from 'vitest';
import {
  MAX_CUSTOM_ID_LENGTH,
  base36ToSnowflake,
  decodeButtonState,
  encodeButtonState,
  itemFingerprint,
  snowflakeToBase36,
  type ButtonState,
} from '../../src/discord/customIds.ts';

const OWNER = '987654321098765432';
const FRIEND = '123456789012345678';

const states: ButtonState[] = [
  {
    action: 'page',
    command: 'who-met',
    page: 3,
    ownerId: OWNER,
    hidden: false,
    shared: false,
    options: { year: 2025, month: 6, person: 'Rutte' },
  },
  { action: 'page', command: 'agreements', page: 0, ownerId: OWNER, hidden: true, shared: false, options: { topic: 'quốc phòng' } },
  {
    action: 'share',
    command: 'ask',
    page: 1,
    ownerId: OWNER,
    hidden: true,
    shared: false,
    mentionId: FRIEND,
    check: 'abc123',
    options: { question: 'Ai gặp "Rutte"?', year: 2025 },
  },
  { action: 'page', command: 'sources', page: 12, ownerId: OWNER, hidden: false, shared: true, options: {} },
  {
    action: 'share',
    command: 'cite',
    page: 0,
    ownerId: OWNER,
    hidden: true,
    shared: false,
    check: '1z',
    options: { id: '001_03677d34c6a97d66#6', sentence: 2 },
  },
];

describe('button custom_id', () => {
  it.each(states)('round-trips the state of a $command $action button within 100 characters', (state) => {
    const encoded = encodeButtonState(state)!;
    expect(encoded.withOptions).toBe(true);
    expect(encoded.customId.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
    expect(decodeButtonState(encoded.customId)).toEqual({ ok: true, state });
  });

  it('writes ids in base 36 and reads them back', () => {
    expect(base36ToSnowflake(snowflakeToBase36(OWNER))).toBe(OWNER);
    expect(snowflakeToBase36(OWNER).length).toBeLessThan(OWNER.length);
  });

  it('leaves the options out, and says so, when they do not fit', () => {
    const state: ButtonState = {
      action: 'share',
      command: 'ask',
      page: 0,
      ownerId: OWNER,
      hidden: true,
      shared: false,
      mentionId: FRIEND,
      check: 'zzzzzzz',
      options: { question: 'Những cuộc hội đàm nào đã diễn ra giữa Hàn Quốc và NATO về công nghiệp quốc phòng?' },
    };
    const encoded = encodeButtonState(state)!;
    expect(encoded.withOptions).toBe(false);
    expect(encoded.customId.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
    const decoded = decodeButtonState(encoded.customId);
    expect(decoded.ok && decoded.state.options).toBeUndefined();
    expect(decoded.ok && decoded.state.ownerId).toBe(OWNER);
    expect(decoded.ok && decoded.state.check).toBe('zzzzzzz');
  });

  it('fingerprints an item by what it says and quotes, in at most 7 characters', () => {
    const item = {
      kind: 'meeting',
      date: '2025-06-24',
      summary: 'A — B',
      citations: [{ articleId: 'a', paragraph: 1, quote: 'Hai bên hội đàm.' }],
    };
    expect(itemFingerprint(item)).toMatch(/^[0-9a-z]{1,7}$/);
    expect(itemFingerprint({ ...item })).toBe(itemFingerprint(item));
    expect(itemFingerprint({ ...item, citations: [{ articleId: 'a', paragraph: 1, quote: 'Hai bên ký kết.' }] })).not.toBe(
      itemFingerprint(item),
    );
  });

  it.each([
    ['an empty id', ''],
    ['another bot’s id', 'next_page_2'],
    ['garbled JSON', 'p:["w",1,0,"abc"'],
    ['an unknown command', `p:["x",1,0,"${snowflakeToBase36(OWNER)}",""]`],
    ['a negative page', `p:["w",-1,0,"${snowflakeToBase36(OWNER)}",""]`],
    ['an owner that is not a user id', 'p:["w",1,0,"zz",""]'],
    ['too many options', `p:["c",0,0,"${snowflakeToBase36(OWNER)}","","a#1",2,"extra"]`],
    ['options marked as left out', `p:["c",0,4,"${snowflakeToBase36(OWNER)}","","a#1"]`],
    ['an object instead of a list', 'p:{"c":"w"}'],
    ['a share button without its item check', `i:["w",0,1,"${snowflakeToBase36(OWNER)}",""]`],
    ['a share button with a malformed check', `i:["w",0,1,"${snowflakeToBase36(OWNER)}","","NOT-OK"]`],
    ['a whole-page share button of an earlier version', `s:["w",0,1,"${snowflakeToBase36(OWNER)}",""]`],
    ['more than 100 characters', `p:["a",0,0,"${snowflakeToBase36(OWNER)}","","${'x'.repeat(100)}"]`],
  ])('refuses %s', (_, customId) => {
    expect(decodeButtonState(customId).ok).toBe(false);
  });
});
