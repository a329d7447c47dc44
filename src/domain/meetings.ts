import type { IsoDate } from './calendarDate';
import type { GroupId, OrgId } from './organisation';

/** A planned or held meeting of a group, as far as the årshjul needs it (the meetings issue adds agendas). */
export interface PlannedMeeting {
  readonly id: string;
  readonly org: OrgId;
  readonly group: GroupId;
  /** The meeting's calendar date in the organisation's time zone. */
  readonly date: IsoDate;
  /** Start as an ISO instant. */
  readonly startsAt: string;
  readonly title: string;
  readonly cancelled: boolean;
}
