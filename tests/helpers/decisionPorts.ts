import { OrgCatalog } from '../../src/app/catalog';
import type {
  CalendarTokenStore,
  DecisionPage,
  DecisionRepository,
  NewestQuery,
  GroupRecord,
  GroupStateRepository,
  MeetingInputRepository,
  PersonalChats,
} from '../../src/app/ports';
import type { Term } from '../../src/domain/chairTerms';
import { requeue, type Decision, type QueuedItem } from '../../src/domain/decisions';
import type { AttendanceAnswer, Meeting } from '../../src/domain/meetings';
import type { Minutes } from '../../src/domain/minutes';
import type { GroupMember, UserContext } from '../../src/domain/people';
import { fail, ok } from '../../src/domain/result';
import { GBG } from './shippedOrgs';

/**
 * In-memory fakes of the ports the decision and minutes use cases use: enough behaviour (ETags,
 * form keys, the queue, the approved-minutes history) for unit tests of the use cases without
 * Azurite. Storage's own behaviour is tested against Azurite in tests/integration and tests/e2e.
 */

const notUsed = (name: string) => () => {
  throw new Error(`${name} is not used by these use cases`);
};

/** The decision register in memory: ETags are counters, the queue follows `requeue` as storage does. */
export class InMemoryDecisions implements DecisionRepository {
  private readonly decisions = new Map<string, { decision: Decision; etag: string }>();
  private readonly formKeys = new Map<string, string>();
  readonly queued = new Map<string, QueuedItem>();
  private readonly minutesRows = new Map<string, { minutes: Minutes; etag: string }>();
  private readonly minutesHistory: Minutes[] = [];
  private etags = 0;

  private nextEtag = () => `W/"${++this.etags}"`;
  private key = (org: string, group: string, year: number, seq: number) => `${org}|${group}|${year}:${seq}`;

  async record(org: string, group: string, year: number, build: (seq: number) => Decision, formKey: string) {
    const used = this.formKeys.get(`${org}|${group}|${formKey}`);
    if (used !== undefined) return { decision: this.decisions.get(used)!.decision, replayed: true };
    const seq = [...this.decisions.values()].filter((d) => d.decision.org === org && d.decision.group === group && d.decision.year === year).length + 1;
    const decision = build(seq);
    const key = this.key(org, group, year, seq);
    this.decisions.set(key, { decision, etag: this.nextEtag() });
    this.formKeys.set(`${org}|${group}|${formKey}`, key);
    const q = requeue(decision);
    if (q !== null) this.queued.set(key, q);
    return Promise.resolve({ decision, replayed: false });
  }

  async list(org: string, group: string) {
    return Promise.resolve(
      [...this.decisions.values()]
        .map((d) => d.decision)
        .filter((d) => d.org === org && d.group === group)
        .reverse(),
    );
  }

  /** The table's newest-first page, over the same list (year, `before`, limit and scan as storage applies them). */
  async newest(org: string, group: string, q: NewestQuery): Promise<DecisionPage> {
    const older = (d: Decision) => q.before === null || d.year < q.before.year || (d.year === q.before.year && d.seq < q.before.seq);
    const rows = (await this.list(org, group)).sort((a, b) => b.year - a.year || b.seq - a.seq).filter((d) => (q.year === null || d.year === q.year) && older(d));
    const read = rows.slice(0, q.scan);
    const found = read.filter(q.matches);
    const shown = found.slice(0, q.limit);
    const last = shown.at(-1);
    const more =
      found.length > q.limit && last ? { year: last.year, seq: last.seq } : rows.length > read.length ? { year: read.at(-1)!.year, seq: read.at(-1)!.seq } : null;
    return { decisions: shown, more, scanned: read.length };
  }

  async get(org: string, group: string, year: number, seq: number) {
    return Promise.resolve(this.decisions.get(this.key(org, group, year, seq)) ?? null);
  }

  versions = notUsed('versions');
  openForankring = notUsed('openForankring');

  async saveVersion(decision: Decision, etag: string) {
    const key = this.key(decision.org, decision.group, decision.year, decision.seq);
    if (this.decisions.get(key)?.etag !== etag) return Promise.resolve(fail('conflict'));
    this.decisions.set(key, { decision, etag: this.nextEtag() });
    return Promise.resolve(ok(undefined));
  }

  async queue(org: string, group: string) {
    return Promise.resolve([...this.queued.entries()].filter(([k]) => k.startsWith(`${org}|${group}|`)).map(([, q]) => q));
  }

  async dequeue(org: string, group: string, decision: { year: number; seq: number }) {
    this.queued.delete(this.key(org, group, decision.year, decision.seq));
    return Promise.resolve();
  }

  async pendingForankring(org: string, holder: string) {
    return Promise.resolve(
      [...this.decisions.values()]
        .map((d) => d.decision)
        .filter((d) => d.org === org && d.retracted === null && d.forankring.some((f) => f.holder === holder && f.status === 'pending'))
        .map((d) => ({ group: d.group, number: d.number, title: d.title })),
    );
  }

  async minutes(org: string, group: string, meetingId: string) {
    return Promise.resolve(this.minutesRows.get(`${org}|${group}|${meetingId}`) ?? null);
  }

  async saveMinutes(m: Minutes, etag: string | null) {
    const key = `${m.org}|${m.group}|${m.meetingId}`;
    const current = this.minutesRows.get(key);
    if ((etag === null && current !== undefined) || (etag !== null && current?.etag !== etag)) return Promise.resolve(fail('conflict'));
    this.minutesRows.set(key, { minutes: m, etag: this.nextEtag() });
    this.minutesHistory.push(m);
    return Promise.resolve(ok(undefined));
  }

  async listMinutes(org: string, group: string) {
    return Promise.resolve(this.minutesHistory.filter((m) => m.org === org && m.group === group && (m.status === 'approved' || m.status === 'published')));
  }
}

/** Group records and meetings in memory; every other method of the port throws. */
export class InMemoryGroupState implements GroupStateRepository {
  readonly records = new Map<string, GroupRecord>();
  readonly meetings = new Map<string, Meeting>();

  async groups(_org: string, groups: readonly string[]) {
    return Promise.resolve(new Map(groups.flatMap((g) => (this.records.has(g) ? [[g, this.records.get(g)!] as const] : []))));
  }

  async meeting(org: string, group: string, id: string) {
    const m = this.meetings.get(`${org}|${group}|${id}`);
    return Promise.resolve(m === undefined ? null : { meeting: m, version: 'v1' });
  }

  async saveMeeting(meeting: Meeting) {
    this.meetings.set(`${meeting.org}|${meeting.group}|${meeting.id}`, meeting);
    return Promise.resolve(ok('v2'));
  }

  wholeOrg = notUsed('wholeOrg');
  currentGroups = notUsed('currentGroups');
  meetingsBetween = notUsed('meetingsBetween');
  createMeetingFromForm = notUsed('createMeetingFromForm');
  openMeetingForm = notUsed('openMeetingForm');
  overview = notUsed('overview');
  recordTerm = notUsed('recordTerm');
  saveMember = notUsed('saveMember');
}

/** Answers per meeting; written input is not used here. */
export class InMemoryMeetingInputs implements MeetingInputRepository {
  readonly answers: AttendanceAnswer[] = [];
  async load() {
    return Promise.resolve({ answers: [...this.answers], inputs: [] });
  }
  saveAnswer = notUsed('saveAnswer');
  saveInputs = notUsed('saveInputs');
  history = notUsed('history');
}

/** One token per group and purpose; `rotate` makes new ones. */
export class InMemoryTokens implements CalendarTokenStore {
  rotations = 0;
  async tokenFor(org: string, group: string, purpose: 'ics' | 'export' = 'ics') {
    return Promise.resolve(`${purpose}-${org}-${group}-${this.rotations}`);
  }
  resolve = notUsed('resolve');
  async rotate() {
    this.rotations++;
    return Promise.resolve();
  }
}

/** Personal chats that record what was delivered; the people in `unreachable` have none. */
export class RecordingChats<M> implements PersonalChats<M> {
  readonly delivered: { to: string; message: M }[] = [];
  constructor(private readonly unreachable: readonly string[] = []) {}
  async deliver(aadObjectId: string, message: M) {
    if (this.unreachable.includes(aadObjectId)) return Promise.resolve(false);
    this.delivered.push({ to: aadObjectId, message });
    return Promise.resolve(true);
  }
  async reach(aadObjectId: string, message: M) {
    return (await this.deliver(aadObjectId, message)) ? ('delivered' as const) : ('no-chat' as const);
  }
}

/** People in LGS (Göteborgsområdet): the process leader, the chair, two members and an outsider. */
export const PEOPLE = {
  processLeader: 'aaaaaaaa-0000-0000-0000-000000000001',
  chair: 'aaaaaaaa-0000-0000-0000-000000000002',
  member: 'aaaaaaaa-0000-0000-0000-000000000003',
  absentMember: 'aaaaaaaa-0000-0000-0000-000000000004',
  outsider: 'aaaaaaaa-0000-0000-0000-000000000005',
} as const;

/** A user of Göteborgsområdet with the given roles in LGS (none: an outsider without memberships). */
export function lgsUser(aadObjectId: string, roles: readonly ('member' | 'processLeader')[]): UserContext {
  return {
    aadObjectId,
    preferredLocale: null,
    memberships: roles.length === 0 ? [] : [{ org: 'goteborgsomradet', group: 'lgs', party: 'goteborgs-stad', roles }],
    adminOf: [],
    globalAdmin: false,
  };
}

const member = (aadObjectId: string, displayName: string, roles: GroupMember['roles']): GroupMember => ({ aadObjectId, displayName, party: 'goteborgs-stad', roles });

/** LGS's record: the roster and, unless `withChair` is false, a chair term for 2026–2027. */
export function lgsRecord(withChair = true): GroupRecord {
  const chairTerm: Term = {
    id: 't1',
    org: 'goteborgsomradet',
    group: 'lgs',
    role: 'chair',
    holder: { aadObjectId: PEOPLE.chair, displayName: 'Ordförande Olsson', party: 'goteborgs-stad', principal: 'kommun' },
    start: '2026-01-01',
    plannedEnd: '2027-12-31',
    actualEnd: null,
    origin: 'rotation',
    replaces: null,
    exception: null,
    recordedBy: PEOPLE.processLeader,
    recordedAt: '2025-12-01T10:00:00.000Z',
  };
  return {
    group: 'lgs',
    terms: withChair ? [chairTerm] : [],
    members: [
      member(PEOPLE.processLeader, 'Processledare Persson', ['member', 'processLeader']),
      member(PEOPLE.chair, 'Ordförande Olsson', ['member']),
      member(PEOPLE.member, 'Ledamot Lind', ['member']),
      member(PEOPLE.absentMember, 'Ledamot Berg', ['member']),
    ],
    meetings: [],
    version: 'v1',
  };
}

/** A held LGS meeting with one decision item. */
export const LGS_MEETING: Meeting = {
  id: '2026-12-08-0a1b2c3d',
  org: 'goteborgsomradet',
  group: 'lgs',
  date: '2026-12-08',
  startsAt: '2026-12-08T12:00:00.000Z',
  title: 'LGS',
  cancelled: false,
  place: 'Teams',
  agenda: [{ id: 'p1-abcd', title: 'Årsrapport', kind: 'beslut', presenter: 'PL', minutes: 20, documents: [], source: null, withdrawn: false }],
  revision: 0,
  status: 'held',
  cutoffHours: 24,
  posted: null,
  summaries: {},
  createdBy: PEOPLE.processLeader,
};

/** Every port the decision and minutes use cases need, with LGS's record and meeting stored. */
export function lgsPorts(options: { withChair?: boolean; unreachable?: readonly string[] } = {}) {
  const groupState = new InMemoryGroupState();
  groupState.records.set('lgs', lgsRecord(options.withChair ?? true));
  groupState.meetings.set(`goteborgsomradet|lgs|${LGS_MEETING.id}`, LGS_MEETING);
  return {
    catalog: new OrgCatalog([GBG]),
    groupState,
    decisions: new InMemoryDecisions(),
    meetingInputs: new InMemoryMeetingInputs(),
    calendarTokens: new InMemoryTokens(),
    personal: new RecordingChats<string>(options.unreachable ?? []),
  };
}
