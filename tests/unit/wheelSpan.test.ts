import { wheelAltText, wheelSvg, type WheelView } from '../../src/cards/wheel';

/** The årshjul wheel shows the twelve months from this month, as the card's list does; the title and alt text name them. */
const view: WheelView = {
  groupName: 'LGS',
  from: '2026-11-01',
  today: '2026-11-27',
  entries: [
    { date: '2026-03-31', label: 'LGS årsrapport', kind: 'deadline', proposal: true },
    { date: '2026-12-08', label: 'LGS', kind: 'meeting', proposal: false },
    { date: '2027-03-31', label: 'LGS årsrapport', kind: 'deadline', proposal: true },
    { date: '2027-05-31', label: 'Gemensamt möte', kind: 'deadline', proposal: true },
    { date: '2027-11-02', label: 'Nästa års möte', kind: 'meeting', proposal: false },
  ],
};
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the wheel over the next twelve months', () => {
  it('titles the span, starts at this month, marks the turn of the year, and plots only the dates in the span', () => {
    const svg = wheelSvg(view, 'sv');
    const t = texts(svg);
    expect(t[0]).toBe('Årshjul – LGS nov. 2026 – okt. 2027');
    expect(t.slice(1, 13)).toEqual(['nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt']);
    // The turn of the year, then today, then the centre.
    expect(t.slice(13, 17)).toEqual(['2027', 'I dag', '2026–2027', 'LGS']);
    // 2026-12-08 (meeting), 2027-03-31 and 2027-05-31 (deadlines): not March 2026, not November 2027.
    expect((svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="11"/g) ?? []).length).toBe(1);
    expect((svg.match(/<rect x="[\d.]+" y="[\d.]+" width="18"/g) ?? []).length).toBe(2);
  });

  it('says the same in the alt text, in Swedish and English', () => {
    expect(wheelAltText(view, 'sv')).toBe(
      'Årshjul för LGS nov. 2026 – okt. 2027: 1 möte och 2 deadlines. I dag är 2026-11-27. 2026-12-08 LGS; 2027-03-31 LGS årsrapport (förslag); 2027-05-31 Gemensamt möte (förslag).',
    );
    expect(wheelSvg(view, 'en')).toContain('>Annual cycle – LGS Nov 2026 – Oct 2027</text>');
    expect(wheelAltText(view, 'en').split(':')[0]).toBe('Annual cycle for LGS Nov 2026 – Oct 2027');
  });

  it('a wheel that starts in January is one calendar year, without a turn-of-year mark', () => {
    const t = texts(wheelSvg({ ...view, from: '2027-01-01', today: '2027-01-10' }, 'sv'));
    expect(t[0]).toBe('Årshjul – LGS jan. 2027 – dec. 2027');
    expect(t.slice(13, 16)).toEqual(['I dag', '2027', 'LGS']);
  });
});
