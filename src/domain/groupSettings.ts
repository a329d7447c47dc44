import type { Group, GroupId, MeetingMinimum, Organisation, ReportCadence } from './organisation';

/**
 * A group's settings as changed in Teams (`inställningar <grupp>`): each one null keeps what the
 * shipped organisation file says. Kept apart from the file, so a reload never overwrites them.
 */
export interface GroupSettings {
  readonly deputies: boolean | null;
  /** Meeting guidance ("cirka sex–åtta gånger/år"): shown, never enforced. */
  readonly meetingGuidance: { readonly min: number; readonly max: number | null; readonly per: 'year' | 'half-year' } | null;
  readonly reportCadence: ReportCadence | null;
  readonly justerareDefault: string | null;
  readonly inputCutoffHours: number | null;
  readonly by: string;
  /** ISO instant. */
  readonly at: string;
}

/** Where a setting made in Teams is said to come from. */
const FROM_TEAMS = 'Inställning i Teams';

/** The group with its Teams settings applied. */
export function withSettings(group: Group, s: GroupSettings): Group {
  // A minimum the documents set ("minst fyra gånger/år", 000) is a rule: guidance set in Teams never replaces it.
  const meetings: MeetingMinimum | null =
    s.meetingGuidance === null || group.meetings?.kind === 'minimum'
      ? group.meetings
      : { kind: 'guidance', min: s.meetingGuidance.min, max: s.meetingGuidance.max, per: s.meetingGuidance.per, quote: null, source: FROM_TEAMS };
  return {
    ...group,
    deputies: s.deputies === null ? group.deputies : { appointed: s.deputies, quote: FROM_TEAMS, source: FROM_TEAMS },
    meetings,
    ...(s.reportCadence === null ? {} : { reportCadence: s.reportCadence }),
    ...(s.justerareDefault === null ? {} : { justerareDefault: s.justerareDefault }),
    ...(s.inputCutoffHours === null ? {} : { inputCutoffHours: s.inputCutoffHours }),
  };
}

/** The organisation with each group's Teams settings applied. */
export function withGroupSettings(org: Organisation, settings: ReadonlyMap<GroupId, GroupSettings>): Organisation {
  return {
    ...org,
    groups: org.groups.map((g) => {
      const s = settings.get(g.id);
      return s === undefined ? g : withSettings(g, s);
    }),
  };
}
