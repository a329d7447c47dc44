import { meetingFormCard } from '../../src/cards/meetingCards';
import { GBG, group } from '../helpers/shippedOrgs';

/** The new-meeting form starts with three rows; "Lägg till punkt" shows one more at a time, up to eight. */
const LGS = group(GBG, 'lgs');
type El = { type: string; id?: string; isVisible?: boolean; actions?: { title: string; targetElements: { elementId: string; isVisible: boolean }[] }[] };

describe('the meeting form rows', () => {
  const body = meetingFormCard('goteborgsomradet', LGS, null, null, 'sv', GBG.timeZone, 'ab'.repeat(12)).body as El[];
  const byId = (id: string) => body.find((e) => e.id === id);

  it('shows three rows and hides the other five', () => {
    expect(body.filter((e) => e.id?.startsWith('row_')).map((e) => [e.id, e.isVisible])).toEqual([
      ['row_0', true],
      ['row_1', true],
      ['row_2', true],
      ['row_3', false],
      ['row_4', false],
      ['row_5', false],
      ['row_6', false],
      ['row_7', false],
    ]);
  });

  it('"Lägg till punkt" shows the next row, hides itself and offers the one after', () => {
    expect(body.filter((e) => e.id?.startsWith('add_')).map((e) => [e.id, e.isVisible])).toEqual([
      ['add_3', true],
      ['add_4', false],
      ['add_5', false],
      ['add_6', false],
      ['add_7', false],
    ]);
    expect(byId('add_3')?.actions).toEqual([
      {
        type: 'Action.ToggleVisibility',
        title: 'Lägg till punkt',
        targetElements: [
          { elementId: 'row_3', isVisible: true },
          { elementId: 'add_3', isVisible: false },
          { elementId: 'add_4', isVisible: true },
        ],
      },
    ]);
    expect(byId('add_7')?.actions?.[0]?.targetElements).toEqual([
      { elementId: 'row_7', isVisible: true },
      { elementId: 'add_7', isVisible: false },
    ]);
  });
});
