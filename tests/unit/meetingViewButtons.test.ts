import { meetingViewCard } from '../../src/cards/meetingCards';
import type { Brief, Meeting } from '../../src/domain/meetings';
import { cardActions, cardTexts as textsOf } from '../helpers/cards';
import { GBG, group } from '../helpers/shippedOrgs';

/** The meeting view (`möten`): every step has a button where the person is. */
const LGS = group(GBG, 'lgs');
const REF = 'goteborgsomradet/lgs/2026-12-08-0a1b2c3d';
const meeting: Meeting = {
  id: '2026-12-08-0a1b2c3d',
  org: 'goteborgsomradet',
  group: 'lgs',
  date: '2026-12-08',
  startsAt: '2026-12-08T12:00:00.000Z',
  title: 'LGS',
  cancelled: false,
  place: 'Rådhuset',
  revision: 0,
  status: 'planned',
  cutoffHours: 48,
  posted: null,
  summaries: {},
  createdBy: 'pl',
  agenda: [{ id: 'p1-aaaa', title: 'Budget', kind: 'beslut', presenter: 'PL', minutes: 45, documents: [], source: null, withdrawn: false }],
};
const brief: Brief = { perItem: [], general: [], absentWithInput: [], absentWithoutInput: [], attending: 1, absent: 0, noAnswer: 2, notAnswered: ['Bo Berg', 'Cilla'] };
const cardTexts = (c: unknown) => textsOf(c as Record<string, unknown>);
const titlesAndCommands = (c: unknown) =>
  cardActions(c as Record<string, unknown>).map(([title, data]) => [
    title,
    (data as { command?: string; verb?: string }).command ?? (data as { verb?: string }).verb ?? '',
  ]);

describe('the meeting view', () => {
  it('shows a member the end time, the input deadline, their own answer and the three answer buttons', () => {
    const c = meetingViewCard(GBG, LGS, meeting, brief, { lead: false, brief: false, member: true }, 'sv', 'absent');
    expect(cardTexts(c).slice(1, 7)).toEqual([
      'Tid: tis 8 dec. 2026 13:00–13:45',
      'Plats: Rådhuset',
      'Synpunkter senast: sön 6 dec. 2026 13:00',
      'Status: Planerat',
      'Närvaro: 1 kommer, 0 har förhinder, 2 har inte svarat.',
      'Ditt svar: Förhinder',
    ]);
    expect(cardTexts(c)).not.toContain('Har inte svarat: Bo Berg, Cilla');
    expect(titlesAndCommands(c)).toEqual([
      ['Jag kommer', ''],
      ['Förhinder', ''],
      ['Synpunkter', `synpunkter ${REF}`],
    ]);
  });

  it('shows leads who has not answered, and no answer yet for themselves', () => {
    const c = meetingViewCard(GBG, LGS, meeting, brief, { lead: true, brief: true, member: true }, 'sv', null);
    expect(cardTexts(c)).toContain('Ditt svar: Inget svar ännu');
    expect(cardTexts(c)).toContain('Har inte svarat: Bo Berg, Cilla');
  });

  it('gives leads Minnesanteckningar and Registrera beslut once held, and Publicera once the minutes are approved', () => {
    const held = meetingViewCard(GBG, LGS, { ...meeting, status: 'held' }, brief, { lead: true, brief: true, member: true }, 'sv', 'attending');
    expect(titlesAndCommands(held)).toEqual([
      ['Sammanställning', `sammanställning ${REF}`],
      ['Registrera beslut', `registrera ${REF}`],
      ['Minnesanteckningar', `minnesanteckningar ${REF}`],
    ]);
    expect(cardTexts(held).find((x) => x.startsWith('Synpunkter senast'))).toBeUndefined();
    const approved = meetingViewCard(GBG, LGS, { ...meeting, status: 'minutes-approved' }, brief, { lead: true, brief: true, member: true }, 'sv', 'attending');
    const publish = (approved.actions ?? []).at(-1) as { type: string; title: string; card: { body: { id: string }[]; actions: { data: unknown }[] } };
    expect([publish.type, publish.title, publish.card.body[0]?.id, publish.card.actions[0]?.data]).toEqual([
      'Action.ShowCard',
      'Publicera',
      'url',
      { verb: 'command', command: `publicera ${REF}` },
    ]);
  });
});
