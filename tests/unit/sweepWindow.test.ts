import { dueReminders, type GroupCycleState } from '../../src/domain/annualCycle';
import { addDays } from '../../src/domain/calendarDate';
import type { Term } from '../../src/domain/chairTerms';
import type { PlannedMeeting } from '../../src/domain/meetings';
import type { Organisation } from '../../src/domain/organisation';
import { meetingWindow } from '../../src/scheduler/window';
import { GBG, SAMLA } from '../helpers/shippedOrgs';

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The shipped organisation with one more item that needs the year's last meeting (none of the shipped files has one). */
function withLastMeetingItem(org: Organisation): Organisation {
  const template = org.annualCycle[0];
  return {
    ...org,
    annualCycle: [...org.annualCycle, { ...template, id: 'val-sista-motet', schedule: { kind: 'last-meeting-of-year', daysBefore: 21 }, remindDaysBefore: [30, 7] }],
  };
}

/** Ten years of meetings (every other month, a cancelled one now and then) and a term ending each year, per group. */
function history(org: Organisation): Map<string, GroupCycleState> {
  const groups = new Map<string, GroupCycleState>();
  org.groups.forEach((group, g) => {
    const meetings: PlannedMeeting[] = [];
    for (let y = 2017; y <= 2028; y++)
      for (let m = 1 + (g % 2); m <= 12; m += 2) {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(5 + ((g * 3 + m) % 20)).padStart(2, '0')}`;
        meetings.push({ id: `m-${date}`, org: org.id, group: group.id, date, startsAt: `${date}T08:00:00Z`, title: 'Möte', cancelled: (y + m + g) % 11 === 0 });
      }
    const chair = guid(g * 10 + 1);
    const terms: Term[] = [2025, 2026, 2027].map((y) => ({
      id: `t${y}`,
      org: org.id,
      group: group.id,
      role: 'chair',
      holder: { aadObjectId: chair, displayName: 'Ordförande', party: org.parties[0].id, principal: org.parties[0].principal },
      start: `${y}-01-01`,
      plannedEnd: `${y}-12-31`,
      actualEnd: null,
      origin: 'rotation',
      replaces: null,
      exception: null,
      recordedBy: 'test',
      recordedAt: `${y}-01-01T00:00:00Z`,
    }));
    const members = [
      { aadObjectId: chair, displayName: 'Ordförande', party: org.parties[0].id, roles: ['member' as const] },
      { aadObjectId: guid(g * 10 + 2), displayName: 'Processledare', party: null, roles: ['processLeader' as const] },
      { aadObjectId: guid(g * 10 + 3), displayName: 'Ledamot', party: org.parties[0].id, roles: ['member' as const] },
    ];
    groups.set(`${org.id}|${group.id}`, { members, terms, meetings });
  });
  return groups;
}

/** What the sweep holds on `today`: terms in force from today on, meetings in the window. */
function windowed(org: Organisation, groups: Map<string, GroupCycleState>, today: string): Map<string, GroupCycleState> {
  const w = meetingWindow(org, today);
  return new Map(
    [...groups].map(([k, g]) => [
      k,
      { ...g, terms: g.terms.filter((t) => (t.actualEnd ?? t.plannedEnd) >= today), meetings: g.meetings.filter((m) => m.date >= w.from && m.date <= w.to) },
    ]),
  );
}

describe('the sweep reads what is due', () => {
  it.each([
    ['Göteborgsområdet', withLastMeetingItem(GBG)],
    ['SAMLA', withLastMeetingItem(SAMLA)],
  ])('%s: the reminders due from the window equal those from the whole history, on every other day of 2026 and 2027 and every day around New Year', (_name, org) => {
    const full = history(org);
    let compared = 0;
    for (let today = '2026-01-01'; today <= '2027-12-31'; today = addDays(today, today.slice(5) >= '12-10' || today.slice(5) <= '01-20' ? 1 : 2)) {
      const ids = (groups: Map<string, GroupCycleState>) =>
        dueReminders({ orgs: [org], groups, done: new Set(), acknowledged: new Set() }, today)
          .map((r) => `${r.id}|${JSON.stringify(r.meetingCount)}`)
          .sort();
      const expected = ids(full);
      expect(ids(windowed(org, full, today))).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1_000);
  });

  it('keeps at most about two calendar years of meetings, whatever the history', () => {
    for (const today of ['2026-01-01', '2026-06-15', '2026-12-31']) {
      const w = meetingWindow(withLastMeetingItem(GBG), today);
      expect(w.from >= addDays(today, -400)).toBe(true);
      expect(w.to <= addDays(today, 750)).toBe(true);
    }
    expect(meetingWindow(GBG, '2026-09-15')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
