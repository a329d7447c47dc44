import { helpCard, roleLines, visibleCommands } from '../../src/cards/helpCard';
import { linkCard } from '../../src/cards/linkCard';
import type { UserContext } from '../../src/domain/people';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { GBG, SAMLA, group } from '../helpers/shippedOrgs';

const asRecord = (c: unknown) => c as Record<string, unknown>;
const user = (over: Partial<UserContext> = {}): UserContext => ({ aadObjectId: 'aad', preferredLocale: null, memberships: [], adminOf: [], globalAdmin: false, ...over });
const EVERYONE = ['help', 'groups', 'chair', 'cycle', 'meetings', 'decisions', 'history', 'members', 'language'];
const MANAGERS = ['meeting', 'appoint', 'add', 'link', 'exportLog', 'cycleEdit', 'settings'];

describe('linkCard', () => {
  it('offers each group the user may link as "group (organisation)", required, with a Swedish error', () => {
    const card = asRecord(
      linkCard(
        [
          { org: GBG, group: group(GBG, 'lgs') },
          { org: SAMLA, group: SAMLA.groups[0] },
        ],
        'sv',
      ),
    );
    expect(cardTexts(card)).toEqual(['Koppla kanalen till en grupp']);
    const input = cardInputs(card).group;
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', label: 'Grupp', isRequired: true, errorMessage: 'Välj en grupp.' });
    expect(input.choices).toEqual([
      { title: `LGS (${GBG.shortName})`, value: `${GBG.id}/lgs` },
      { title: `${SAMLA.groups[0].shortName} (${SAMLA.shortName})`, value: `${SAMLA.id}/${SAMLA.groups[0].id}` },
    ]);
    expect(cardActions(card)).toEqual([['Koppla', { verb: 'linkChannel' }]]);
  });

  it('speaks English when asked', () => {
    const card = asRecord(linkCard([], 'en'));
    expect(cardTexts(card)).toEqual(['Link this channel to a group']);
    expect(cardActions(card)).toEqual([['Link', { verb: 'linkChannel' }]]);
  });
});

describe('help card', () => {
  it('shows a member the everyday commands only', () => {
    const member = user({ memberships: [{ org: GBG.id, group: 'lgs', party: 'goteborgs-stad', roles: ['member'] }] });
    expect(visibleCommands(member, [GBG])).toEqual(EVERYONE);
    expect(visibleCommands(user(), [GBG])).toEqual(EVERYONE);
  });

  it('adds the managing commands for a process leader and an organisation admin', () => {
    const leader = user({ memberships: [{ org: GBG.id, group: 'lgs', party: null, roles: ['processLeader'] }] });
    expect(visibleCommands(leader, [GBG])).toEqual([...EVERYONE, ...MANAGERS]);
    // Only an organisation admin manages admins and process leaders; deputies are named where a group has them (politiskt samråd).
    expect(visibleCommands(user({ adminOf: [GBG.id] }), [GBG])).toEqual([...EVERYONE, ...MANAGERS, 'deputies', 'admins']);
    expect(visibleCommands(user({ globalAdmin: true }), [GBG])).toEqual([...EVERYONE, ...MANAGERS, 'deputies', 'admins']);
  });

  it('names each role in plain words, with the party of a member', () => {
    const many = user({
      globalAdmin: true,
      adminOf: [GBG.id],
      memberships: [
        { org: GBG.id, group: 'lgs', party: 'goteborgs-stad', roles: ['member'] },
        { org: GBG.id, group: 'lgs', party: null, roles: ['processLeader'] },
      ],
    });
    expect(roleLines(many, [GBG], 'sv')).toEqual([
      'Administratör för boten',
      `Administratör – ${GBG.shortName}`,
      'Ledamot – LGS (Göteborgs stad)',
      'Processledare – LGS',
    ]);
  });

  it('builds the card: intro, commands as facts, roles, and a button that lists the groups', () => {
    const card = asRecord(helpCard(user(), [GBG], 'sv'));
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Det här kan du göra');
    expect(texts).toContain('hjälp: Visar den här listan.');
    expect(texts).not.toContain('utse \\<grupp\\>: Registrera ordförande eller vice (formulär, reglerna kontrolleras).');
    expect(texts.slice(-2)).toEqual(['Dina roller', 'Du är inte registrerad i någon grupp ännu. Be gruppens processledare eller en administratör att lägga till dig.']);
    expect(cardActions(card)).toEqual([['Visa grupper', { verb: 'command', command: 'grupper' }]]);
    expect(cardActions(asRecord(helpCard(user(), [GBG], 'en')))).toEqual([['Show groups', { verb: 'command', command: 'groups' }]]);
  });
});

describe('help placeholders', () => {
  const lead = user({ memberships: [{ org: GBG.id, group: 'lgs', party: null, roles: ['processLeader'] }] });
  const standing = {
    org: GBG,
    group: group(GBG, 'lgs'),
    role: 'processLeader',
    rosterMember: false,
    leadsMeetings: true,
    recordsDecisions: true,
    editsMinutes: true,
    approvesMinutes: false,
    takesPart: true,
    exports: true,
    editsCycle: true,
  } as const;
  /** What Teams shows of card markdown: a backslash escape shows the character after it. */
  const shown = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
  const flow = (locale: 'sv' | 'en') => {
    const texts = cardTexts(asRecord(helpCard(lead, [GBG], locale, [standing])));
    const from = texts.findIndex((t) => t.startsWith(locale === 'sv' ? 'Mötet steg för steg' : 'The meeting step by step'));
    return texts.slice(from, from + 7);
  };

  it('shows a process leader the meeting commands as typed, with the group and an optional date', () => {
    expect(flow('sv').map(shown)).toEqual([
      'Mötet steg för steg – processledare (LGS)',
      'möte <grupp>: 1. Skapa mötet och publicera dagordningen.',
      'sammanställning <grupp> [datum]: 2. Närvaro och synpunkter inför mötet.',
      'avsluta <grupp> [datum]: 3. Markera mötet som genomfört och skriv sammanfattningar.',
      'registrera <grupp> [datum]: 4. Registrera besluten från mötet.',
      'minnesanteckningar <grupp> [datum]: 5. Skriv minnesanteckningarna och skicka dem för justering.',
      'publicera <grupp> [datum] <webbadress>: 6. Publicera de justerade minnesanteckningarna.',
    ]);
    expect(flow('en').map(shown)).toEqual([
      'The meeting step by step – process leader (LGS)',
      'meeting <group>: 1. Create the meeting and post the agenda.',
      'brief <group> [date]: 2. Attendance and written input before the meeting.',
      'close <group> [date]: 3. Mark the meeting as held and write summaries.',
      "record <group> [date]: 4. Record the meeting's decisions.",
      'minutes <group> [date]: 5. Write the minutes and send them for approval.',
      'publish <group> [date] <web address>: 6. Publish the approved minutes.',
    ]);
  });

  it('escapes every angle bracket of a command, so card markdown cannot read <grupp> as a tag', () => {
    const card = asRecord(helpCard(lead, [GBG], 'sv', [standing]));
    const titles = cardTexts(card)
      .filter((t) => t.includes(': '))
      .map((t) => t.split(': ')[0]);
    expect(titles).toContain('sammanställning \\<grupp\\> [datum]');
    expect(titles.filter((t) => /(^|[^\\])[<>]/.test(t))).toEqual([]);
  });
});
