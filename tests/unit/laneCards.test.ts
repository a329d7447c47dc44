import { viewChairs, type ChairView } from '../../src/app/chairs';
import type { GroupStateRepository } from '../../src/app/ports';
import { chairCard, historyCard } from '../../src/cards/chairCards';
import { chooseOrgCard, groupsCard } from '../../src/cards/groupsCard';
import { helpCard } from '../../src/cards/helpCard';
import { linkCard } from '../../src/cards/linkCard';
import { addMemberCard, membersCard } from '../../src/cards/memberCards';
import { cycleCard } from '../../src/cards/reminderCards';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { GBG, group } from '../helpers/shippedOrgs';

// The cards of the groups, link, help, member and årshjul commands, without the bot around them.

const lgs = group(GBG, 'lgs');
const json = (c: unknown) => c as Record<string, unknown>;

describe('groupsCard', () => {
  it("shows each group's kind, chair with party, next meeting in the org's zone, and marks the user's own", () => {
    const listing = {
      org: GBG,
      rows: [
        {
          group: lgs,
          mine: true,
          snapshot: { group: 'lgs', chair: { displayName: 'Anna <b>', partyName: 'Kommunerna' }, nextMeeting: { startsAt: '2026-06-01T07:00:00Z', title: 'Rum 1' } },
        },
      ],
    };
    expect(cardTexts(json(groupsCard(listing, 'sv')))).toEqual([
      'Grupper – Vårdsamverkan i Göteborgsområdet – Kommun och sjukvård',
      '**LGS** · Din grupp',
      'Ledningsgrupp · Ledningsgruppen för samverkan (LGS)',
      'Ordförande: Anna \\<b\\> (Kommunerna)',
      'Nästa möte: 1 juni 2026 09:00 – Rum 1',
    ]);
  });

  it('says so when the organisation has no groups', () => {
    expect(cardTexts(json(groupsCard({ org: GBG, rows: [] }, 'en')))).toEqual([
      'Groups – Göteborgsområdet',
      'The organisation has no groups yet. An administrator adds them in the organisation file.',
    ]);
  });

  it('offers one button per organisation when the user must choose', () => {
    expect(cardActions(json(chooseOrgCard([GBG], 'en')))).toEqual([[GBG.name, { verb: 'command', command: 'groups goteborgsomradet' }]]);
  });
});

describe('linkCard', () => {
  it('offers the groups as org/group values and submits linkChannel', () => {
    const card = json(linkCard([{ org: GBG, group: lgs }], 'sv'));
    expect(cardInputs(card).group.choices).toEqual([{ title: 'LGS (Göteborgsområdet)', value: 'goteborgsomradet/lgs' }]);
    expect(cardActions(card)).toEqual([['Koppla', { verb: 'linkChannel' }]]);
  });
});

describe('cycleCard', () => {
  it('says there are no coming dates and gives the calendar link', () => {
    expect(cardTexts(json(cycleCard('LGS', [], 'https://x/ics/t.ics', 'sv')))).toEqual([
      'Årshjul – LGS',
      'Inga kommande datum i årshjulet för gruppen det närmaste året.',
      'Kalenderlänk (lägg till i Outlook via "Lägg till kalender" → "Från internet"): https://x/ics/t.ics',
    ]);
  });

  it('has no subscribe button without a calendar link', () => {
    expect(cardActions(json(cycleCard('LGS', [], null, 'en')))).toEqual([]);
  });
});

describe('addMemberCard', () => {
  it('offers the people the bot knows by name, searchable, the id only in the value', () => {
    const person = cardInputs(json(addMemberCard(GBG, lgs, [{ aadObjectId: 'a', name: 'Anna' }], 'sv'))).person;
    expect([person.type, person.style, person.choices]).toEqual(['Input.ChoiceSet', 'filtered', [{ title: 'Anna', value: 'a' }]]);
  });

  it('says how to get someone in when nobody is known, and asks for no id', () => {
    const c = json(addMemberCard(GBG, lgs, [], 'sv'));
    expect([Object.keys(cardInputs(c)), cardTexts(c)]).toEqual([
      [],
      [
        'Lägg till i LGS',
        'Jag känner ingen att föreslå ännu. Be personen öppna Samverkansboten i Teams en gång, eller lägg till boten i gruppens team och koppla kanalen (koppla \\<grupp\\>); öppna sedan formuläret igen.',
      ],
    ]);
  });
});

describe('helpCard', () => {
  it('shows someone without groups the everyday commands and how to be added', () => {
    const texts = cardTexts(json(helpCard({ aadObjectId: 'x', preferredLocale: null, memberships: [], adminOf: [], globalAdmin: false }, [GBG], 'sv')));
    expect(texts.filter((t) => /^[a-zåäö]+[ :]/.test(t) && t.includes(':')).map((t) => t.split(':')[0])).toEqual([
      'hjälp',
      'grupper [organisation]',
      'ordförande [grupp]',
      'årshjul [grupp]',
      'möten [grupp]',
      'beslut \\<grupp\\> [sökord] [år]',
      'historik \\<grupp\\>',
      'ledamöter \\<grupp\\>',
      'språk sv | en',
    ]);
    expect(texts.at(-1)).toBe('Du är inte registrerad i någon grupp ännu. Be gruppens processledare eller en administratör att lägga till dig.');
  });
});

describe('chair and member cards', () => {
  /** LGS with one member and no terms yet, seen by an admin of the organisation on 2026-05-04. */
  async function lgsView(): Promise<ChairView> {
    const record = {
      group: 'lgs',
      terms: [],
      meetings: [],
      version: null,
      members: [{ aadObjectId: 'a', displayName: 'Anna *A*', party: 'goteborgs-stad', roles: ['member' as const] }],
    };
    const state = { groups: () => Promise.resolve(new Map([['lgs', record]])) } as unknown as GroupStateRepository;
    const admin = { aadObjectId: 'x', preferredLocale: null, memberships: [], adminOf: [GBG.id], globalAdmin: false };
    const views = await viewChairs(GBG, [lgs], admin, state, new Date('2026-05-04T10:00:00Z'));
    expect(views).toHaveLength(1);
    return views[0];
  }

  it('lists members with role and party, the name escaped, and offers adding only to those who may', async () => {
    const v = await lgsView();
    expect(cardTexts(json(membersCard(v, true, 'sv')))).toEqual(['Ledamöter – LGS', '**Anna \\*A\\*** – Ledamot · Göteborgs stad']);
    expect(cardActions(json(membersCard(v, true, 'sv')))).toEqual([['Lägg till ledamot', { verb: 'command', command: 'lägg till goteborgsomradet/lgs' }]]);
    expect(cardActions(json(membersCard(v, false, 'sv')))).toEqual([]);
  });

  it('shows an empty presidium, the next term and why the rules cannot name the next chair', async () => {
    const texts = cardTexts(json(chairCard([await lgsView()], 'en')));
    expect(texts.slice(0, 7)).toEqual([
      'Chair – LGS',
      '**LGS**',
      'Chair: Nobody registered',
      'Vice chair: Nobody registered',
      'Next term: 2026-05-04 – 2028-05-03',
      'Next by the rules: Any principal',
      'The chair follows Politiskt samråd, but no chair is registered there yet.',
    ]);
  });

  it('says when no term is registered yet', async () => {
    expect(cardTexts(json(historyCard(await lgsView(), 'sv')))).toEqual(['Historik – ordförandeskap i LGS', 'Inga perioder är registrerade ännu.']);
  });
});
