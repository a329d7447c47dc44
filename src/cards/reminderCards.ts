import { isProposal, type Occurrence, type Reminder } from '../domain/annualCycle';
import { cycleLines, TERM_END_TITLES } from '../domain/cycleLines';
import { nonWorkdayReason } from '../domain/holidays';
import type { CycleAudience, Locale } from '../domain/organisation';
import { card, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { both } from './texts';
import { counted } from './i18n';
import { day } from './meetingTexts';

const roleNames: Record<CycleAudience, { sv: string; en: string }> = {
  chair: both('ordförande', 'chair'),
  viceChair: both('vice ordförande', 'vice chair'),
  processLeader: both('processledare', 'process leader'),
  members: both('ledamot', 'member'),
};

export const reminderTexts = {
  title: (what: string) => both(`Påminnelse: ${what}`, `Reminder: ${what}`),
  group: both('Grupp', 'Group'),
  deadline: both('Sista dag', 'Deadline'),
  proposedDate: both('Föreslaget datum', 'Proposed date'),
  proposal: both('förslag – inte fastställt', 'proposal – not decided'),
  proposalNote: both(
    'Datumet är ett förslag och inte fastställt: dokumenten nämner uppgiften men inte datumet. Gruppen bestämmer när den ska vara klar.',
    'The date is a proposal, not decided: the documents name the task but not the date. The group decides when it is due.',
  ),
  daysLeft: both('Dagar kvar', 'Days left'),
  today: both('i dag', 'today'),
  yourRole: both('Du får den som', 'You get it as'),
  moved: (from: string, why: string) => both(`Flyttad från ${from} (${why}).`, `Moved from ${from} (${why}).`),
  meetings: (planned: number, min: number) =>
    both(
      `Gruppen har ${counted('planeradeMoten', planned, 'sv')} under perioden, och dokumenten anger minst ${min}. Planera fler möten.`,
      `The group has ${counted('planeradeMoten', planned, 'en')} in the period, and the documents set at least ${min}. Plan more meetings.`,
    ),
  done: both('Klart', 'Done'),
  wheelAlt: (group: string) =>
    both(
      `Årshjulet för ${group} som ett hjul över de tolv månaderna från den här månaden (rubriken anger vilka), med årsskiftet markerat: månaderna runt cirkeln, gruppens möten som blå cirklar, årshjulets deadlines som orange romber, förslag (inte fastställda datum) ritade ihåliga och streckade, och i dag markerat med ett rött streck. De kommande datumen står i listan.`,
      `The annual cycle of ${group} as a wheel over the twelve months from this month (the title names them), the turn of the year marked: the months around the circle, the group's meetings as blue circles, deadlines as orange diamonds, proposals (dates not yet decided) drawn hollow and dashed, and today marked with a red line. The coming dates are in the list.`,
    ),
  seen: both('Sett – påminn inte mig', 'Seen – stop reminding me'),
  markedDone: (what: string, group: string) =>
    both(
      `Markerat som klart: ${what} för ${group}. Ingen i gruppen påminns mer om den.`,
      `Marked as done: ${what} for ${group}. Nobody in the group will be reminded about it again.`,
    ),
  acknowledged: (what: string) => both(`Noterat. Du påminns inte mer om ${what}.`, `Noted. You will not be reminded about ${what} again.`),
  notInGroup: (group: string) =>
    both(
      `Bara gruppens ledamöter och de som får påminnelsen kan svara på den för ${group}. Inget ändrades.`,
      `Only the group's members and the people the reminder is for can answer it for ${group}. Nothing was changed.`,
    ),
  notAllowedDone: (what: string, group: string) =>
    both(
      `Bara de som uppgiften är till för, och gruppens ordförande, vice ordförande och processledare, kan markera ”${what}” som klart för ${group}. Inget ändrades.`,
      `Only the people the task is for, and the group's chair, vice chair and process leader, can mark "${what}" as done for ${group}. Nothing was changed.`,
    ),
  cycleTitle: (group: string) => both(`Årshjul – ${group}`, `Annual cycle – ${group}`),
  cycleEmpty: both('Inga kommande datum i årshjulet för gruppen det närmaste året.', 'No upcoming annual-cycle dates for the group in the coming year.'),
  subscribe: both('Prenumerera i Outlook', 'Subscribe in Outlook'),
  subscribeHint: (url: string) =>
    both(
      `Kalenderlänk (lägg till i Outlook via "Lägg till kalender" → "Från internet"): ${url}`,
      `Calendar link (add in Outlook via "Add calendar" → "From the internet"): ${url}`,
    ),
};

/** The reminder card: what, for which group, the deadline (and why it moved), days left, and actions. */
export function reminderCard(r: Reminder, locale: Locale): AdaptiveCard {
  const occ = r.occurrence;
  // A term-end notice says whose term ends (the vice's holder is not told the chair's term ends).
  const what = plain((occ.post === undefined ? occ.item.title : TERM_END_TITLES[occ.post])[locale]);
  const proposal = isProposal(occ.item);
  const rows: [string, string][] = [
    [reminderTexts.group[locale], plain(occ.group.shortName)],
    proposal
      ? [reminderTexts.proposedDate[locale], `${day(occ.deadline, locale)} (${reminderTexts.proposal[locale]})`]
      : [reminderTexts.deadline[locale], day(occ.deadline, locale)],
    [reminderTexts.daysLeft[locale], r.daysLeft === 0 ? reminderTexts.today[locale] : String(r.daysLeft)],
    [reminderTexts.yourRole[locale], r.roles.map((x) => roleNames[x][locale]).join(', ')],
  ];
  const body: CardElement[] = [facts(rows)];
  if (proposal) body.push(textBlock(reminderTexts.proposalNote[locale], { isSubtle: true }));
  if (occ.movedFrom !== null)
    body.push(textBlock(reminderTexts.moved(day(occ.movedFrom, locale, false), nonWorkdayReason(occ.movedFrom, locale) ?? '')[locale], { isSubtle: true }));
  if (r.meetingCount !== null) body.push(textBlock(reminderTexts.meetings(r.meetingCount.planned, r.meetingCount.minimum)[locale]));
  const data = { org: occ.org.id, group: occ.group.id, occurrence: occ.key, deadline: occ.deadline };
  return card(locale, reminderTexts.title(what)[locale], body, [
    { type: 'Action.Submit', title: reminderTexts.done[locale], data: { verb: 'reminderDone', ...data } },
    { type: 'Action.Submit', title: reminderTexts.seen[locale], data: { verb: 'reminderAck', ...data } },
  ]);
}

/** The group's coming deadlines, and the calendar subscription link. */
export function cycleCard(groupName: string, deadlines: readonly Occurrence[], icsUrl: string | null, locale: Locale, wheelUrl: string | null = null): AdaptiveCard {
  const rows: CardElement[] =
    deadlines.length === 0
      ? [textBlock(reminderTexts.cycleEmpty[locale])]
      : [
          facts(
            cycleLines(deadlines).map(({ occurrence: o, title: name }) => {
              const title = plain(name[locale]);
              const notes = [
                ...(isProposal(o.item) ? [reminderTexts.proposal[locale]] : []),
                ...(o.changedFrom !== undefined ? [`${locale === 'sv' ? 'ändrat från' : 'changed from'} ${day(o.changedFrom, locale)}`] : []),
                // Why it moved: the weekday or holiday of the nominal date, in the card's language (so the date goes without its weekday).
                ...(o.movedFrom
                  ? [`${locale === 'sv' ? 'flyttad från' : 'moved from'} ${day(o.movedFrom, locale, false)}, ${nonWorkdayReason(o.movedFrom, locale) ?? ''}`]
                  : []),
              ];
              return [day(o.deadline, locale), `${title}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`] as const;
            }),
          ),
        ];
  // The wheel (a PNG drawn on the server) shows the same year at a glance; its alt text says what it shows for screen readers.
  if (wheelUrl !== null) rows.push({ type: 'Image', url: wheelUrl, altText: reminderTexts.wheelAlt(plain(groupName))[locale], size: 'Stretch' });
  if (icsUrl !== null) rows.push(textBlock(reminderTexts.subscribeHint(icsUrl)[locale], { isSubtle: true, size: 'Small' }));
  return card(
    locale,
    reminderTexts.cycleTitle(plain(groupName))[locale],
    rows,
    icsUrl === null ? [] : [{ type: 'Action.OpenUrl', title: reminderTexts.subscribe[locale], url: icsUrl }],
  );
}
