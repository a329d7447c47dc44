import type { DeputyView } from '../app/deputies';
import type { DeputyCall } from '../domain/deputies';
import { activeItems, type Meeting } from '../domain/meetings';
import type { Group, Locale, Organisation } from '../domain/organisation';
import { card, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { when } from './meetingTexts';
import { both } from './texts';

/** Named deputies (ersättare): the `ersättare <grupp>` card, the call to the deputy and what each person is told. */
export const deputyTexts = {
  title: (g: string) => both(`Ersättare – ${g}`, `Deputies – ${g}`),
  intro: both(
    'Välj en ledamot och personen som ersätter hen. Har ledamoten förhinder kan hen trycka Kalla ersättare, och ersättaren får kallelsen med dagordningen i sin chatt med boten.',
    'Choose a member and the person who replaces them. When the member cannot attend, they can press Call deputy, and the deputy gets the notice with the agenda in their chat with the bot.',
  ),
  row: (member: string, deputy: string | null) => both(`**${member}** – ersättare: ${deputy ?? 'ingen namngiven'}`, `**${member}** – deputy: ${deputy ?? 'none named'}`),
  noMembers: (g: string) => both(`${g} har inga ledamöter ännu.`, `${g} has no members yet.`),
  member: both('Ledamot', 'Member'),
  deputy: both('Ersättare', 'Deputy'),
  noDeputy: both('Ingen ersättare (ta bort)', 'No deputy (remove)'),
  submit: both('Spara ersättare', 'Save deputy'),
  required: both('Obligatoriskt fält.', 'Required field.'),
  button: both('Ersättare', 'Deputies'),
  notAllowed: (g: string) =>
    both(
      `Bara en administratör eller processledaren för ${g} kan namnge ersättare. Inget ändrades.`,
      `Only an administrator or the process leader of ${g} can name deputies. Nothing was changed.`,
    ),
  noDeputies: (g: string) =>
    both(
      `${g} använder inte ersättare enligt gruppens inställningar (de ändras med **inställningar ${g}**). Inget ändrades.`,
      `${g} does not use deputies according to the group's settings (changed with **settings ${g}**). Nothing was changed.`,
    ),
  named: (deputy: string, member: string, g: string) => both(`${deputy} är nu ersättare för ${member} i ${g}.`, `${deputy} is now the deputy of ${member} in ${g}.`),
  removed: (member: string, g: string) => both(`${member} har inte längre någon namngiven ersättare i ${g}.`, `${member} no longer has a named deputy in ${g}.`),
  notMember: both('Personen är inte ledamot i gruppen. Inget ändrades.', 'The person is not a member of the group. Nothing was changed.'),
  unknownPerson: both(
    'Den valda personen finns varken i teamet eller i organisationens grupper. Öppna kortet igen. Inget ändrades.',
    "The chosen person is neither in the team nor in the organisation's groups. Open the card again. Nothing was changed.",
  ),
  self: both('En ledamot kan inte vara sin egen ersättare. Inget ändrades.', 'A member cannot be their own deputy. Nothing was changed.'),
  // The call.
  inputIntro: (deputy: string, cutoff: string) =>
    both(
      `Kan du inte komma? Tryck **Kalla ersättare** så får din ersättare ${deputy} kallelsen och dagordningen, och skriv gärna per punkt det du vill att ordföranden tar med. Du kan ändra fram till ${cutoff}.`,
      `Can't attend? Press **Call deputy** and your deputy ${deputy} gets the notice and the agenda; and write per item what the chair should bring up. You can edit until ${cutoff}.`,
    ),
  call: both('Kalla ersättare', 'Call deputy'),
  callTitle: (g: string) => both(`Kallelse som ersättare – ${g}`, `Called as deputy – ${g}`),
  callIntro: (member: string, g: string) =>
    both(`Du kallas som ersättare för ${member}, som har förhinder, till ${g}.`, `You are called as deputy for ${member}, who cannot attend, to ${g}.`),
  time: both('Tid', 'Time'),
  place: both('Plats', 'Place'),
  agenda: both('Dagordning', 'Agenda'),
  noAgenda: both('Dagordningen är inte klar ännu.', 'The agenda is not ready yet.'),
  called: (deputy: string, leadersTold: boolean) =>
    both(
      `${deputy} har kallats.${leadersTold ? ' Processledaren har fått veta det.' : ''}`,
      `${deputy} has been called.${leadersTold ? ' The process leader has been told.' : ''}`,
    ),
  unreached: (deputy: string, leadersTold: boolean) =>
    leadersTold
      ? both(
          `${deputy} kunde inte nås här (hen har inte öppnat chatten med boten). Processledaren har fått veta att ${deputy} behöver kallas.`,
          `${deputy} could not be reached here (they have not opened the chat with the bot). The process leader has been told to call ${deputy}.`,
        )
      : both(
          `${deputy} kunde inte nås här, och inte heller processledaren. Kontakta ${deputy} direkt.`,
          `${deputy} could not be reached here, nor could the process leader. Contact ${deputy} directly.`,
        ),
  attending: (g: string) =>
    both(
      `Du har svarat att du kommer till ${g}, så ingen ersättare kallades. Tryck Förhinder på dagordningen först om du inte kan komma.`,
      `You have answered that you will attend ${g}, so no deputy was called. Press Can't attend on the agenda first if you cannot come.`,
    ),
  markedAbsent: both('Jag har också noterat förhinder för dig.', "I have also noted that you can't attend."),
  alreadyCalled: (deputy: string) =>
    both(`${deputy} är redan kallad till mötet. Inget skickades igen.`, `${deputy} has already been called to the meeting. Nothing was sent again.`),
  noneNamed: (g: string) =>
    both(
      `Ingen ersättare är namngiven för dig i ${g}. Processledaren eller en administratör kan namnge en med **ersättare ${g}**.`,
      `No deputy is named for you in ${g}. The process leader or an administrator can name one with **deputies ${g}**.`,
    ),
  leaderCalled: (member: string, deputy: string, meeting: string) =>
    both(`${member} har förhinder till ${meeting}; ersättaren ${deputy} har kallats.`, `${member} cannot attend ${meeting}; the deputy ${deputy} has been called.`),
  leaderUnreached: (member: string, deputy: string, meeting: string) =>
    both(
      `${member} har förhinder till ${meeting}; ersättaren ${deputy} kunde inte nås här – kalla hen.`,
      `${member} cannot attend ${meeting}; the deputy ${deputy} could not be reached here – please call them.`,
    ),
  /** In the brief and the meeting view, for the chair and the process leader. */
  briefLine: (c: Pick<DeputyCall, 'deputyName' | 'memberName' | 'status'>) =>
    c.status === 'unreached'
      ? both(`Ersättare kunde inte nås: ${c.deputyName} (för ${c.memberName})`, `Deputy not reached: ${c.deputyName} (for ${c.memberName})`)
      : both(`Ersättare kallad: ${c.deputyName} (för ${c.memberName})`, `Deputy called: ${c.deputyName} (for ${c.memberName})`),
};

/** `ersättare <grupp>`: each member with their deputy, and a form to name, change or remove one. */
export function deputiesCard(v: DeputyView, locale: Locale): AdaptiveCard {
  const t = deputyTexts;
  const { org, group } = v.target;
  const rows: CardElement[] = v.members.map(({ member, deputy }) =>
    textBlock(t.row(plain(member.displayName), deputy === null ? null : plain(deputy.displayName))[locale], { spacing: 'Small' }),
  );
  if (v.members.length === 0) return card(locale, t.title(plain(group.shortName))[locale], [textBlock(t.noMembers(plain(group.shortName))[locale])]);
  const req = { isRequired: true, errorMessage: t.required[locale] };
  return card(
    locale,
    t.title(plain(group.shortName))[locale],
    [
      textBlock(t.intro[locale], { isSubtle: true }),
      ...rows,
      {
        type: 'Input.ChoiceSet',
        id: 'member',
        label: t.member[locale],
        style: 'compact',
        ...req,
        choices: v.members.map(({ member }) => ({ title: member.displayName, value: member.aadObjectId })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'deputy',
        label: t.deputy[locale],
        style: 'compact',
        value: '',
        choices: [{ title: t.noDeputy[locale], value: '' }, ...v.candidates.map((c) => ({ title: c.name, value: c.aadObjectId }))],
      },
    ],
    [{ type: 'Action.Submit', title: t.submit[locale], data: { verb: 'setDeputy', org: org.id, group: group.id } }],
  );
}

/** The call to the deputy, in their personal chat: whom they replace, and the meeting's time, place and agenda. */
export function deputyCallCard(org: Organisation, group: Group, m: Meeting, memberName: string, locale: Locale): AdaptiveCard {
  const t = deputyTexts;
  const items = activeItems(m);
  return card(locale, t.callTitle(plain(group.shortName))[locale], [
    textBlock(t.callIntro(plain(memberName), plain(group.shortName))[locale]),
    facts([
      [t.time[locale], when(m.startsAt, org.timeZone, locale)],
      [t.place[locale], plain(m.place)],
    ]),
    textBlock(`**${t.agenda[locale]}**`, { spacing: 'Medium' }),
    ...(items.length === 0
      ? [textBlock(t.noAgenda[locale], { isSubtle: true })]
      : items.map((item, i) => textBlock(`${i + 1}. ${plain(item.title)}`, { spacing: 'None' }))),
  ]);
}

/** The Kalla ersättare button of the input card. */
export const callDeputyButton = (m: Meeting, locale: Locale): CardElement => ({
  type: 'Action.Submit',
  title: deputyTexts.call[locale],
  data: { verb: 'callDeputy', org: m.org, group: m.group, meetingId: m.id },
});
