import type { Occurrence, Reminder } from '../../src/domain/annualCycle';
import { calendarFeed } from '../../src/app/annualCycle';
import { cycleCard, reminderCard } from '../../src/cards/reminderCards';
import type { CycleItem } from '../../src/domain/organisation';
import { cardActions, cardTexts } from '../helpers/cards';
import { GBG, group } from '../helpers/shippedOrgs';

const LGS = group(GBG, 'lgs');
const REPORT = GBG.annualCycle.find((i) => i.id === 'lgs-arsrapport')!;

const occurrence = (over: Partial<Occurrence> = {}): Occurrence => ({
  org: GBG,
  group: LGS,
  // A date the organisation has confirmed; proposals are tested on their own below.
  item: { ...REPORT, status: 'confirmed' },
  key: 'lgs-arsrapport|2027-05-31',
  deadline: '2027-05-31',
  movedFrom: null,
  ...over,
});
const reminder = (over: Partial<Reminder> = {}): Reminder => ({
  id: 'x',
  occurrence: occurrence(),
  offset: 14,
  daysLeft: 14,
  recipient: 'aad',
  roles: ['chair', 'processLeader'],
  meetingCount: null,
  ...over,
});
const asRecord = (c: unknown) => c as Record<string, unknown>;

describe('reminderCard', () => {
  it('labels a date nobody has decided as a proposal, never as a deadline', () => {
    const card = asRecord(reminderCard(reminder({ occurrence: occurrence({ item: { ...REPORT, status: 'proposal' } }) }), 'sv'));
    expect(cardTexts(card)).toEqual([
      'Påminnelse: LGS årsrapport',
      'Grupp: LGS',
      'Föreslaget datum: mån 31 maj 2027 (förslag – inte fastställt)',
      'Dagar kvar: 14',
      'Du får den som: ordförande, processledare',
      'Datumet är ett förslag och inte fastställt: dokumenten nämner uppgiften men inte datumet. Gruppen bestämmer när den ska vara klar.',
    ]);
  });

  it('shows what, the group, the deadline, days left and the roles, in Swedish', () => {
    const card = asRecord(reminderCard(reminder(), 'sv'));
    expect(cardTexts(card)).toEqual([
      'Påminnelse: LGS årsrapport',
      'Grupp: LGS',
      'Sista dag: mån 31 maj 2027',
      'Dagar kvar: 14',
      'Du får den som: ordförande, processledare',
    ]);
    expect(card.lang).toBe('sv-SE');
    expect(card.fallbackText).toBe('Påminnelse: LGS årsrapport');
  });

  it("names the vice chair's term on the vice's term-end reminder, not the chair's", () => {
    const vice = reminder({ occurrence: occurrence({ post: 'viceChair' }), roles: ['viceChair'] });
    expect(cardTexts(asRecord(reminderCard(vice, 'sv')))[0]).toBe('Påminnelse: Vice ordförandens period löper ut – förbered nästa vice ordförande');
    expect(cardTexts(asRecord(reminderCard(vice, 'en')))[0]).toBe("Reminder: The vice chair's term ends – prepare the next vice chair");
  });

  it('says "today" on the deadline and names the roles in English', () => {
    expect(cardTexts(asRecord(reminderCard(reminder({ daysLeft: 0, roles: ['viceChair', 'members'] }), 'en')))).toEqual([
      'Reminder: LGS annual report',
      'Group: LGS',
      'Deadline: Mon, 31 May 2027',
      'Days left: today',
      'You get it as: vice chair, member',
    ]);
  });

  it('explains a deadline moved off a holiday, and a meeting count below the minimum', () => {
    const moved = reminder({ occurrence: occurrence({ deadline: '2026-12-28', movedFrom: '2026-12-26' }), meetingCount: { planned: 1, minimum: 4 } });
    expect(cardTexts(asRecord(reminderCard(moved, 'sv'))).slice(-2)).toEqual([
      'Flyttad från 26 dec. 2026 (annandag jul).',
      'Gruppen har 1 planerat möte under perioden, och dokumenten anger minst 4. Planera fler möten.',
    ]);
  });

  it('names the holiday a deadline moved off in English on an English card', () => {
    const moved = reminder({ occurrence: occurrence({ deadline: '2026-12-28', movedFrom: '2026-12-26' }) });
    expect(cardTexts(asRecord(reminderCard(moved, 'en'))).slice(-1)).toEqual(['Moved from 26 Dec 2026 (Boxing Day).']);
    const weekend = reminder({ occurrence: occurrence({ deadline: '2027-05-31', movedFrom: '2027-05-29' }) });
    expect(cardTexts(asRecord(reminderCard(weekend, 'en'))).slice(-1)).toEqual(['Moved from 29 May 2027 (Saturday).']);
    expect(cardTexts(asRecord(reminderCard(weekend, 'sv'))).slice(-1)).toEqual(['Flyttad från 29 maj 2027 (lördag).']);
  });

  it('offers "done" and "seen" with the occurrence they answer', () => {
    const data = { org: 'goteborgsomradet', group: 'lgs', occurrence: 'lgs-arsrapport|2027-05-31', deadline: '2027-05-31' };
    expect(cardActions(asRecord(reminderCard(reminder(), 'sv')))).toEqual([
      ['Klart', { verb: 'reminderDone', ...data }],
      ['Sett – påminn inte mig', { verb: 'reminderAck', ...data }],
    ]);
  });

  it('shows a title typed with markdown literally', () => {
    const item: CycleItem = { ...REPORT, title: { sv: '**Viktigt** [här](https://x)', en: 'x' } };
    expect(cardTexts(asRecord(reminderCard(reminder({ occurrence: occurrence({ item }) }), 'sv')))[0]).toBe('Påminnelse: \\*\\*Viktigt\\*\\* \\[här\\](https://x)');
  });
});

describe('cycleCard', () => {
  it('lists the coming deadlines, a moved one with its nominal date, and the calendar link', () => {
    const card = asRecord(cycleCard('LGS', [occurrence(), occurrence({ deadline: '2026-12-28', movedFrom: '2026-12-26' })], 'https://bot/ics/abc', 'sv'));
    expect(cardTexts(card)).toEqual([
      'Årshjul – LGS',
      'mån 31 maj 2027: LGS årsrapport',
      'mån 28 dec. 2026: LGS årsrapport (flyttad från 26 dec. 2026, annandag jul)',
      'Kalenderlänk (lägg till i Outlook via "Lägg till kalender" → "Från internet"): https://bot/ics/abc',
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Prenumerera i Outlook', url: 'https://bot/ics/abc' }]);
  });

  it('gives the holiday a deadline moved off in English on an English card', () => {
    const card = asRecord(cycleCard('LGS', [occurrence({ deadline: '2026-12-28', movedFrom: '2026-12-26' })], null, 'en'));
    expect(cardTexts(card)).toEqual(['Annual cycle – LGS', 'Mon, 28 Dec 2026: LGS annual report (moved from 26 Dec 2026, Boxing Day)']);
  });

  it("says whose term ends: the chair's and the vice's on their own lines, one line when they end the same day", () => {
    const TERM_END = GBG.annualCycle.find((i) => i.id === 'ordforandeperiod-slutar')!;
    const ends = (post: 'chair' | 'viceChair', deadline: string) =>
      occurrence({ item: TERM_END, key: `ordforandeperiod-slutar|term:${post}${deadline}`, deadline, post });
    expect(cardTexts(asRecord(cycleCard('LGS', [ends('viceChair', '2026-06-30'), ends('chair', '2026-12-31')], null, 'sv'))).slice(1)).toEqual([
      'tis 30 juni 2026: Vice ordförandens period löper ut – förbered nästa vice ordförande',
      'tors 31 dec. 2026: Ordförandens period löper ut – förbered nästa ordförande',
    ]);
    expect(cardTexts(asRecord(cycleCard('LGS', [ends('chair', '2026-12-31'), ends('viceChair', '2026-12-31')], null, 'en'))).slice(1)).toEqual([
      "Thu, 31 Dec 2026: The chair's and vice chair's terms end – prepare the next chair and vice chair",
    ]);
  });

  it("the calendar feed names term ends as the card does: one event each, one event when both end the same day (with the chair's identity)", () => {
    const TERM_END = GBG.annualCycle.find((i) => i.id === 'ordforandeperiod-slutar')!;
    const ends = (post: 'chair' | 'viceChair', deadline: string) =>
      occurrence({ item: TERM_END, key: `ordforandeperiod-slutar|term:${post}-${deadline}`, deadline, post });
    const events = (list: Occurrence[]) =>
      calendarFeed(GBG, LGS, list, new Date('2026-03-01T00:00:00Z'))
        .replace(/\r\n /g, '')
        .split('\r\n')
        .filter((l) => l.startsWith('SUMMARY:') || l.startsWith('UID:') || l.startsWith('DTSTART'));
    expect(events([ends('viceChair', '2026-06-30'), ends('chair', '2026-12-31')])).toEqual([
      'UID:goteborgsomradet.lgs.ordforandeperiod-slutar-term-viceChair-2026-06-30@samverkansboten',
      'DTSTART;VALUE=DATE:20260630',
      'SUMMARY:Vice ordförandens period löper ut – förbered nästa vice ordförande – LGS',
      'UID:goteborgsomradet.lgs.ordforandeperiod-slutar-term-chair-2026-12-31@samverkansboten',
      'DTSTART;VALUE=DATE:20261231',
      'SUMMARY:Ordförandens period löper ut – förbered nästa ordförande – LGS',
    ]);
    expect(events([ends('viceChair', '2026-12-31'), ends('chair', '2026-12-31')])).toEqual([
      'UID:goteborgsomradet.lgs.ordforandeperiod-slutar-term-chair-2026-12-31@samverkansboten',
      'DTSTART;VALUE=DATE:20261231',
      'SUMMARY:Ordförandens och vice ordförandens perioder löper ut – förbered nästa ordförande och vice ordförande – LGS',
    ]);
  });

  it("writes the calendar feed in the organisation's language: English for an organisation with language: en", () => {
    const TERM_END = GBG.annualCycle.find((i) => i.id === 'ordforandeperiod-slutar')!;
    const moved = occurrence({ item: TERM_END, key: 'ordforandeperiod-slutar|term:chair-2026-12-28', deadline: '2026-12-28', movedFrom: '2026-12-26', post: 'chair' });
    const lines = calendarFeed({ ...GBG, language: 'en' }, LGS, [moved], new Date('2026-03-01T00:00:00Z'))
      .replace(/\r\n /g, '')
      .split('\r\n')
      .filter((l) => l.startsWith('SUMMARY:') || l.startsWith('DESCRIPTION:') || l.startsWith('X-WR-CALNAME:'));
    expect(lines).toEqual([
      'X-WR-CALNAME:Annual cycle – LGS (Göteborgsområdet)',
      "SUMMARY:The chair's term ends – prepare the next chair – LGS",
      `DESCRIPTION:Annual cycle of ${LGS.name}: The chair's term ends – prepare the next chair. Deadline 2026-12-28. Moved from 2026-12-26 (Boxing Day).`,
    ]);
  });

  it('says so when nothing is coming, and offers no link without one', () => {
    const card = asRecord(cycleCard('LGS', [], null, 'en'));
    expect(cardTexts(card)).toEqual(['Annual cycle – LGS', 'No upcoming annual-cycle dates for the group in the coming year.']);
    expect(card.actions).toBeUndefined();
  });
});
