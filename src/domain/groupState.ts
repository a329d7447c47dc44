import type { GroupId } from './organisation';

/** What the groups list shows about a group right now: its chair and next meeting, if known. */
export interface GroupSnapshot {
  readonly group: GroupId;
  readonly chair: { readonly displayName: string; readonly partyName: string | null } | null;
  readonly nextMeeting: { readonly startsAt: string; readonly title: string } | null;
}
