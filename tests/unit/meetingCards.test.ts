import { agendaCard, briefCard, catchUpCard } from '../../src/cards/meetingCards';
import { changeText } from '../../src/cards/meetingTexts';
import type { Brief, Meeting } from '../../src/domain/meetings';
import { cardTexts as textsOf } from '../helpers/cards';
import { GBG, group } from '../helpers/shippedOrgs';

const cardTexts = (c: unknown) => textsOf(c as Record<string, unknown>);

/** Titles, places, presenters, input and summaries are the users' own text: shown as typed, never as markdown or links. */
const LGS = group(GBG, 'lgs');
const item = {
  id: 'p1-abcd',
  title: '[Klicka här](https://ond.example)',
  kind: 'beslut' as const,
  presenter: '**Chefen**',
  minutes: 10,
  documents: [{ title: 'a)b', url: 'https://example.se/a)b' }],
  source: '# Rubrik',
  withdrawn: false,
};
const meeting: Meeting = {
  id: '2026-12-08-0a1b2c3d',
  org: 'goteborgsomradet',
  group: 'lgs',
  date: '2026-12-08',
  startsAt: '2026-12-08T12:00:00.000Z',
  title: 'LGS',
  cancelled: false,
  place: '<at>Alla</at> _rum_',
  agenda: [item],
  revision: 0,
  status: 'held',
  cutoffHours: 24,
  posted: null,
  summaries: { 'p1-abcd': '1. Ja\n- nej ![bild](https://ond.example/x.png)' },
  createdBy: 'pl',
};

describe('escaping user text in meeting cards', () => {
  it('the agenda card', () => {
    expect(cardTexts(agendaCard(GBG, LGS, meeting, { attending: 0, absent: 0 }, 'sv', null)).slice(2, 6)).toEqual([
      'Plats: \\<at\\>Alla\\</at\\> \\_rum\\_',
      'Status: Genomfört',
      '**1. \\[Klicka här\\](https://ond.example)**',
      'Beslut · föredragande \\*\\*Chefen\\*\\* · 10 min · ursprung: \\# Rubrik · [a)b](https://example.se/a%29b)',
    ]);
  });

  it('the brief and the catch-up', () => {
    const brief: Brief = {
      perItem: [{ item, inputs: [{ author: 'Anna *A*', text: '> citat' }] }],
      general: [],
      absentWithInput: ['Anna *A*'],
      absentWithoutInput: [],
      attending: 0,
      absent: 1,
      noAnswer: 0,
      notAnswered: [],
    };
    expect(cardTexts(briefCard(GBG, LGS, meeting, brief, 'sv')).slice(3)).toEqual([
      '**1. \\[Klicka här\\](https://ond.example)**',
      'Anna \\*A\\*: \\> citat',
      'Förhinder med synpunkter: Anna \\*A\\*',
    ]);
    expect(cardTexts(catchUpCard(GBG, LGS, meeting, 'sv'))[3]).toBe('1\\. Ja\n\\- nej !\\[bild\\](https://ond.example/x.png)');
  });

  it('the revision note', () => {
    expect(changeText({ kind: 'place', from: 'A', to: '**B**' }, 'Europe/Stockholm', 'sv')).toBe('ny plats \\*\\*B\\*\\* (var A)');
    expect(changeText({ kind: 'added', title: '_x_' }, 'Europe/Stockholm', 'en')).toBe('new item "\\_x\\_"');
  });
});
