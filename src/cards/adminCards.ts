import type { AdminView } from '../app/admins';
import type { AdminChange } from '../app/ports';
import type { Locale } from '../domain/organisation';
import { card, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { when } from './meetingTexts';
import { both } from './texts';

export const adminTexts = {
  title: (org: string) => both(`Administratörer – ${org}`, `Admins – ${org}`),
  admins: both('Administratörer (tillagda i Teams)', 'Admins (added in Teams)'),
  none: both('inga', 'none'),
  botAdmins: both(
    'Botens administratörer (BOT_ADMINS) är administratörer överallt och syns inte här.',
    "The bot's admins (BOT_ADMINS) are admins everywhere and are not listed here.",
  ),
  processLeaders: both('Processledare', 'Process leaders'),
  recent: both('Senaste ändringar', 'Latest changes'),
  person: both('Person (skriv för att söka)', 'Person (type to search)'),
  personHint: both(
    'Här finns de jag känner: organisationens grupper, teamet där kortet öppnas och alla som har öppnat Samverkansboten. Saknas någon: be personen öppna Samverkansboten i Teams en gång och öppna sedan kortet igen.',
    "These are the people I know: the organisation's groups, the team where the card is opened and everyone who has opened Samverkansboten. Someone missing: ask them to open Samverkansboten in Teams once, then open the card again.",
  ),
  nobodyKnown: both(
    'Jag känner ingen att föreslå ännu. Be personen öppna Samverkansboten i Teams en gång, eller öppna kortet i en kanal i ett team där personen är med; öppna sedan kortet igen.',
    "I don't know anyone to offer yet. Ask the person to open Samverkansboten in Teams once, or open the card in a channel of a team the person is in; then open the card again.",
  ),
  group: both('Grupp (för processledare)', 'Group (for process leaders)'),
  noGroup: both('Ingen grupp', 'No group'),
  required: both('Välj en person.', 'Choose a person.'),
  addAdmin: both('Lägg till administratör', 'Add admin'),
  removeAdmin: both('Ta bort administratör', 'Remove admin'),
  addProcessLeader: both('Lägg till processledare', 'Add process leader'),
  removeProcessLeader: both('Ta bort processledare', 'Remove process leader'),
  notAllowed: (org: string) =>
    both(
      `Bara organisationens administratörer kan ändra administratörer och processledare för ${org}. Inget ändrades.`,
      `Only the organisation's admins can change admins and process leaders of ${org}. Nothing was changed.`,
    ),
  chooseOrg: (orgs: string) => both(`Skriv vilken organisation: administratörer <organisation> (${orgs}).`, `Say which organisation: admins <organisation> (${orgs}).`),
  orgNotFound: (q: string) => both(`Jag hittar ingen organisation som heter ”${q}”.`, `I can't find an organisation called "${q}".`),
  needGroup: both('Välj gruppen för processledaren. Inget ändrades.', "Choose the process leader's group. Nothing was changed."),
  notOffered: both(
    'Personen finns inte bland dem jag kan föreslå. Öppna kortet igen (administratörer) och välj i listan. Inget ändrades.',
    'The person is not among those I can offer. Open the card again (admins) and choose from the list. Nothing was changed.',
  ),
  notProcessLeader: (group: string) =>
    both(`Personen är inte processledare för ${group}. Inget ändrades.`, `The person is not process leader of ${group}. Nothing was changed.`),
  lastAdmin: both(
    'Du kan inte ta bort dig själv som administratör; be en annan administratör. Inget ändrades.',
    'You cannot remove yourself as admin; ask another admin. Nothing was changed.',
  ),
  done: {
    addAdmin: (name: string, org: string) => both(`${name} är nu administratör för ${org}.`, `${name} is now an admin of ${org}.`),
    removeAdmin: (name: string, org: string) => both(`${name} är inte längre administratör för ${org}.`, `${name} is no longer an admin of ${org}.`),
    addProcessLeader: (name: string, group: string) => both(`${name} är nu processledare för ${group}.`, `${name} is now process leader of ${group}.`),
    removeProcessLeader: (name: string, group: string) => both(`${name} är inte längre processledare för ${group}.`, `${name} is no longer process leader of ${group}.`),
  },
};

const changeLine = (c: AdminChange, v: AdminView, locale: Locale): readonly [string, string] => {
  const group = c.group === null ? '' : ` (${plain(v.org.groups.find((g) => g.id === c.group)?.shortName ?? c.group)})`;
  return [when(c.at, v.org.timeZone, locale), `${adminTexts[c.action][locale]}: ${plain(c.displayName)}${group}`];
};

/** The `administratörer` card: who is admin and process leader, the latest changes, and the form (a person chosen by name, never a typed id). */
export function adminCard(v: AdminView, locale: Locale): AdaptiveCard {
  const t = adminTexts;
  const leaders = v.processLeaders.map((p) => [plain(p.group.shortName), p.names.length === 0 ? t.none[locale] : p.names.map(plain).join(', ')] as const);
  const body: CardElement[] = [
    textBlock(t.admins[locale], { weight: 'Bolder' }),
    textBlock(v.admins.length === 0 ? t.none[locale] : v.admins.map((a) => plain(a.displayName)).join(', ')),
    textBlock(t.botAdmins[locale], { isSubtle: true, size: 'Small' }),
    textBlock(t.processLeaders[locale], { weight: 'Bolder' }),
    facts(leaders),
  ];
  if (v.recent.length > 0) body.push(textBlock(t.recent[locale], { weight: 'Bolder' }), facts(v.recent.map((c) => changeLine(c, v, locale))));
  const title = t.title(plain(v.org.shortName))[locale];
  if (v.people.length === 0) return card(locale, title, [...body, textBlock(plain(t.nobodyKnown[locale]))]);
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'person',
      label: t.person[locale],
      style: 'filtered',
      isRequired: true,
      errorMessage: t.required[locale],
      choices: v.people.map((p) => ({ title: p.name, value: p.aadObjectId })),
    },
    textBlock(plain(t.personHint[locale]), { isSubtle: true, size: 'Small' }),
    {
      type: 'Input.ChoiceSet',
      id: 'group',
      label: t.group[locale],
      style: 'compact',
      value: '',
      choices: [{ title: t.noGroup[locale], value: '' }, ...v.org.groups.map((g) => ({ title: plain(g.shortName), value: g.id }))],
    },
  );
  const button = (action: AdminChange['action']) => ({ type: 'Action.Submit', title: t[action][locale], data: { verb: 'changeAdmins', org: v.org.id, action } });
  return card(locale, title, body, [button('addAdmin'), button('removeAdmin'), button('addProcessLeader'), button('removeProcessLeader')]);
}
