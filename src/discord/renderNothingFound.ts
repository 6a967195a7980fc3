// The reply when an answer has no items: private, kind, in the member's language. It says what was
// searched, why nothing matched (from the engine's structured `nothingFound` reason), closer terms,
// the years there are, and what to try.
import { MessageFlags } from 'discord.js';
import { bold, inlineCode } from '@discordjs/formatters';
import type { Answer, NothingFound } from '../answers/answer.ts';
import { understandingLines } from '../locales/understandingLines.ts';
import { describeQuestion } from './describeQuestion.ts';
import { escapeAndTruncate, escapeMarkdown, truncate } from './markdown.ts';
import type { Messages } from './messagesFor.ts';
import { LIMITS, allowedMentions, type ReplyPayload } from './replyPayload.ts';

const EMPTY_COLOUR = 0x718096;

export function renderNothingFound(answer: Answer, t: Messages): ReplyPayload {
  const lines = [`${bold(`${escapeMarkdown(t.nothingFound.searched)}:`)} ${describeQuestion(answer.command, answer.options, t, 300)}`];
  for (const line of understandingLines(answer.understood, t)) lines.push(`*${escapeAndTruncate(line, 300)}*`);
  const why = answer.nothingFound;
  if (why) lines.push(reasonSentence(why, t));
  const suggestions = (answer.suggestions ?? []).slice(0, 10).map((term) => escapeAndTruncate(term, 100));
  if (suggestions.length > 0) lines.push(`${bold(`${escapeMarkdown(t.nothingFound.suggestions)}:`)} ${suggestions.join(' · ')}`);
  // The years of a person's other meetings are in the reason's own sentence: not the library's years.
  if (answer.yearsAvailable && answer.yearsAvailable.length > 0 && why?.reason !== 'met-in-other-years') {
    lines.push(`${bold(`${escapeMarkdown(t.nothingFound.years)}:`)} ${answer.yearsAvailable.slice(0, 50).join(', ')}`);
  }
  const hint = hintFor(why, t);
  // Italics as `*…*`, as everywhere in our replies (the formatters' `italic` writes `_…_`).
  if (hint) lines.push(`*${escapeMarkdown(hint)}*`);
  return {
    embeds: [
      {
        title: truncate(t.nothingFound.title, LIMITS.embedTitle),
        description: truncate(lines.join('\n\n'), LIMITS.embedDescription),
        color: EMPTY_COLOUR,
      },
    ],
    components: [],
    allowed_mentions: allowedMentions(),
    flags: MessageFlags.Ephemeral,
  };
}

/** The reason in words; what the member typed is escaped, ids are shown as code. */
function reasonSentence(why: NothingFound, t: Messages): string {
  const reasons = t.nothingFound.reasons;
  switch (why.reason) {
    case 'no-meetings':
      return reasons.noMeetings;
    case 'met-in-other-years':
      return reasons.metInOtherYears(`“${escapeAndTruncate(why.person, 100)}”`, why.years.slice(0, 50).join(', '));
    case 'no-agreements':
      return reasons.noAgreements;
    case 'no-passages':
      return reasons.noPassages(why.year);
    case 'not-a-paragraph-id':
      return reasons.notAParagraphId(`“${escapeAndTruncate(why.id, 200)}”`, idCode(why.example));
    case 'no-such-article':
      return reasons.noSuchArticle(idCode(why.articleId), `/${t.commands.sources.name}`);
    case 'no-such-paragraph':
      return reasons.noSuchParagraph(idCode(why.articleId), why.paragraphCount, why.paragraph);
    case 'no-such-sentence':
      return reasons.noSuchSentence(idCode(why.articleId), why.paragraph, why.sentenceCount, why.sentence);
    case 'empty-library':
      return reasons.emptyLibrary;
  }
}

/** What to try: a hint of the reason's own, the general one for searches, none where the reason says it all. */
function hintFor(why: NothingFound | undefined, t: Messages): string | undefined {
  const hints = t.nothingFound.hints;
  switch (why?.reason) {
    case 'no-meetings':
      return why.person ? hints.person : t.nothingFound.hint;
    case 'met-in-other-years':
      return hints.otherYears;
    case 'no-agreements':
      return why.topic ? hints.topic : t.nothingFound.hint;
    case 'no-passages':
      return hints.question;
    case undefined:
      return t.nothingFound.hint;
    default:
      return undefined;
  }
}

/** An article or paragraph id as code (copied exactly); a backtick, never in an id, cannot close it. */
function idCode(id: string): string {
  return inlineCode(truncate(id.replace(/`/g, ''), 120));
}
