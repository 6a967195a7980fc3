// Whether the event a verb tells took place, is planned, or is only wished, proposed or denied: the
// nearest status word before the verb in its clause decides (see src/language/statusMarkers.ts).
import { CLAUSE_BREAKS, FUTURE_TIME_PHRASES, STATUS_MARKERS, type StatusMood } from '../language/statusMarkers.ts';
import { findTriggers } from '../text/findTriggers.ts';
import { findWords } from '../text/syllableMatch.ts';

export type EventStatus = 'held' | 'planned';

/** Where the clause holding `position` starts: after the last `;` or `:` before it. */
function clauseStartBefore(text: string, position: number): number {
  let start = 0;
  for (const match of text.slice(0, position).matchAll(CLAUSE_BREAKS)) start = match.index + 1;
  return start;
}

function clauseEndAfter(text: string, position: number): number {
  const rest = text.slice(position);
  const found = rest.search(CLAUSE_BREAKS);
  return found < 0 ? text.length : position + found;
}

/** The mood of the nearest status word before `position` in its clause; undefined when there is none. */
export function moodBefore(text: string, position: number): Exclude<StatusMood, 'neutral'> | undefined {
  const from = clauseStartBefore(text, position);
  const markers = findTriggers(text, STATUS_MARKERS).filter(
    (marker) => marker.end <= position && marker.start >= from && marker.rule.mood !== 'neutral',
  );
  const nearest = markers[markers.length - 1]?.rule.mood;
  // `hy vọng hai bên sẽ sớm ký …`: a future that is only wished for is not a plan.
  if (nearest === 'planned' && markers.some((marker) => marker.rule.mood === 'unreal')) return 'unreal';
  // `mong muốn Mỹ tôn trọng lịch trình đã thống nhất`: a wish earlier in the same stretch between commas
  // governs what follows it, `đã` included.
  const pieceStart = text.lastIndexOf(',', position - 1) + 1;
  if (markers.some((marker) => marker.rule.mood === 'unreal' && marker.start >= pieceStart)) return 'unreal';
  return nearest === 'neutral' ? undefined : nearest;
}

/** Where the first word of the future (`sẽ`, `dự kiến`) after `position` stands in its clause, if any. */
export function plannedMarkerAfter(text: string, position: number): number | undefined {
  const end = clauseEndAfter(text, position);
  return findTriggers(text, STATUS_MARKERS).find(
    (marker) => marker.start >= position && marker.end <= end && marker.rule.mood === 'planned',
  )?.start;
}

/** `hội đàm với … vào tuần tới`: a time to come after the verb, in its clause. */
export function futureTimeAfter(text: string, position: number): boolean {
  const end = clauseEndAfter(text, position);
  return findWords(text, FUTURE_TIME_PHRASES).some((match) => match.start >= position && match.end <= end);
}
