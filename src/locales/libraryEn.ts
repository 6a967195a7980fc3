// English labels of `/library` (moderators manage the articles from Discord). Kept apart from
// `en.ts` so the command can grow without touching the answering commands' table; `libraryVi.ts`
// has the same shape.

export const libraryEn = {
  command: {
    name: 'library',
    description: 'Add, replace, remove or list the articles (moderators)',
  },
  subcommands: {
    add: { name: 'add', description: 'Add or replace an article from a .txt or .md file (shows a preview first)' },
    remove: { name: 'remove', description: 'Remove an article (it is kept in the history folder)' },
    undo: { name: 'undo', description: 'Put back the last article removed or replaced' },
    list: { name: 'list', description: 'The articles, the files that are not loaded, and the history' },
  },
  options: {
    file: { name: 'file', description: 'The article: a .txt or .md file of at most 1 MiB' },
    id: { name: 'id', description: 'The article to remove: type its id or words of its title' },
    page: { name: 'page', description: 'Which page of the list' },
  },

  refused: 'Only members with Manage Server or a moderator role can change the library.',
  upload: {
    refusedTitle: 'This file was not added',
    refusedHead: 'Nothing was changed. Fix these lines and upload the file again:',
    downloadFailed: (reason: string) => `I could not read the attachment from Discord (${reason}). Nothing was changed; try again.`,
  },
  preview: {
    addTitle: (id: string) => `Add the article ${id}?`,
    replaceTitle: (id: string) => `Replace the article ${id}?`,
    removeTitle: (id: string) => `Remove the article ${id}?`,
    addNote: 'Only you see this preview. Add writes the file into the library folder and reloads the library.',
    replaceNote:
      'An article with this id is already in the library. Replace keeps the current file in the history folder; /library undo puts it back.',
    removeNote: 'Remove keeps the file in the history folder; /library undo puts it back.',
    id: 'Id',
    date: 'Date',
    title: 'Title',
    firstWords: 'First words',
    source: 'Source',
    file: 'File',
    paragraphs: 'Paragraphs',
    meetings: (n: number) => `Meetings the bot will find (${n})`,
    agreements: (n: number) => `Agreements the bot will find (${n})`,
    meetingsNow: (n: number) => `Meetings the bot finds (${n})`,
    agreementsNow: (n: number) => `Agreements the bot finds (${n})`,
    noneFound: 'none',
    changes: 'What changes',
    currentInvalid: 'The file now in the folder for this id has problems (see /library list); Replace puts the new one in its place.',
    sameText: 'The new file has the same text and details as the current one.',
    paragraphChange: (before: number, after: number) => `Paragraphs: ${before} → ${after}`,
    newOrEdited: (numbers: string) => `new or edited: ${numbers}`,
    gone: (n: number) => `${n} of the old paragraphs gone`,
    countChange: (what: string, before: number, after: number) => `${what}: ${before} → ${after}`,
    meetingsWord: 'Meetings',
    agreementsWord: 'Agreements',
    empty: '(none)',
    more: (n: number) => `… and ${n} more`,
  },
  buttons: { add: 'Add', replace: 'Replace', remove: 'Remove', cancel: 'Cancel', previous: 'Previous', next: 'Next' },
  done: {
    addedTitle: (id: string) => `Article ${id} added`,
    replacedTitle: (id: string) => `Article ${id} replaced`,
    removedTitle: (id: string) => `Article ${id} removed`,
    undoneTitle: (id: string) => `Article ${id} put back`,
    keptIn: (name: string) => `The previous file is kept in the history folder as ${name}.`,
    putBack: (files: string) => `Put back: ${files}`,
    rolledBackTitle: 'Not changed: the library refused the folder',
    rolledBack: 'The reload found problems, so the change was undone and the library is as it was.',
    cancelled: 'Cancelled: nothing was changed.',
    expired: 'This preview has expired or was already used. Run /library again.',
    stale: (id: string) => `The article ${id} changed since this preview, so nothing was done. Run /library again to see it as it is now.`,
    unknownArticle: (id: string) => `No article has the id ${id}. Start typing in the id option and pick one from the list.`,
    nothingToUndo: 'There is nothing to undo: no article has been removed or replaced with /library.',
  },
  list: {
    title: 'Library',
    footer: (articles: number, page: number, pages: number) =>
      `${articles} ${articles === 1 ? 'article' : 'articles'} · page ${page} of ${pages}`,
    articleLine: (paragraphs: number) => `${paragraphs} ¶`,
    noArticles: 'The library has no articles.',
    notLoaded: (n: number) => `Files not loaded (${n})`,
    allLoaded: 'Every article file in the folder is loaded.',
    history: 'Changes made with /library (latest first)',
    noHistory: 'None yet.',
    undoNext: (id: string, action: string) => `/library undo would put back ${id} (${action}).`,
    historyFolder: (folder: string) => `Removed and replaced files are kept in ${folder}.`,
  },
  actions: { add: 'added', replace: 'replaced', remove: 'removed', undo: 'put back' },
};

export type LibraryMessages = typeof libraryEn;
