/**
 * Organisations, principals, parties, groups and their rules as the seeds describe them
 * (../shared/DOMAIN.md). Pure data: loaded from YAML by config/, stored by storage/.
 */

import { matchByName } from './names';

export type Locale = 'sv' | 'en';

/** A text shown to users, Swedish first, English where the user's locale is English. */
export interface LocalizedText {
  readonly sv: string;
  readonly en: string;
}

export type PrincipalId = string;
export type PartyId = string;
export type GroupId = string;
export type OrgId = string;

/** A huvudman: kommun or region. */
export interface Principal {
  readonly id: PrincipalId;
  readonly name: LocalizedText;
}

/** A part: an organisation at the table, belonging to one principal. */
export interface Party {
  readonly id: PartyId;
  readonly name: string;
  readonly principal: PrincipalId;
}

export const GROUP_KINDS = ['political', 'strategic', 'steering', 'theme', 'nosam', 'coordination', 'working'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/**
 * How often a group meets, as the documents put it: `minimum` is binding ("minst fyra gånger/år",
 * 000) and warned about; `guidance` ("cirka sex–åtta gånger/år", "2–3 gånger per halvår") is
 * shown, never enforced. `null` on the group means "as needed".
 */
export interface MeetingMinimum {
  readonly kind: 'minimum' | 'guidance';
  readonly min: number;
  /** The upper end of a guidance range ("sex–åtta"), else null. */
  readonly max: number | null;
  readonly per: 'year' | 'half-year' | 'term';
  /** The verbatim words of the seed, or null when the organisation set it itself. */
  readonly quote: string | null;
  readonly source: string | null;
}

/** Whether a group has deputies (ersättare): "Ersättare utses inte" (000) vs "ordförande och ersättare" (004). */
export interface Deputies {
  readonly appointed: boolean;
  readonly quote: string;
  readonly source: string;
}

/** How a group decides without consensus (000: återremiss or struket; 001: bred enighet, dissent recorded). */
export interface DecisionRule {
  readonly kind: 'consensus-or-return' | 'broad-consensus';
  readonly quote: string;
  readonly source: string;
}

/** The follow-up report cadence of 000's "kvartals- och halvårsvisa information/rapporter". */
export type ReportCadence = 'quarterly' | 'half-yearly';

/** Which principal must take the next chair term. */
export type PrincipalRule = { readonly kind: 'alternate' } | { readonly kind: 'follow'; readonly group: GroupId } | { readonly kind: 'any' };

/** Rotation rules for a group's chair and vice chair, as data (seeds 000, 001, 002). */
export interface ChairRule {
  /**
   * Term length in months (18 or 24 in 000, 12 in 001); null where the documents give none:
   * a term then lasts until the next chair is recorded and the group decides when that is.
   */
  readonly termMonths: number | null;
  readonly principal: PrincipalRule;
  /** The chair rotates among the parties at the table. */
  readonly rotateAmongParties: boolean;
  /** other-principal: required and from the principal not chairing; optional: the group may appoint one. */
  readonly vice: 'other-principal' | 'optional' | 'none';
  /** The group may extend a chair's term by consensus. */
  readonly extensionByConsensus: boolean;
  /** A chair leaving mid-term is replaced, for the rest of the term, by someone their principal appoints. */
  readonly replacementByLeavingPrincipal: boolean;
  /** When the next chair is appointed. */
  readonly appointment: 'any-meeting' | 'last-meeting-of-year';
  /** Who appoints: the group itself, or another group (e.g. LGS appoints temagrupp members). */
  readonly appointedBy: { readonly kind: 'group' } | { readonly kind: 'group-of'; readonly group: GroupId };
  /** The rule in plain Swedish words, quoted from the seed, shown to users. */
  readonly quote: LocalizedText;
  readonly source: string;
}

export interface Group {
  readonly id: GroupId;
  readonly name: string;
  readonly shortName: string;
  readonly kind: GroupKind;
  readonly parent: GroupId | null;
  readonly meetings: MeetingMinimum | null;
  /** Null when the organisation file says nothing: treated as "no deputies" but never told to users. */
  readonly deputies: Deputies | null;
  readonly chairRule: ChairRule | null;
  /** The process leader role, e.g. "Processledare NOSAM Hisingen och Öckerö". */
  readonly processLeaderRole: string | null;
  /** Groups that share this group's process leader (002: NOSAM in pairs). */
  readonly processLeaderSharedWith: readonly GroupId[];
  readonly source: string;
  /** The group's own report cadence (set in Teams with `inställningar`), else the organisation's for its kind. */
  readonly reportCadence?: ReportCadence;
  /** The justerare proposed when minutes are sent (AAD object id), set in Teams. */
  readonly justerareDefault?: string;
  /** The default cut-off for written input, hours before the meeting, set in Teams. */
  readonly inputCutoffHours?: number;
}

export const CYCLE_AUDIENCES = ['chair', 'viceChair', 'processLeader', 'members'] as const;
export type CycleAudience = (typeof CYCLE_AUDIENCES)[number];

/** When an årshjul item falls due; the dates are each organisation's own data. */
export type CycleSchedule =
  | { readonly kind: 'yearly'; readonly month: number; readonly day: number }
  | { readonly kind: 'half-yearly'; readonly dates: readonly { readonly month: number; readonly day: number }[] }
  | { readonly kind: 'quarterly'; readonly dates: readonly { readonly month: number; readonly day: number }[] }
  | { readonly kind: 'after-each-meeting'; readonly days: number }
  /** The last weekday of each quarter. */
  | { readonly kind: 'quarter-end' }
  /** `daysBefore` the year's last planned meeting (e.g. the agenda for the chair appointment). */
  | { readonly kind: 'last-meeting-of-year'; readonly daysBefore: number }
  /** The last day of a chair or vice-chair term (term-end notices). */
  | { readonly kind: 'term-end' }
  | { readonly kind: 'meeting-minimum' }
  /** A one-off date (an item added in Teams for one year). */
  | { readonly kind: 'once'; readonly date: string };

export interface CycleItem {
  readonly id: string;
  readonly title: LocalizedText;
  readonly appliesTo: { readonly kinds: readonly GroupKind[]; readonly groups: readonly GroupId[] };
  readonly schedule: CycleSchedule;
  readonly remindDaysBefore: readonly number[];
  readonly audience: readonly CycleAudience[];
  /** `proposal` (förslag – inte fastställt) until the organisation has decided the date. */
  readonly status: 'proposal' | 'confirmed';
  /** For a report item: the cadence it belongs to; it applies only where the organisation chose that cadence. */
  readonly cadence: ReportCadence | null;
  /** The seed's verbatim words for the duty, when it has them. */
  readonly quote: string | null;
  readonly source: string;
}

/**
 * Changes an organisation makes to its årshjul in Teams, one year at a time. They override the
 * shipped file without changing it: the file stays the starting point, the edits are stored
 * apart (so a reload or a new deploy never overwrites them), and every edit is kept with who
 * and when. The latest edit of an occurrence wins; a group's own edit beats an organisation-wide one.
 */
export type CycleEdit =
  /** The proposed date of this occurrence is decided as it is. */
  | (EditBase & { readonly kind: 'confirm'; readonly target: string })
  /** The occurrence is decided on another date (holiday moves still apply to it). */
  | (EditBase & { readonly kind: 'move'; readonly target: string; readonly date: string })
  /** The occurrence does not happen this year. */
  | (EditBase & { readonly kind: 'remove'; readonly target: string })
  /** A one-off item, e.g. a remiss deadline, with its audience and reminders. */
  | (EditBase & {
      readonly kind: 'add';
      /** The new item's id (`extra-…`). */
      readonly item: string;
      readonly date: string;
      readonly title: string;
      readonly audience: readonly CycleAudience[];
      readonly remindDaysBefore: readonly number[];
    });

interface EditBase {
  readonly id: string;
  /** The group it is for, or null for the whole organisation (admins only). */
  readonly group: GroupId | null;
  /** The year of the occurrence it changes (the one-off item's year). */
  readonly year: number;
  readonly by: string;
  /** ISO instant. */
  readonly at: string;
}

export interface Organisation {
  readonly id: OrgId;
  readonly name: string;
  readonly shortName: string;
  readonly timeZone: string;
  /** The language of posts in the groups' channels (org file `language`; Swedish when absent). */
  readonly language?: Locale;
  /** A deadline on a weekend or public holiday moves to the next weekday unless the org chose previous. */
  readonly deadlineShift: 'next-weekday' | 'previous-weekday';
  readonly principals: readonly Principal[];
  readonly parties: readonly Party[];
  readonly groups: readonly Group[];
  readonly annualCycle: readonly CycleItem[];
  readonly decisionRule: DecisionRule | null;
  /** The report cadence per group kind; a kind not named gets no follow-up report items. */
  readonly reportCadence: Partial<Record<GroupKind, ReportCadence>>;
  /** Where the cadence comes from: "förslag" until the organisation has chosen. */
  readonly reportCadenceSource: string;
  /** Årshjul edits made in Teams (src/domain/cycleEdits.ts); none when absent. */
  readonly cycleEdits?: readonly CycleEdit[];
}

/** The language the organisation's channel posts are written in: its `language`, else Swedish. */
export const orgLanguage = (org: Pick<Organisation, 'language'>): Locale => org.language ?? 'sv';

/** True when the group has deputies who can be called on förhinder. */
export const hasDeputies = (g: Group): boolean => g.deputies?.appointed === true;

/** Finds a group in an organisation by id, or by a name as people say it, when exactly one fits. */
export function findGroup(org: Organisation, query: string): Group | undefined {
  const found = findGroups(org, query);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The groups a query names: the id, else short name, full name or parts of them with or without
 * å/ä/ö ("hisingen", "temagrupp aldre"); several back means the words fit more than one group.
 */
export function findGroups(org: Organisation, query: string): Group[] {
  const byId = org.groups.find((g) => g.id === query);
  return byId !== undefined ? [byId] : matchByName(org.groups, query, (g) => [g.id, g.shortName, g.name]);
}

/** The parties a query names ("Närhälsan", "narhalsan", "närhälsan vgpv"), as for groups. */
export function findParties(org: Organisation, query: string): Party[] {
  const byId = org.parties.find((p) => p.id === query);
  return byId !== undefined ? [byId] : matchByName(org.parties, query, (p) => [p.id, p.name]);
}

/** Lower-cases and collapses spaces and dashes so "NOSAM  Hisingen" matches "nosam-hisingen". */
export function normalizeName(s: string): string {
  return s
    .toLocaleLowerCase('sv')
    .replace(/[\s\-–_]+/g, ' ')
    .trim();
}

/** The principal a party belongs to. */
export function principalOfParty(org: Organisation, party: PartyId): Principal | undefined {
  const p = org.parties.find((x) => x.id === party);
  return p === undefined ? undefined : org.principals.find((x) => x.id === p.principal);
}

/** The group with this id in an organisation (by id only, unlike `findGroup`). */
export function groupOf(org: Organisation | undefined, id: GroupId): Group | undefined {
  return org?.groups.find((g) => g.id === id);
}
