import { MessageFlags } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/library.ts';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import {
  renderBadButton,
  renderCooldown,
  renderError,
  renderHelp,
  renderInvalidInput,
  renderNotOwner,
  renderReloadRefused,
} from '../../src/discord/renderNotices.ts';
import { LIMITS, embedLength, type ReplyPayload } from '../../src/discord/replyPayload.ts';

function expectPrivateAndSilent(payload: ReplyPayload): void {
  expect(payload.flags).toBe(MessageFlags.Ephemeral);
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
}

let library: Library;
beforeAll(async () => {
  // A library with none of the bundled articles: help must name what is in it.
  const loaded = await loadLibrary('test/fixtures/sourced-corpus');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  library = loaded.library;
});

describe('notices', () => {
  it.each(['en-US', 'vi'])('are private and ping no one (%s)', (locale) => {
    for (const payload of [
      renderError(locale),
      renderCooldown(locale, 2500),
      renderNotOwner(locale),
      renderBadButton(locale),
      renderReloadRefused(locale),
      renderHelp(locale, library),
      renderInvalidInput(locale, ['person is empty: type a few words']),
    ]) {
      expectPrivateAndSilent(payload);
    }
  });

  it('rounds the cooldown up to whole seconds', () => {
    expect(renderCooldown('en-US', 2100).content).toBe('You are going a little fast. Try again in 3 s.');
    expect(renderCooldown('vi', 400).content).toBe('Bạn hỏi hơi nhanh. Vui lòng thử lại sau 1 giây.');
  });

  it('escapes what the member typed when explaining a refused question', () => {
    const payload = renderInvalidInput('en-US', ['unknown option "**x**"']);
    expect(payload.content).toBe('That question did not work:\n- unknown option "\\*\\*x\\*\\*"');
  });

  it('keeps a flood of refusals within the content limit', () => {
    const payload = renderInvalidInput(
      'en-US',
      Array.from({ length: 200 }, () => 'question is too long (300 characters at most)'),
    );
    expect(payload.content!.length).toBeLessThanOrEqual(LIMITS.content);
  });

  it('lists every command in help, with its localized name', () => {
    const english = renderHelp('en-US', library).embeds[0]!;
    const vietnamese = renderHelp('vi', library).embeds[0]!;
    for (const name of ['/who-met', '/agreements', '/ask question [year]', '/sources', '/cite id [sentence]', '/reload', '/help']) {
      expect(english.fields![0]!.value).toContain(name);
    }
    for (const name of ['/ai-gặp-ai', '/thỏa-thuận', '/hỏi câu-hỏi [năm]', '/nguồn', '/trích-dẫn mã', '/tải-lại', '/trợ-giúp']) {
      expect(vietnamese.fields![0]!.value).toContain(name);
    }
    expect(vietnamese.fields![2]!.name).toBe('Mẹo');
  });

  it('gives examples that exist in the library loaded now: a person, a year, a topic and a paragraph id', () => {
    const examples = renderHelp('en-US', library).embeds[0]!.fields![1]!;
    expect(examples.name).toBe('Try, with this library');
    expect(examples.value.split('\n')).toEqual([
      '`/who-met person:Ito Naoki`',
      '`/who-met year:2024`',
      '`/agreements topic:năng lượng`',
      '`/cite id:vn_viet_nhat_nang_luong#2`',
    ]);
    expect(renderHelp('vi', library).embeds[0]!.fields![1]!.value).toContain('`/trích-dẫn mã:vn_viet_nhat_nang_luong#2`');
    const everything = JSON.stringify(renderHelp('en-US', library));
    for (const bundled of ['001_03677d34c6a97d66', '000_4f467cfc7a82818c', 'Rutte', 'Stoltenberg'])
      expect(everything).not.toContain(bundled);
  });

  it('says the library is empty rather than inventing examples', () => {
    const empty = buildLibrary({ articles: [], glossary: [] });
    expect(renderHelp('en-US', empty).embeds[0]!.fields![1]!.value).toBe(
      'The library has no articles yet: a moderator can add some and run /reload.',
    );
  });
});
