import type { ChairView } from '../app/chairs';
import type { Group, Locale, Organisation } from '../domain/organisation';
import { card, commandButton, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { namer } from './chairCards';
import { plain } from './escape';
import { pagedCard } from './paging';
import { roleName } from './chairTexts';
import { both } from './texts';

export const memberTexts = {
  title: (g: string) => both(`Ledamöter – ${g}`, `Members – ${g}`),
  empty: both('Inga ledamöter är registrerade ännu.', 'No members are registered yet.'),
  member: both('Ledamot', 'Member'),
  processLeader: both('Processledare', 'Process leader'),
  add: both('Lägg till ledamot', 'Add member'),
  deputies: both('Ersättare', 'Deputies'),
  addTitle: (g: string) => both(`Lägg till i ${g}`, `Add to ${g}`),
  person: both('Person (skriv för att söka)', 'Person (type to search)'),
  personHint: both(
    'Här finns de jag känner: organisationens grupper, det kopplade teamet och alla som har öppnat Samverkansboten. Saknas någon: be personen öppna Samverkansboten i Teams en gång, eller lägg till boten i gruppens team och koppla kanalen (koppla <grupp>).',
    "These are the people I know: the organisation's groups, the linked team and everyone who has opened Samverkansboten. Someone missing: ask them to open Samverkansboten in Teams once, or add the bot to the group's team and link the channel (link <group>).",
  ),
  nobodyKnown: both(
    'Jag känner ingen att föreslå ännu. Be personen öppna Samverkansboten i Teams en gång, eller lägg till boten i gruppens team och koppla kanalen (koppla <grupp>); öppna sedan formuläret igen.',
    "I don't know anyone to offer yet. Ask the person to open Samverkansboten in Teams once, or add the bot to the group's team and link the channel (link <group>); then open the form again.",
  ),
  party: both('Part (organisation som personen företräder)', 'Party (organisation the person represents)'),
  noParty: both('Ingen part (t.ex. processledare)', 'No party (e.g. process leader)'),
  role: both('Roll', 'Role'),
  submit: both('Lägg till', 'Add'),
  required: both('Obligatoriskt fält.', 'Required field.'),
  added: (name: string, group: string) => both(`${name} är nu med i ${group}.`, `${name} is now in ${group}.`),
  notAllowed: (group: string) =>
    both(
      `Bara en administratör eller processledaren för ${group} kan ändra gruppens ledamöter. Inget ändrades.`,
      `Only an administrator or the process leader of ${group} can change the group's members. Nothing was changed.`,
    ),
  partyRequired: both('En ledamot företräder en part: välj part. Inget ändrades.', 'A member represents a party: choose one. Nothing was changed.'),
  unknownParty: both('Den valda parten finns inte i organisationen. Inget ändrades.', 'The chosen party does not exist in the organisation. Nothing was changed.'),
  notInTeam: both(
    'Personen finns inte bland dem jag kan föreslå. Öppna formuläret igen och välj i listan. Inget ändrades.',
    'The person is not among those I can offer. Open the form again and choose from the list. Nothing was changed.',
  ),
};

/** The group's roster: each person's party and roles, chair and vice chair included. */
export function membersCard(v: ChairView, canEdit: boolean, locale: Locale, page = 1, query = v.group.shortName, canNameDeputies = false): AdaptiveCard {
  const n = namer(v.org, locale);
  const chairOf = (aad: string) =>
    [v.presidium.chair, v.presidium.viceChair].filter((x): x is NonNullable<typeof x> => x?.holder.aadObjectId === aad).map((x) => roleName(x.role)[locale]);
  const rows: CardElement[] = [...v.members]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'))
    .map((m) => {
      const roles = [
        ...chairOf(m.aadObjectId),
        ...(m.roles.includes('processLeader') ? [memberTexts.processLeader[locale]] : []),
        ...(m.roles.includes('member') ? [memberTexts.member[locale]] : []),
      ];
      return textBlock(`**${plain(m.displayName)}** – ${roles.join(', ')}${m.party ? ` · ${n.party(m.party)}` : ''}`, { spacing: 'Small' });
    });
  const word = locale === 'sv' ? 'lägg till' : 'add';
  const more = locale === 'sv' ? ['ledamöter', 'sida'] : ['members', 'page'];
  return pagedCard(
    locale,
    memberTexts.title(plain(v.group.shortName))[locale],
    rows.length > 0 ? rows : [textBlock(memberTexts.empty[locale])],
    [
      ...(canEdit ? [commandButton(memberTexts.add[locale], `${word} ${v.org.id}/${v.group.id}`)] : []),
      ...(canNameDeputies ? [commandButton(memberTexts.deputies[locale], `${locale === 'sv' ? 'ersättare' : 'deputies'} ${v.org.id}/${v.group.id}`)] : []),
    ],
    page,
    (next) => `${more[0]} ${query} ${more[1]} ${next}`,
  );
}

/** The add-member form: a person chosen by name among those the bot knows (never a typed id), a party and a role. */
export function addMemberCard(org: Organisation, group: Group, people: readonly { aadObjectId: string; name: string }[], locale: Locale): AdaptiveCard {
  const req = { isRequired: true, errorMessage: memberTexts.required[locale] };
  if (people.length === 0) return card(locale, memberTexts.addTitle(plain(group.shortName))[locale], [textBlock(plain(memberTexts.nobodyKnown[locale]))]);
  const person: CardElement[] = [
    {
      type: 'Input.ChoiceSet',
      id: 'person',
      label: memberTexts.person[locale],
      style: 'filtered',
      ...req,
      choices: people.map((p) => ({ title: p.name, value: p.aadObjectId })),
    },
    textBlock(plain(memberTexts.personHint[locale]), { isSubtle: true, size: 'Small' }),
  ];
  const n = namer(org, locale, false);
  return card(
    locale,
    memberTexts.addTitle(plain(group.shortName))[locale],
    [
      ...person,
      {
        type: 'Input.ChoiceSet',
        id: 'party',
        label: memberTexts.party[locale],
        style: 'compact',
        value: '',
        choices: [{ title: memberTexts.noParty[locale], value: '' }, ...org.parties.map((p) => ({ title: `${p.name} (${n.principal(p.principal)})`, value: p.id }))],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'role',
        label: memberTexts.role[locale],
        style: 'compact',
        value: 'member',
        ...req,
        choices: [
          { title: memberTexts.member[locale], value: 'member' },
          { title: memberTexts.processLeader[locale], value: 'processLeader' },
        ],
      },
    ],
    [{ type: 'Action.Submit', title: memberTexts.submit[locale], data: { verb: 'addMember', org: org.id, group: group.id } }],
  );
}
