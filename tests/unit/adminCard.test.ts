import { adminCard } from '../../src/cards/adminCards';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { GBG } from '../helpers/shippedOrgs';

const asRecord = (c: unknown) => c as Record<string, unknown>;
const view = (people: { aadObjectId: string; name: string }[]) => ({
  org: GBG,
  admins: [],
  processLeaders: [],
  recent: [],
  people,
});

describe('adminCard', () => {
  it('when the bot knows nobody to offer, says how to get people in and offers no form', () => {
    const card = asRecord(adminCard(view([]), 'sv'));
    expect(cardInputs(card)).toEqual({});
    expect(cardActions(card)).toEqual([]);
    expect(cardTexts(card).at(-1)).toBe(
      'Jag känner ingen att föreslå ännu. Be personen öppna Samverkansboten i Teams en gång, eller öppna kortet i en kanal i ett team där personen är med; öppna sedan kortet igen.',
    );
    expect(cardTexts(asRecord(adminCard(view([]), 'en'))).at(-1)).toBe(
      "I don't know anyone to offer yet. Ask the person to open Samverkansboten in Teams once, or open the card in a channel of a team the person is in; then open the card again.",
    );
  });

  it('offers the known people by name, the id only as the value', () => {
    const card = asRecord(adminCard(view([{ aadObjectId: 'a1b2', name: 'Anna <b>' }]), 'sv'));
    expect(cardInputs(card).person).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', isRequired: true, errorMessage: 'Välj en person.' });
    expect(cardInputs(card).person.choices).toEqual([{ title: 'Anna <b>', value: 'a1b2' }]);
    expect(cardActions(card).map(([t]) => t)).toEqual(['Lägg till administratör', 'Ta bort administratör', 'Lägg till processledare', 'Ta bort processledare']);
  });

  it("shows the latest changes at the organisation's local time, not the stored UTC instant", () => {
    const change = { id: 'c1', action: 'addProcessLeader' as const, person: 'p1', displayName: 'Processledare', group: 'lgs', by: 'a1', at: '2026-06-10T11:05:00.000Z' };
    const texts = cardTexts(asRecord(adminCard({ ...view([]), recent: [change] }, 'sv')));
    expect(texts).toContain('ons 10 juni 2026 13:05: Lägg till processledare: Processledare (LGS)');
  });
});
