import { agendaCard, catchUpCard, closeCard, inputCard, inputReminderCard, meetingFormCard, meetingViewCard } from '../../src/cards/meetingCards';
import type { Brief, Meeting } from '../../src/domain/meetings';
import { cardActions, cardInputs, cardTexts as textsOf } from '../helpers/cards';
import { GBG, group } from '../helpers/shippedOrgs';

/**
 * The meeting card builders (src/cards/meetingCards.ts) on their own: what a person reads and
 * which buttons and fields they get, with the data each submission carries back.
 */

const cardTexts = (c: unknown) => textsOf(c as Record<string, unknown>);
const actions = (c: unknown) => cardActions(c as Record<string, unknown>);
const inputs = (c: unknown) => cardInputs(c as Record<string, unknown>);
const LGS = group(GBG, 'lgs');

// 12:00 UTC on 8 December is 13:00 in Stockholm (CET); the default 24-hour cut-off is 13:00 the day before.
const meeting: Meeting = {
  id: '2026-12-08-0a1b2c3d',
  org: 'goteborgsomradet',
  group: 'lgs',
  date: '2026-12-08',
  startsAt: '2026-12-08T12:00:00.000Z',
  title: 'LGS',
  cancelled: false,
  place: 'Rådhuset',
  revision: 1,
  status: 'planned',
  cutoffHours: 24,
  posted: null,
  summaries: { 'p3-cccc': 'Noterat' },
  createdBy: 'pl',
  agenda: [
    {
      id: 'p1-aaaa',
      title: 'Budget',
      kind: 'beslut',
      presenter: 'PL',
      minutes: 15,
      documents: [{ title: 'budget.pdf', url: 'https://example.se/budget.pdf' }],
      source: null,
      withdrawn: false,
    },
    { id: 'p2-bbbb', title: 'Gammal punkt', kind: 'information', presenter: 'PL', minutes: 5, documents: [], source: null, withdrawn: true },
    { id: 'p3-cccc', title: 'SIP', kind: 'diskussion', presenter: 'Anna', minutes: 20, documents: [], source: 'Återremitterat LGS 2026:2', withdrawn: false },
  ],
};
const DATA = { org: 'goteborgsomradet', group: 'lgs', meetingId: '2026-12-08-0a1b2c3d' };

describe('the agenda card', () => {
  it('shows time, place, items (a withdrawn one struck), the counts and the one-tap answers', () => {
    const c = agendaCard(GBG, LGS, meeting, { attending: 3, absent: 1 }, 'sv', 'Reviderad (version 2): ny plats Rådhuset (var Teams).');
    expect(cardTexts(c)).toEqual([
      'Dagordning – LGS',
      'Tid: tis 8 dec. 2026 13:00–13:35',
      'Plats: Rådhuset',
      'Synpunkter senast: mån 7 dec. 2026 13:00',
      'Status: Planerat',
      'Reviderad (version 2): ny plats Rådhuset (var Teams).',
      '**1. Budget**',
      'Beslut · föredragande PL · 15 min · [budget.pdf](https://example.se/budget.pdf)',
      '2. Gammal punkt (utgår)',
      'Information · föredragande PL · 5 min',
      '**3. SIP**',
      'Diskussion · föredragande Anna · 20 min · ursprung: Återremitterat LGS 2026:2',
      '3 kommer · 1 har förhinder',
    ]);
    expect(actions(c)).toEqual([
      ['Jag kommer', DATA],
      ['Förhinder', DATA],
      ['Synpunkter', { verb: 'command', command: 'synpunkter goteborgsomradet/lgs/2026-12-08-0a1b2c3d' }],
    ]);
  });

  it('an empty agenda says so, in English too', () => {
    const c = agendaCard(GBG, LGS, { ...meeting, agenda: [] }, { attending: 0, absent: 0 }, 'en', null);
    expect(cardTexts(c).slice(5)).toEqual(['The agenda is not ready yet.', '0 attending · 0 absent']);
  });
});

describe('the meeting form', () => {
  it('a new meeting: empty rows, matters sent back first, the form key in the data, no withdraw toggles', () => {
    const queued = [{ title: 'Rutin för SIP', origin: { kind: 'sent-back' as const, decision: { year: 2026, seq: 2 } } }];
    const c = meetingFormCard('goteborgsomradet', LGS, null, null, 'sv', GBG.timeZone, 'ab'.repeat(12), queued);
    const fields = inputs(c);
    expect([fields.date.value, fields.time.value, fields.place.value, fields.cutoffHours.value]).toEqual(['', '13:00', '', 24]);
    expect([fields.title_0.value, fields.source_0.value, fields.title_1.value]).toEqual(['Rutin för SIP', 'Återremitterat LGS 2026:2', '']);
    expect(Object.keys(fields).filter((k) => k.startsWith('title_'))).toHaveLength(8);
    expect(Object.keys(fields).filter((k) => k.startsWith('withdrawn_'))).toEqual([]);
    expect(fields.date.errorMessage).toBe('Obligatoriskt fält.');
    expect(cardTexts(c)[0]).toBe('Nytt möte – LGS');
    expect(actions(c)).toEqual([
      ['Spara och publicera', { verb: 'saveMeeting', org: 'goteborgsomradet', group: 'lgs', meetingId: '', version: '', formKey: 'ab'.repeat(12), origin_0: '2026:2' }],
    ]);
  });

  it("a revision: prefilled in the organisation's local time, with its version and a withdraw toggle per item", () => {
    const c = meetingFormCard('goteborgsomradet', LGS, meeting, 'W/"etag-7"', 'en', GBG.timeZone);
    const fields = inputs(c);
    expect([fields.date.value, fields.time.value, fields.place.value]).toEqual(['2026-12-08', '13:00', 'Rådhuset']);
    expect([fields.title_0.value, fields.kind_0.value, fields.minutes_0.value, fields.doc_0.value]).toEqual(['Budget', 'beslut', 15, 'https://example.se/budget.pdf']);
    expect([fields.withdrawn_0.value, fields.withdrawn_1.value, fields.withdrawn_2.value, fields.withdrawn_3]).toEqual(['false', 'true', 'false', undefined]);
    expect(fields.date.errorMessage).toBe('Required field.');
    expect(cardTexts(c)[0]).toBe('Revise meeting – LGS');
    expect(actions(c)).toEqual([
      ['Save and post', { verb: 'saveMeeting', org: 'goteborgsomradet', group: 'lgs', meetingId: '2026-12-08-0a1b2c3d', version: 'W/"etag-7"', formKey: '' }],
    ]);
  });
});

describe('the input card and its reminder', () => {
  it("a field per item still on the agenda and a general one, prefilled with the member's own input", () => {
    const mine = [{ author: 'anna', item: 'p3-cccc', text: 'Viktigt', at: '2026-12-01T10:00:00.000Z' }];
    const c = inputCard(GBG, LGS, meeting, mine, 'sv');
    const fields = inputs(c);
    expect(Object.entries(fields).map(([id, f]) => [id, f.label, f.value])).toEqual([
      ['input_p1-aaaa', '1. Budget (Beslut)', ''],
      ['input_p3-cccc', '2. SIP (Diskussion)', 'Viktigt'],
      ['input_general', 'Övrigt (allmänna synpunkter)', ''],
    ]);
    expect(cardTexts(c)[1]).toContain('Du kan ändra fram till mån 7 dec. 2026 13:00.');
    expect(actions(c)).toEqual([['Spara synpunkter', { verb: 'submitInput', ...DATA }]]);
  });

  it('labels the meeting time under the intro: "Mötet: …" / "Meeting: …"', () => {
    expect(cardTexts(inputCard(GBG, LGS, meeting, [], 'sv'))[2]).toBe('Mötet: tis 8 dec. 2026 13:00');
    expect(cardTexts(inputCard(GBG, LGS, meeting, [], 'en'))[2]).toBe('Meeting: Tue, 8 Dec 2026, 13:00');
  });

  it("the reminder names the cut-off and opens the input card with the command in the person's language", () => {
    const sv = inputReminderCard(GBG, LGS, meeting, 'sv');
    expect(cardTexts(sv).slice(2)).toEqual(['Du har förhinder och har inte lämnat några synpunkter ännu. Du kan skriva dem fram till mån 7 dec. 2026 13:00.']);
    expect(actions(sv)).toEqual([['Skriv synpunkter', { verb: 'command', command: 'synpunkter goteborgsomradet/lgs/2026-12-08-0a1b2c3d' }]]);
    expect(actions(inputReminderCard(GBG, LGS, meeting, 'en'))).toEqual([
      ['Write input', { verb: 'command', command: 'input goteborgsomradet/lgs/2026-12-08-0a1b2c3d' }],
    ]);
  });
});

describe('the close form', () => {
  it('a summary per item still on the agenda (kept ones prefilled) and the version in the data', () => {
    const c = closeCard(LGS, meeting, 'W/"etag-9"', 'sv');
    expect(Object.entries(inputs(c)).map(([id, f]) => [id, f.label, f.value])).toEqual([
      ['summary_p1-aaaa', '1. Budget', ''],
      ['summary_p3-cccc', '2. SIP', 'Noterat'],
    ]);
    expect(actions(c)).toEqual([['Markera som genomfört och skicka', { verb: 'closeMeeting', ...DATA, version: 'W/"etag-9"' }]]);
  });
});

describe('the catch-up after the meeting', () => {
  it('what happened per item still on the agenda; an item without a summary says so', () => {
    expect(cardTexts(catchUpCard(GBG, LGS, { ...meeting, status: 'held' }, 'sv'))).toEqual([
      'Det här hände på mötet – LGS',
      'Du hade förhinder tis 8 dec. 2026 13:00. Så här blev det per punkt:',
      '**1. Budget**',
      'Ingen sammanfattning ännu.',
      '**2. SIP**',
      'Noterat',
      'Länk till minnesanteckningarna kommer när de är justerade och publicerade.',
    ]);
  });
});

describe('the meeting view', () => {
  const brief: Brief = {
    perItem: [],
    general: [],
    absentWithInput: ['Anna Ek'],
    absentWithoutInput: ['Bo Berg', 'Cilla'],
    attending: 4,
    absent: 3,
    noAnswer: 2,
    notAnswered: ['Dan Ny', 'Eva Ö'],
  };

  it('a member sees attendance and who is absent, and no buttons', () => {
    const c = meetingViewCard(GBG, LGS, meeting, brief, { lead: false, brief: false }, 'sv');
    const texts = cardTexts(c);
    expect(texts[0]).toBe('Dagordning – LGS · tis 8 dec. 2026');
    expect(texts).toContain('Närvaro: 4 kommer, 3 har förhinder, 2 har inte svarat.');
    expect(texts.slice(-2)).toEqual(['Förhinder med synpunkter: Anna Ek', 'Förhinder utan synpunkter: Bo Berg, Cilla']);
    expect(actions(c)).toEqual([]);
  });

  it('a lead gets revise, brief, close and record, as commands for this meeting', () => {
    const ref = 'goteborgsomradet/lgs/2026-12-08-0a1b2c3d';
    expect(
      actions(meetingViewCard(GBG, LGS, meeting, brief, { lead: true, brief: true }, 'en')).map(([title, data]) => [title, (data as { command: string }).command]),
    ).toEqual([
      ['Revise', `revise ${ref}`],
      ['Brief', `brief ${ref}`],
      ['Close meeting', `close ${ref}`],
      ['Record decision', `record ${ref}`],
    ]);
  });
});
