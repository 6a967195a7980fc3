// Every English label the bot shows: replies, buttons, notices and command descriptions.
// `vi.ts` has the same shape; quotes from articles are never translated, only the labels around them.

export const en = {
  /** Discord locale codes this table answers for (anything not listed falls back to English). */
  locale: 'en',

  commands: {
    'who-met': {
      name: 'who-met',
      description: 'Who met whom, with the quote that says so',
      title: 'Who met whom',
    },
    agreements: {
      name: 'agreements',
      description: 'What was agreed, by whom, with the quote that says so',
      title: 'Agreements',
    },
    ask: {
      name: 'ask',
      description: 'Ask a question; get the passages that answer it, quoted and cited',
      title: 'Answer',
    },
    sources: {
      name: 'sources',
      description: 'List the articles the bot answers from',
      title: 'Sources',
    },
    cite: {
      name: 'cite',
      description: 'A paragraph (or one sentence of it), quoted in full, with a citation ready to paste',
      title: 'Citation',
    },
    reload: {
      name: 'reload',
      description: 'Reload the articles from disk (moderators)',
    },
    help: {
      name: 'help',
      description: 'How to use citebot',
    },
  },

  options: {
    year: { name: 'year', description: 'Only this year, e.g. 2025' },
    month: { name: 'month', description: 'Only this month (1-12); use with year' },
    person: { name: 'person', description: 'Someone who took part (suggestions from the library as you type)' },
    topic: { name: 'topic', description: 'What the agreement is about (suggestions as you type)' },
    question: { name: 'question', description: 'Your question, in Vietnamese or English' },
    id: { name: 'id', description: 'Article and paragraph as a citation writes them: article#paragraph' },
    sentence: { name: 'sentence', description: 'Only this sentence of the paragraph (1 is the first)' },
    hide: { name: 'hide', description: 'Show the answer only to you' },
    mention: { name: 'mention', description: 'Someone to notify with the answer' },
  },

  answer: {
    footer: (count: number, page: number, pages: number) => `${count} ${count === 1 ? 'result' : 'results'} · page ${page} of ${pages}`,
    link: 'link',
    paragraph: (n: number) => `¶ ${n}`,
    moreQuotes: (n: number) => `+ ${n} more ${n === 1 ? 'quote' : 'quotes'}`,
    paragraphs: (n: number) => `${n} ${n === 1 ? 'paragraph' : 'paragraphs'}`,
    photoCredit: 'Photo credit',
    outlet: 'Outlet',
    untitled: 'untitled',
    untitledArticle: 'Untitled article',
    opens: (words: string) => `opens “${words}”`,
    toPaste: 'Ready to paste:',
    participants: 'Who',
    parties: 'Parties',
    place: 'Where',
    date: 'When',
    planned: 'Planned — not yet held',
    call: 'Phone call',
    sharedBy: (mention: string) => `Shared by ${mention}`,
    noPaging: 'Ask a shorter question to page through every result.',
    previous: 'Previous',
    next: 'Next',
    share: 'Post in channel',
    shareItem: (n: number) => `Post ${n} in channel`,
    ownCopy: 'Your own copy of this page: the answer in the channel stays as it was.',
  },

  /** How /ask read the question (see `Answer.understood`). */
  understood: {
    meetings: 'Answering with meetings (as /who-met)',
    agreements: 'Answering with agreements (as /agreements)',
    noneFound: (kind: 'meetings' | 'agreements') => `No ${kind === 'meetings' ? 'meeting' : 'agreement'} found; passages instead`,
    parties: 'about',
    date: (year: number, month?: number) => `in ${month !== undefined ? `${ENGLISH_MONTH_NAMES[month - 1]} ` : ''}${year}`,
    dateDropped: (year: number, month?: number) =>
      `nothing in ${month !== undefined ? `${ENGLISH_MONTH_NAMES[month - 1]} ` : ''}${year}, so not limited to it`,
    yearNotInLibrary: (year: number) => `no article is from ${year}; searched as a word`,
    notFound: 'Not found',
    translated: 'Searched in Vietnamese',
    missing: 'Not in this passage',
  },

  nothingFound: {
    title: 'Nothing found',
    searched: 'I looked for',
    everything: 'everything',
    suggestions: 'Did you mean',
    years: 'Years in the library',
    hint: 'Try fewer words, another spelling (with or without accents), or a different year.',
    /**
     * Why nothing was found (`Answer.nothingFound`), one sentence each. Values arrive already formatted
     * for Discord (escaped, or as code); the words around them hold no markdown.
     */
    reasons: {
      noMeetings: 'No meeting in the library matches this.',
      metInOtherYears: (person: string, years: string) =>
        `${person} took part in meetings in ${years}, but none in the time you asked for.`,
      noAgreements: 'No agreement in the library matches this.',
      noPassages: (year: number | undefined) =>
        year !== undefined ? `No article of ${year} holds any word of the question.` : 'No article holds any word of the question.',
      notAParagraphId: (id: string, example: string) => `${id} is not a paragraph id: write it as article#paragraph, e.g. ${example}.`,
      noSuchArticle: (id: string, sources: string) => `No article ${id} in the library. ${sources} lists the articles.`,
      noSuchParagraph: (id: string, count: number, paragraph: number) =>
        `Article ${id} has ${count === 1 ? 'one paragraph' : `paragraphs 1 to ${count}`}; there is no ¶ ${paragraph}.`,
      noSuchSentence: (id: string, paragraph: number, count: number, sentence: number) =>
        `¶ ${paragraph} of ${id} has ${count === 1 ? 'one sentence' : `sentences 1 to ${count}`}; there is no sentence ${sentence}.`,
      emptyLibrary: 'The library has no articles yet: a moderator can add some and run /reload.',
    },
    /** What to try, for the reasons the general hint does not fit. */
    hints: {
      person: 'Try a part of the name (a family name, say), with or without accents.',
      otherYears: 'Try one of those years, or leave the year out.',
      topic: 'Try fewer or broader words, or leave the topic out.',
      question: 'Try other words, fewer words, or one of the suggestions.',
    },
  },

  notices: {
    invalidInput: 'That question did not work:',
    error: 'Something went wrong while answering. It has been logged; please try again in a moment.',
    cooldown: (seconds: number) => `You are going a little fast. Try again in ${seconds} s.`,
    notOwner: 'Only the person who asked can turn the pages of a private answer. Run the command yourself to get your own copy.',
    notOwnerShare: 'Only the person who asked can post this answer in the channel. Run the command yourself to post from your own copy.',
    itemGone: 'This result is no longer in the library (it was reloaded since). Run the command again.',
    badButton: 'This button is out of date or damaged. Run the command again.',
    shareUnavailable: 'This answer can no longer be posted. Run the command again without hide.',
    unknownCommand: 'This command is not available any more. It may have been removed in an update.',
  },

  reload: {
    refused: 'Only members with Manage Server or a moderator role can reload the library.',
    busy: 'A reload is already running. Try again when it has finished.',
    otherServer: 'The library can only be changed from the operator’s own server. Ask the bot’s operator.',
    noServerConfigured:
      'Changing the library from Discord is not set up: the operator must set MODERATION_GUILD_IDS (or DISCORD_GUILD_ID).',
    notLoaded: 'Not loaded',
    undelivered: (result: string, finishedAt: string) =>
      `The previous reload finished at ${finishedAt}, too late for Discord to show its reply (${result}). This reload shows the current state.`,
    okTitle: 'Library reloaded',
    failedTitle: 'Reload failed: the previous library is still in use',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    none: 'none',
    noChanges: 'No articles were added, removed or changed.',
    totals: (articles: number, paragraphs: number) => `${articles} articles, ${paragraphs} paragraphs`,
    took: (ms: number) => `Took ${ms} ms`,
    moreErrors: (n: number) => `… and ${n} more`,
    fix: 'Fix these lines and run /reload again:',
    /** A sharded bot (`npm run start:sharded`): one line per shard. */
    shards: {
      title: (reloaded: number, total: number) =>
        reloaded === total ? `Library reloaded on all ${total} shards` : `Library reloaded on ${reloaded} of ${total} shards`,
      shard: (id: number) => `Shard ${id}`,
      ok: 'reloaded',
      failed: 'failed, still using its previous library',
      busy: 'busy',
      noAnswer: 'did not answer',
      more: (n: number) => `… and ${n} more ${n === 1 ? 'shard' : 'shards'}`,
    },
  },

  help: {
    title: 'citebot',
    intro:
      'I answer questions about the news articles in my library with the exact words of the article, and tell you where to find them (outlet, headline, date, ¶ paragraph, link or article id).',
    commandsTitle: 'Commands',
    tipsTitle: 'Tips',
    tips: [
      '`hide`: only you see the answer; each result gets a "Post in channel" button that posts that one result, with its citation.',
      '`mention`: notify someone with the answer (also when you post a result later).',
      'Use `/cite` with the id of a citation line (`article#paragraph`) to read the whole paragraph and copy a ready-made citation.',
      'Quotes are never translated or changed: words in **bold** are what matched your question.',
    ],
    examplesTitle: 'Try, with this library',
    emptyLibrary: 'The library has no articles yet: a moderator can add some and run /reload.',
  },
};

export type Messages = typeof en;

const ENGLISH_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
