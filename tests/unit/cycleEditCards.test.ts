import { cycleChangedText } from '../../src/cards/cycleEditCards';
import { upcomingDeadlines } from '../../src/domain/annualCycle';
import { GBG, group } from '../helpers/shippedOrgs';

const HISINGEN = group(GBG, 'nosam-hisingen');
const EMPTY = { members: [], terms: [], meetings: [] };

describe('cycleChangedText', () => {
  it('reads the dates like the årshjul card, in English too; the moved-off day without its weekday, which the reason names', () => {
    // 31 January 2027 is a Sunday: the deadline moves to Monday 1 February.
    const moved = upcomingDeadlines(GBG, HISINGEN, EMPTY, '2027-01-01', '2027-02-28').find((o) => o.key === 'arsrapport-till-lgs|2027-01-31')!;
    const r = { what: 'Annual report', proposed: '2027-01-31', occurrence: moved, group: 'NOSAM Hisingen', date: '2027-01-31' };
    expect(cycleChangedText({ ...r, kind: 'confirm' }, 'en')).toBe(
      'Confirmed: Annual report Mon, 1 Feb 2027 for NOSAM Hisingen. 31 Jan 2027 is Sunday (Swedish calendar), so the deadline is Mon, 1 Feb 2027.',
    );
    expect(cycleChangedText({ ...r, kind: 'remove', occurrence: null }, 'sv')).toBe('Borttaget för i år: Annual report sön 31 jan. 2027 för NOSAM Hisingen.');
  });
});
