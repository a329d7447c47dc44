import type { CycleEditView } from '../app/editCycle';
import { isProposal, type Occurrence } from '../domain/annualCycle';
import { nonWorkdayReason } from '../domain/holidays';
import type { Locale } from '../domain/organisation';
import { card, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { day } from './meetingTexts';
import { both } from './texts';

/** Longest title of a one-off item (the submission schema uses the same bound). */
export const MAX_EXTRA_TITLE = 200;

export const cycleEditTexts = {
  title: (group: string) => both(`Ändra årshjulet – ${group}`, `Edit the annual cycle – ${group}`),
  intro: both(
    'Välj ett datum och fastställ det, flytta det eller ta bort det för i år. Eller lägg till en engångspunkt, till exempel en remisstid. Helgdagsflytt gäller även ändrade datum.',
    'Choose a date and confirm it, move it or remove it for this year. Or add a one-off item, for example a consultation deadline. Holiday moves apply to changed dates too.',
  ),
  which: both('Datum i årshjulet', 'Date in the annual cycle'),
  newDate: both('Nytt datum (flytta) eller datum för ny punkt', 'New date (move) or date of the new item'),
  extraTitle: both('Ny punkt: rubrik', 'New item: title'),
  audience: both('Ny punkt: vem påminns', 'New item: who is reminded'),
  remind: both('Ny punkt: påminn dagar före', 'New item: remind days before'),
  orgWide: both('Gäller hela organisationen (bara administratörer)', 'For the whole organisation (admins only)'),
  confirm: both('Fastställ', 'Confirm'),
  move: both('Flytta', 'Move'),
  remove: both('Ta bort i år', 'Remove this year'),
  add: both('Lägg till punkt', 'Add item'),
  audienceNames: {
    processLeader: both('Processledare', 'Process leader'),
    chair: both('Ordförande', 'Chair'),
    viceChair: both('Vice ordförande', 'Vice chair'),
    members: both('Ledamöter', 'Members'),
  },
  notAllowed: (group: string) =>
    both(
      `Bara gruppens processledare, ordförande och administratörer kan ändra årshjulet för ${group}. Inget ändrades.`,
      `Only the group's process leader, chair and admins can edit the annual cycle of ${group}. Nothing was changed.`,
    ),
  notAllowedOrg: (group: string) =>
    both(
      `Bara administratörer kan ändra årshjulet för hela organisationen. Ändra för ${group} i stället. Inget ändrades.`,
      `Only admins can edit the annual cycle of the whole organisation. Edit it for ${group} instead. Nothing was changed.`,
    ),
  chooseDate: both('Välj ett av gruppens datum i listan. Inget ändrades.', "Choose one of the group's dates in the list. Nothing was changed."),
  needDate: both('Ange ett datum. Inget ändrades.', 'Enter a date. Nothing was changed.'),
  needTitle: both('Ange en rubrik för den nya punkten. Inget ändrades.', 'Enter a title for the new item. Nothing was changed.'),
  confirmed: (what: string, date: string, group: string) => both(`Fastställt: ${what} ${date} för ${group}.`, `Confirmed: ${what} ${date} for ${group}.`),
  moved: (what: string, from: string, date: string, group: string) =>
    both(
      `Flyttat: ${what} från ${from} till ${date} för ${group} (fastställt). Påminnelser, årshjulet och kalendern följer det nya datumet.`,
      `Moved: ${what} from ${from} to ${date} for ${group} (confirmed). Reminders, the annual cycle and the calendar follow the new date.`,
    ),
  removed: (what: string, from: string, group: string) =>
    both(`Borttaget för i år: ${what} ${from} för ${group}.`, `Removed for this year: ${what} ${from} for ${group}.`),
  added: (what: string, date: string, group: string) =>
    both(`Tillagt i årshjulet: ${what} ${date} för ${group}.`, `Added to the annual cycle: ${what} ${date} for ${group}.`),
  holiday: (from: string, why: string, to: string) =>
    both(` ${from} är ${why}, så sista dag blir ${to}.`, ` ${from} is ${why} (Swedish calendar), so the deadline is ${to}.`),
};

/** A date in the list, read like the årshjul card: "tis 15 dec. 2026: Halvårsvis informationsbrev/rapport (förslag)". */
const label = (o: Occurrence, locale: Locale): string =>
  `${day(o.deadline, locale)}: ${plain(o.item.title[locale])}${isProposal(o.item) ? ` (${locale === 'sv' ? 'förslag' : 'proposal'})` : ''}`;

/** The edit card of `årshjul <grupp> ändra`: one list of dates, the inputs, and one button per change. */
export function cycleEditCard(v: CycleEditView, locale: Locale): AdaptiveCard {
  const t = cycleEditTexts;
  const body: CardElement[] = [
    textBlock(t.intro[locale]),
    { type: 'Input.ChoiceSet', id: 'target', label: t.which[locale], choices: v.occurrences.map((o) => ({ title: label(o, locale), value: o.key })) },
    { type: 'Input.Date', id: 'date', label: t.newDate[locale] },
    { type: 'Input.Text', id: 'title', label: t.extraTitle[locale], maxLength: MAX_EXTRA_TITLE },
    {
      type: 'Input.ChoiceSet',
      id: 'audience',
      label: t.audience[locale],
      isMultiSelect: true,
      value: 'processLeader',
      choices: (['processLeader', 'chair', 'viceChair', 'members'] as const).map((a) => ({ title: t.audienceNames[a][locale], value: a })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'remind',
      label: t.remind[locale],
      isMultiSelect: true,
      value: '14,3',
      choices: [30, 14, 7, 3, 1].map((d) => ({ title: String(d), value: String(d) })),
    },
  ];
  if (v.mayEditOrg) body.push({ type: 'Input.Toggle', id: 'orgWide', title: t.orgWide[locale], valueOn: 'true', valueOff: 'false', value: 'false' });
  const data = { verb: 'editCycle', org: v.org.id, group: v.group.id };
  const button = (action: 'confirm' | 'move' | 'remove' | 'add') => ({ type: 'Action.Submit', title: t[action][locale], data: { ...data, action } });
  return card(locale, t.title(plain(v.group.shortName))[locale], body, [button('confirm'), button('move'), button('remove'), button('add')]);
}

/**
 * The answer after a change: what changed, and why the deadline moved off a holiday. The dates (ISO
 * in `r`) read like the årshjul card; the moved-off date goes without its weekday, which the reason names.
 */
export function cycleChangedText(
  r: { kind: 'confirm' | 'move' | 'remove' | 'add'; what: string; proposed: string; occurrence: Occurrence | null; group: string; date: string },
  locale: Locale,
): string {
  const deadline = day(r.occurrence?.deadline ?? r.date, locale);
  const proposed = day(r.proposed, locale);
  const from = r.occurrence?.movedFrom;
  const holiday = from ? cycleEditTexts.holiday(day(from, locale, false), nonWorkdayReason(from, locale) ?? '', deadline)[locale] : '';
  switch (r.kind) {
    case 'confirm':
      return cycleEditTexts.confirmed(r.what, deadline, r.group)[locale] + holiday;
    case 'move':
      return cycleEditTexts.moved(r.what, proposed, deadline, r.group)[locale] + holiday;
    case 'remove':
      return cycleEditTexts.removed(r.what, proposed, r.group)[locale];
    case 'add':
      return cycleEditTexts.added(r.what, deadline, r.group)[locale] + holiday;
  }
}
