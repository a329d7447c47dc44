import { upcomingDeadlines, type GroupCycleState } from '../../src/domain/annualCycle';
import { editFor, withCycleEdits, yearOfKey } from '../../src/domain/cycleEdits';
import type { CycleEdit } from '../../src/domain/organisation';
import { GBG, group } from '../helpers/shippedOrgs';

/**
 * Årshjul edits made in Teams (src/domain/cycleEdits.ts) as input to the pure occurrence
 * computation: confirmed dates lose the "förslag" label, moved dates still move off holidays,
 * removed ones are gone for that year only, and a group's own edit beats the organisation's.
 */
const EMPTY: GroupCycleState = { members: [], terms: [], meetings: [] };
const HISINGEN = group(GBG, 'nosam-hisingen');
const base = { by: 'aad-pl', group: 'nosam-hisingen' as string | null };
const at = (n: number) => `2026-11-22T10:00:0${n}.000Z`;

const lines = (edits: readonly CycleEdit[], from = '2026-11-22', to = '2027-12-31') =>
  upcomingDeadlines(withCycleEdits(GBG, edits), HISINGEN, EMPTY, from, to)
    .filter((o) => /^(halvarsrapport|arsrapport-till-lgs|extra-)/.test(o.key))
    .map((o) => `${o.deadline} ${o.key} ${o.item.status}${o.movedFrom ? ` moved:${o.movedFrom}` : ''}${o.changedFrom ? ` changed:${o.changedFrom}` : ''}`);

describe('årshjul edits', () => {
  it('without edits the shipped dates are proposals', () => {
    expect(lines([], '2026-11-22', '2027-02-28')).toEqual([
      '2026-12-15 halvarsrapport|2026-12-15 proposal',
      '2027-02-01 arsrapport-till-lgs|2027-01-31 proposal moved:2027-01-31',
    ]);
  });

  it('confirm, move (holiday move still applies) and remove act on that year only', () => {
    const edits: CycleEdit[] = [
      { ...base, id: '1', at: at(1), year: 2026, kind: 'move', target: 'halvarsrapport|2026-12-15', date: '2026-11-28' },
      { ...base, id: '2', at: at(2), year: 2027, kind: 'confirm', target: 'arsrapport-till-lgs|2027-01-31' },
      { ...base, id: '3', at: at(3), year: 2027, kind: 'remove', target: 'halvarsrapport|2027-06-30' },
    ];
    expect(lines(edits)).toEqual([
      '2026-11-30 halvarsrapport|2026-12-15 confirmed moved:2026-11-28 changed:2026-12-15',
      '2027-02-01 arsrapport-till-lgs|2027-01-31 confirmed moved:2027-01-31',
      '2027-12-15 halvarsrapport|2027-12-15 proposal',
    ]);
  });

  it("the latest edit wins, and a group's own edit beats the organisation's", () => {
    const target = 'halvarsrapport|2026-12-15';
    const edits: CycleEdit[] = [
      { ...base, id: '1', at: at(1), year: 2026, kind: 'remove', target },
      { ...base, id: '2', at: at(2), year: 2026, kind: 'confirm', target },
      { ...base, group: null, id: '3', at: at(3), year: 2026, kind: 'move', target, date: '2026-12-01' },
    ];
    expect(editFor(edits, 'nosam-hisingen', target)?.id).toBe('2');
    expect(editFor(edits, 'nosam-centrum', target)?.id).toBe('3');
    expect(editFor(edits, 'nosam-centrum', 'halvarsrapport|2027-06-30')).toBeNull();
  });

  it('a one-off item is a confirmed date for its group, or every group when organisation-wide', () => {
    const add: CycleEdit = {
      ...base,
      id: '1',
      at: at(1),
      year: 2027,
      kind: 'add',
      item: 'extra-remiss',
      date: '2027-01-16',
      title: 'Remissvar',
      audience: ['processLeader'],
      remindDaysBefore: [7],
    };
    expect(lines([add], '2027-01-01', '2027-01-31')).toEqual(['2027-01-18 extra-remiss|2027-01-16 confirmed moved:2027-01-16']);
    const centrum = group(GBG, 'nosam-centrum');
    expect(upcomingDeadlines(withCycleEdits(GBG, [add]), centrum, EMPTY, '2027-01-01', '2027-01-31').map((o) => o.key)).not.toContain('extra-remiss|2027-01-16');
    expect(upcomingDeadlines(withCycleEdits(GBG, [{ ...add, group: null }]), centrum, EMPTY, '2027-01-01', '2027-01-31').map((o) => o.key)).toContain(
      'extra-remiss|2027-01-16',
    );
  });

  it('only occurrences keyed by a date have a year to edit', () => {
    expect([yearOfKey('halvarsrapport|2026-12-15'), yearOfKey('protokoll|meeting:m1'), yearOfKey('slut|term:t1')]).toEqual([2026, null, null]);
  });
});
