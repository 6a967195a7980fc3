import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
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

describe('notices', () => {
  it.each(['en-US', 'vi'])('are private and ping no one (%s)', (locale) => {
    for (const payload of [
      renderError(locale),
      renderCooldown(locale, 2500),
      renderNotOwner(locale),
      renderBadButton(locale),
      renderReloadRefused(locale),
      renderHelp(locale),
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
    const payload = renderInvalidInput('en-US', Array.from({ length: 200 }, () => 'question is too long (300 characters at most)'));
    expect(payload.content!.length).toBeLessThanOrEqual(LIMITS.content);
  });

  it('lists every command in help, with its localized name', () => {
    const english = renderHelp('en-US').embeds[0]!;
    const vietnamese = renderHelp('vi').embeds[0]!;
    for (const name of ['/who-met', '/agreements', '/ask question [year]', '/sources', '/cite id', '/reload', '/help']) {
      expect(english.fields![0]!.value).toContain(name);
    }
    for (const name of ['/ai-gặp-ai', '/thỏa-thuận', '/hỏi câu-hỏi [năm]', '/nguồn', '/trích-dẫn mã', '/tải-lại', '/trợ-giúp']) {
      expect(vietnamese.fields![0]!.value).toContain(name);
    }
    expect(vietnamese.fields![1]!.name).toBe('Mẹo');
  });
});
