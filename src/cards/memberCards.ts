import type { ChairView } from '../app/chairs';
import { AAD_ID_INPUT_PATTERN } from '../domain/aadId';
import type { Group, Locale, Organisation } from '../domain/organisation';
import { card, commandButton, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { namer } from './chairCards';
import { plain } from './escape';
import { pagedCard } from './paging';
import { NAME_MAX } from './formTexts';
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
  fromTeam: both('Person från teamet', 'Person from the team'),
  aadObjectId: both('AAD-objekt-id (GUID)', 'AAD object id (GUID)'),
  displayName: both('Namn som visas', 'Display name'),
  noTeam: both(
    'Gruppen har ingen kopplad kanal, så jag kan inte visa teamets medlemmar. Ange personen med AAD-objekt-id, eller koppla en kanal först.',
    'The group has no linked channel, so I cannot show the team members. Enter the person by AAD object id, or link a channel first.',
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
    'Personen finns inte längre i teamet. Öppna formuläret igen. Inget ändrades.',
    'The person is no longer in the team. Open the form again. Nothing was changed.',
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

/** The add-member form: a person from the linked team's roster (or by id), a party and a role. */
export function addMemberCard(org: Organisation, group: Group, roster: readonly { aadObjectId: string; name: string }[] | null, locale: Locale): AdaptiveCard {
  const req = { isRequired: true, errorMessage: memberTexts.required[locale] };
  const person: CardElement[] =
    roster !== null && roster.length > 0
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'person',
            label: memberTexts.fromTeam[locale],
            style: 'compact',
            ...req,
            choices: roster.map((r) => ({ title: r.name, value: r.aadObjectId })),
          },
        ]
      : [
          textBlock(memberTexts.noTeam[locale], { isSubtle: true }),
          { type: 'Input.Text', id: 'person', label: memberTexts.aadObjectId[locale], ...req, regex: AAD_ID_INPUT_PATTERN },
          { type: 'Input.Text', id: 'displayName', label: memberTexts.displayName[locale], ...req, maxLength: NAME_MAX },
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
