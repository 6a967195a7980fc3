// Lookups derived from a Library once and kept for its lifetime, so that /who-met and /agreements do
// no per-item folding or splitting while answering (a 100k-paragraph corpus holds tens of thousands of
// meetings). Each is keyed by the library object, so a reload starts afresh. LibraryStore builds them
// right after loading, in slices, so that no member's command pays for them and a reload never blocks
// the event loop; a library made another way (tests) builds each on first use. A library read from the
// cache already holds most of them (the builder stored them, see storedLookups.ts): preparing those is free.
import type { Library } from '../library.ts';
import type { Checkpoint } from '../../text/steps.ts';
import { agreementsByArticleIndex } from './agreementsByParagraph.ts';
import { agreementQuotesIndex } from './agreementsByWord.ts';
import { articleIdsIndex } from './articleIds.ts';
import { articleListIndex } from './articleList.ts';
import { partiesIndex } from './itemsOfParties.ts';
import { meetingsByParticipantIndex } from './meetingsByParticipant.ts';
import { participantNamesIndex } from './participantNames.ts';
import { joinedPeopleWordsIndex, peopleWordsIndex } from './peopleByWord.ts';
import { plannedMeetingWordsIndex } from './plannedMeetingWords.ts';
import { preparePopular } from './popularTopics.ts';

/** Every lookup, in the order they are prepared. */
const LOOKUPS: readonly { prepare(library: Library, checkpoint: Checkpoint): Promise<void> }[] = [
  participantNamesIndex,
  meetingsByParticipantIndex,
  agreementQuotesIndex,
  agreementsByArticleIndex,
  partiesIndex,
  peopleWordsIndex,
  joinedPeopleWordsIndex,
  articleIdsIndex,
  plannedMeetingWordsIndex,
];

/**
 * Builds every lookup of `library` (and the "try these" lists of popularTopics.ts, and the /sources
 * list), calling `checkpoint` every few milliseconds of work and waiting when it returns a promise: how
 * LibraryStore keeps the event loop free while a reloaded library gets ready.
 */
export async function prepareLookups(library: Library, checkpoint: Checkpoint = () => undefined): Promise<void> {
  for (const lookup of LOOKUPS) await lookup.prepare(library, checkpoint);
  await preparePopular(library, checkpoint);
  await articleListIndex.prepare(library, checkpoint);
}
