import type { AgendaChange, FieldName, FieldRule, ItemKind, MeetingStatus } from '../domain/meetings';
import type { Locale } from '../domain/organisation';
import { dateFormat } from '../domain/calendarDate';
import { plain } from './escape';
import { both } from './texts';
import { counted } from './i18n';

export const kindLabel: Record<ItemKind, { sv: string; en: string }> = {
  information: both('Information', 'Information'),
  diskussion: both('Diskussion', 'Discussion'),
  beslut: both('Beslut', 'Decision'),
};

export const statusLabel: Record<MeetingStatus, { sv: string; en: string }> = {
  planned: both('Planerat', 'Planned'),
  held: both('Genomfört', 'Held'),
  'minutes-approved': both('Minnesanteckningar justerade', 'Minutes approved'),
  published: both('Publicerat', 'Published'),
};

/** The one readable form of a day shown to people: "tis 8 dec. 2026" (sv), "Tue, 8 Dec 2026" (en). */
const DAY = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
const intlLocale = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** Formats an instant as date and time in the organisation's zone, e.g. "tis 8 dec. 2026 14:00". */
export function when(iso: string, timeZone: string, locale: Locale): string {
  return dateFormat(intlLocale(locale), { timeZone, ...DAY, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * Formats a calendar date (YYYY-MM-DD, already a day in the organisation's calendar) the way `when`
 * shows the day, e.g. "tors 10 dec. 2026" / "Thu, 10 Dec 2026". ISO stays where it is data: exports,
 * `.ics`, button data and what people type. Without the weekday where the text names it anyway.
 */
export function day(date: string, locale: Locale, weekday = true): string {
  const { weekday: _w, ...noWeekday } = DAY;
  return dateFormat(intlLocale(locale), { timeZone: 'UTC', ...(weekday ? DAY : noWeekday) }).format(new Date(`${date}T12:00:00Z`));
}

/** A meeting's time with its planned end when known, e.g. "tis 8 dec. 2026 13:00–14:30". */
export function timeSpan(startIso: string, end: Date | null, timeZone: string, locale: Locale): string {
  const start = when(startIso, timeZone, locale);
  if (end === null) return start;
  const endTime = dateFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(end);
  return `${start}–${endTime}`;
}

/** One change of a revision in plain words. */
export function changeText(c: AgendaChange, timeZone: string, locale: Locale): string {
  const l = (sv: string, en: string) => (locale === 'sv' ? sv : en);
  // Titles and places are the user's text: shown as typed, never as markdown.
  const title = 'title' in c ? plain(c.title) : '';
  switch (c.kind) {
    case 'added':
      return l(`ny punkt "${title}"`, `new item "${title}"`);
    case 'withdrawn':
      return l(`punkten "${title}" utgår`, `item "${title}" withdrawn`);
    case 'restored':
      return l(`punkten "${title}" är tillbaka`, `item "${title}" restored`);
    case 'changed': {
      // Field names as the form shows them ("Föredragande"), never the code's ("presenter").
      const fields = c.fields.map((f) => changedFieldLabel(f, locale)).join(', ');
      return l(`"${title}" ändrad (${fields})`, `"${title}" changed (${fields})`);
    }
    case 'removed':
      return l(`punkten "${title}" struken från dagordningen`, `item "${title}" removed`);
    case 'reordered':
      return l('ny ordning på punkterna', 'items reordered');
    case 'time':
      return l(
        `ny tid ${when(c.to, timeZone, locale)} (var ${when(c.from, timeZone, locale)})`,
        `new time ${when(c.to, timeZone, locale)} (was ${when(c.from, timeZone, locale)})`,
      );
    case 'place':
      return l(`ny plats ${plain(c.to)} (var ${plain(c.from)})`, `new place ${plain(c.to)} (was ${plain(c.from)})`);
  }
}

export const meetingTexts = {
  agendaTitle: (group: string) => both(`Dagordning – ${group}`, `Agenda – ${group}`),
  time: both('Tid', 'Time'),
  place: both('Plats', 'Place'),
  status: both('Status', 'Status'),
  revision: (n: number, changes: string) => both(`Reviderad (version ${n + 1}): ${changes}.`, `Revised (version ${n + 1}): ${changes}.`),
  withdrawn: both('utgår', 'withdrawn'),
  presenter: both('föredragande', 'presenter'),
  min: both('min', 'min'),
  source: both('ursprung', 'source'),
  answers: (a: number, b: number) => both(`${a} kommer · ${b} har förhinder`, `${a} attending · ${b} absent`),
  /** A meeting closed with the attendance register: who was there, not who said they would come. */
  registerCounts: (present: number, absent: number) => both(`${present} närvarande · ${absent} förhinder`, `${present} present · ${absent} absent`),
  attend: both('Jag kommer', "I'm attending"),
  inputBy: both('Synpunkter senast', 'Input by'),
  addItem: both('Lägg till punkt', 'Add item'),
  yourAnswer: both('Ditt svar', 'Your answer'),
  answerAttending: both('Kommer', 'Attending'),
  answerAbsent: both('Förhinder', "Can't attend"),
  answerNone: both('Inget svar ännu', 'No answer yet'),
  notAnswered: (names: string) => both(`Har inte svarat: ${names}`, `Not answered yet: ${names}`),
  buttonInput: both('Synpunkter', 'Input'),
  buttonMinutes: both('Minnesanteckningar', 'Minutes'),
  buttonPublish: both('Publicera', 'Publish'),
  publishUrl: both('Webbadress där minnesanteckningarna är publicerade', 'Web address where the minutes are published'),
  absent: both('Förhinder', "Can't attend"),
  noAgenda: both('Dagordningen är inte klar ännu.', 'The agenda is not ready yet.'),
  inputTitle: (group: string) => both(`Synpunkter i förväg – ${group}`, `Written input in advance – ${group}`),
  /** The labelled meeting time on the input card. */
  inputMeetingAt: (at: string) => both(`Mötet: ${at}`, `Meeting: ${at}`),
  /** `deputies`: the group's setting; "ersättare utses inte" is said only where the documents say it (never to politicians). */
  inputIntro: (cutoff: string, deputies: boolean | null) =>
    deputies === false
      ? both(
          `Kan du inte komma? Eftersom ersättare inte utses, når dina synpunkter mötet bara skriftligt: skriv per punkt det du vill att ordföranden tar med. Du kan ändra fram till ${cutoff}.`,
          `Can't attend? As no deputies are appointed, your input reaches the meeting only in writing: write per item what the chair should bring up. You can edit until ${cutoff}.`,
        )
      : deputies === true
        ? both(
            `Kan du inte komma? Kontakta din ersättare så att hen kan komma, och skriv gärna per punkt det du vill att ordföranden tar med. Du kan ändra fram till ${cutoff}.`,
            `Can't attend? Contact your deputy so they can attend, and write per item what the chair should bring up. You can edit until ${cutoff}.`,
          )
        : both(
            `Kan du inte komma? Skriv per punkt det du vill att ordföranden tar med. Du kan ändra fram till ${cutoff}.`,
            `Can't attend? Write per item what the chair should bring up. You can edit until ${cutoff}.`,
          ),
  general: both('Övrigt (allmänna synpunkter)', 'General comments'),
  saveInput: both('Spara synpunkter', 'Save input'),
  inputSaved: (n: number, cutoff: string) =>
    both(`Sparat: ${counted('synpunkter', n, 'sv')}. Du kan ändra fram till ${cutoff}.`, `Saved: ${counted('synpunkter', n, 'en')}. You can edit until ${cutoff}.`),
  inputNothing: both('Inga synpunkter ändrades.', 'No input was changed.'),
  inputMarkedAbsent: both(
    'Du hade inte svarat på mötet, så jag har noterat förhinder för dig: synpunkter i förväg är för den som inte kan komma, och de går nu till ordföranden. Tryck Jag kommer på dagordningen om du ändå kommer.',
    "You had not answered, so I have noted that you can't attend: written input is for those who cannot come, and it now goes to the chair. Press I'm attending on the agenda if you will come after all.",
  ),
  inputWhileAttending: both(
    'Du har svarat att du kommer, så synpunkterna visas inte i ordförandens sammanställning: ta upp dem på mötet, eller tryck Förhinder om du inte kan komma.',
    "You have answered that you are attending, so the input is not shown in the chair's brief: raise it at the meeting, or press Can't attend if you cannot come.",
  ),
  cutoffPassed: (cutoff: string) =>
    both(
      `Tiden för synpunkter gick ut ${cutoff}, så inget sparades. Kontakta processledaren direkt om det är viktigt.`,
      `The time for written input ended ${cutoff}, so nothing was saved. Contact the process leader directly if it matters.`,
    ),
  answeredAttend: both('Tack! Du är anmäld som deltagare.', "Thanks! You're registered as attending."),
  answeredAbsent: both(
    'Förhinder noterat. Du får ett kort här för att lämna synpunkter i förväg.',
    "Noted that you can't attend. You'll get a card here to leave written input.",
  ),
  /** To each process leader when a member of a group with deputies, but no named deputy, presses Förhinder. */
  deputyLeaderNotice: (member: string, meeting: string, group: string) =>
    both(
      `${member} har förhinder till ${meeting}; gruppen har ersättare men ingen är namngiven för ${member} – kalla ersättaren (namnge hen med **ersättare ${group}**).`,
      `${member} can't attend ${meeting}; the group has deputies but none is named for ${member} – call the deputy (name them with **deputies ${group}**).`,
    ),
  deputyTold: (group: string) =>
    both(
      `Processledaren har fått veta att du har förhinder och kallar din ersättare. Ingen ersättare är namngiven för dig ännu; processledaren eller en administratör kan namnge en med **ersättare ${group}**.`,
      `The process leader has been told that you cannot attend and will call your deputy. No deputy is named for you yet; the process leader or an administrator can name one with **deputies ${group}**.`,
    ),
  deputyNotTold: (group: string) =>
    both(
      `Ingen ersättare är namngiven för dig ännu, och processledaren kunde inte nås här: kontakta din ersättare eller processledaren direkt. Processledaren eller en administratör kan namnge en ersättare med **ersättare ${group}**.`,
      `No deputy is named for you yet, and the process leader could not be reached here: contact your deputy or the process leader directly. The process leader or an administrator can name a deputy with **deputies ${group}**.`,
    ),
  notMember: (group: string) => both(`Bara ledamöter i ${group} svarar på mötet. Inget sparades.`, `Only members of ${group} answer for the meeting. Nothing was saved.`),
  started: both('Mötet har redan börjat eller är avslutat, så svaret sparades inte.', 'The meeting has already started or ended, so the answer was not saved.'),
  unknownMeeting: both(
    'Jag hittar inte mötet. Det kan ha tagits bort; skriv **möten** för att se gruppens möten.',
    "I can't find the meeting. It may have been removed; type **meetings** to see the group's meetings.",
  ),
  notLead: (group: string) =>
    both(
      `Bara processledaren eller ordföranden i ${group} (eller en administratör) kan göra det. Inget ändrades.`,
      `Only the process leader or chair of ${group} (or an administrator) can do that. Nothing was changed.`,
    ),
  inPast: both('Mötestiden har redan passerat. Välj en tid framåt. Inget sparades.', 'The meeting time has already passed. Choose a future time. Nothing was saved.'),
  noItems: both('Dagordningen behöver minst en punkt med rubrik. Inget sparades.', 'The agenda needs at least one item with a title. Nothing was saved.'),
  badTime: both('Datum eller tid är ogiltiga. Inget sparades.', 'The date or time is invalid. Nothing was saved.'),
  conflict: both(
    'Någon annan ändrade mötet medan du redigerade, så dina ändringar sparades inte. Öppna formuläret igen för att utgå från senaste versionen.',
    'Someone else changed the meeting while you were editing, so your changes were not saved. Open the form again to start from the latest version.',
  ),
  alreadyCreated: both(
    'Mötet är redan skapat från det här formuläret, så inget nytt skapades. Skriv **möten** för att se det.',
    'The meeting was already created from this form, so nothing new was created. Type **meetings** to see it.',
  ),
  /** Where the agenda went and what comes next: answers on the card, the brief at the input deadline (`cutoff`) or on request. */
  created: (group: string, at: string, cutoff: string) =>
    both(
      `Mötet för ${group} ${at} är skapat och dagordningen publicerad i gruppens kanal. Ledamöterna svarar Jag kommer eller Förhinder på kortet. Sammanställningen går till ordförande och processledare när synpunkterna stänger ${cutoff}; skriv **sammanställning ${group}** för att se den tidigare.`,
      `The ${group} meeting on ${at} is created and the agenda posted in the group's channel. Members answer I'm attending or Can't attend on the card. The brief goes to the chair and process leader when input closes on ${cutoff}; type **brief ${group}** to see it sooner.`,
    ),
  createdNoChannel: (group: string, at: string) =>
    both(
      `Mötet för ${group} ${at} är skapat. Gruppen har ingen kopplad kanal, så dagordningen visas här – koppla en kanal med **koppla** för att publicera den där.`,
      `The ${group} meeting on ${at} is created. The group has no linked channel, so the agenda is shown here – link one with **link** to post it there.`,
    ),
  revised: (changes: string) => both(`Dagordningen är reviderad: ${changes}.`, `The agenda is revised: ${changes}.`),
  cardReposted: both(
    'Kortet i kanalen kunde inte uppdateras, så jag har postat det på nytt.',
    'The card in the channel could not be updated, so I have posted it again.',
  ),
  cardPosted: both('Dagordningen är nu postad i kanalen.', 'The agenda is now posted in the channel.'),
  cardFailed: (group: string) =>
    both(
      `Kortet i kanalen kunde inte uppdateras och inte heller postas på nytt; visa det med **möten ${group}**.`,
      `The card in the channel could not be updated or posted again; show it with **meetings ${group}**.`,
    ),
  createdNotPosted: (group: string, at: string) =>
    both(
      `Mötet för ${group} ${at} är skapat, men dagordningen kunde inte postas i kanalen. Den postas när mötet revideras; visa den med **möten ${group}**.`,
      `The ${group} meeting on ${at} is created, but the agenda could not be posted in the channel. It is posted when the meeting is revised; show it with **meetings ${group}**.`,
    ),
  noChanges: both('Inga ändringar att spara.', 'No changes to save.'),
  formTitle: (group: string) => both(`Nytt möte – ${group}`, `New meeting – ${group}`),
  reviseTitle: (group: string) => both(`Revidera möte – ${group}`, `Revise meeting – ${group}`),
  fieldDate: both('Datum', 'Date'),
  fieldTime: both('Starttid', 'Start time'),
  fieldPlace: both('Plats eller Teams-länk', 'Place or Teams link'),
  fieldCutoff: both('Synpunkter senast (timmar före mötet)', 'Input closes (hours before the meeting)'),
  item: (n: number) => both(`Punkt ${n}`, `Item ${n}`),
  fieldTitle: both('Rubrik', 'Title'),
  fieldKind: both('Typ', 'Kind'),
  fieldPresenter: both('Föredragande', 'Presenter'),
  fieldMinutes: both('Minuter', 'Minutes'),
  fieldDoc: both('Dokumentlänk (valfri)', 'Document link (optional)'),
  fieldSource: both('Ursprung (t.ex. återremitterad, från NOSAM)', 'Source (e.g. sent back, from NOSAM)'),
  fieldWithdrawn: both('Punkten utgår', 'Item withdrawn'),
  save: both('Spara och publicera', 'Save and post'),
  requiredField: both('Obligatoriskt fält.', 'Required field.'),
  briefTitle: (group: string) => both(`Sammanställning inför mötet – ${group}`, `Brief before the meeting – ${group}`),
  briefCounts: (att: number, abs: number, none: number) =>
    both(
      `${counted('kommer', att, 'sv')}, ${counted('forhinder', abs, 'sv')}, ${counted('ejSvarat', none, 'sv')}.`,
      `${counted('kommer', att, 'en')}, ${counted('forhinder', abs, 'en')}, ${counted('ejSvarat', none, 'en')}.`,
    ),
  briefNoInput: both('Inga skriftliga synpunkter.', 'No written input.'),
  briefAbsentWithout: (names: string) => both(`Förhinder utan synpunkter: ${names}`, `Absent without input: ${names}`),
  briefAbsentWith: (names: string) => both(`Förhinder med synpunkter: ${names}`, `Absent with input: ${names}`),
  inputReminderTitle: (group: string) => both(`Lämna synpunkter inför mötet – ${group}`, `Leave input before the meeting – ${group}`),
  inputReminderText: (cutoff: string) =>
    both(
      `Du har förhinder och har inte lämnat några synpunkter ännu. Du kan skriva dem fram till ${cutoff}.`,
      `You can't attend and haven't left any input yet. You can write it until ${cutoff}.`,
    ),
  writeInput: both('Skriv synpunkter', 'Write input'),
  catchUpTitle: (group: string) => both(`Det här hände på mötet – ${group}`, `What happened at the meeting – ${group}`),
  catchUpIntro: (at: string) => both(`Du hade förhinder ${at}. Så här blev det per punkt:`, `You couldn't attend on ${at}. This is what happened per item:`),
  noSummary: both('Ingen sammanfattning ännu.', 'No summary yet.'),
  minutesLater: both('Länk till minnesanteckningarna kommer när de är justerade och publicerade.', 'A link to the minutes follows when they are approved and published.'),
  closeTitle: (group: string) => both(`Avsluta möte – ${group}`, `Close meeting – ${group}`),
  closeIntro: both(
    'Skriv per punkt vad som beslutades eller noterades. Det skickas till dem som hade förhinder.',
    'Write per item what was decided or noted. It is sent to those who could not attend.',
  ),
  closeSubmit: both('Markera som genomfört och skicka', 'Mark as held and send'),
  fieldPresent: both('Närvarande', 'Present'),
  presentHint: both(
    'Förvalda är de som svarade Jag kommer. Bocka ur den som inte kom och bocka i den som kom ändå.',
    "Those who answered I'm attending are ticked. Untick anyone who did not come and tick anyone who came after all.",
  ),
  unknownPresent: both(
    'Fältet "Närvarande" får bara innehålla gruppens ledamöter. Inget sparades.',
    'The field "Present" may only contain the group\'s members. Nothing was saved.',
  ),
  closed: (n: number) =>
    both(`Mötet är markerat som genomfört. ${counted('sammanfattning', n, 'sv')}.`, `The meeting is marked as held. ${counted('sammanfattning', n, 'en')}.`),
  noSummaries: both(
    'Skriv en sammanfattning för minst en punkt innan du avslutar mötet. Inget sparades.',
    'Write a summary for at least one item before you close the meeting. Nothing was saved.',
  ),
  notStartedYet: both('Mötet har inte börjat ännu, så det kan inte avslutas.', 'The meeting has not started yet, so it cannot be closed.'),
  meetingsTitle: (group: string) => both(`Möten – ${group}`, `Meetings – ${group}`),
  noMeetings: both(
    'Inga möten är registrerade. Processledaren skapar ett med **möte \\<grupp\\>**.',
    'No meetings are registered. The process leader creates one with **meeting \\<group\\>**.',
  ),
  buttonRevise: both('Revidera', 'Revise'),
  buttonBrief: both('Sammanställning', 'Brief'),
  buttonClose: both('Avsluta möte', 'Close meeting'),
  buttonRecord: both('Registrera beslut', 'Record decision'),
  attendance: both('Närvaro', 'Attendance'),
  sentPrivately: both('Jag har skickat det till dig i en personlig chatt.', 'I have sent it to you in a personal chat.'),
  noPersonalChat: both(
    'Det här innehåller skriftliga synpunkter, som bara visas i en personlig chatt, och du har ingen personlig chatt med mig ännu. Öppna en chatt med Samverkansboten (klicka på mitt namn och välj Chatt) och skriv kommandot där. Inget visades här.',
    'This contains written input, which is only shown in a personal chat, and you have no personal chat with me yet. Open a chat with Samverkansboten (click my name and choose Chat) and type the command there. Nothing was shown here.',
  ),
  unknownForm: both(
    'Formuläret känns inte igen för den här gruppen. Öppna ett nytt med **möte \\<grupp\\>**. Inget sparades.',
    'The form is not recognised for this group. Open a new one with **meeting \\<group\\>**. Nothing was saved.',
  ),
  notInputReader: (group: string) =>
    both(
      `Synpunkterna i ${group} visas bara för gruppens ordförande, vice ordförande och processledare. Inget visades.`,
      `The written input in ${group} is shown only to the group's chair, vice chair and process leader. Nothing was shown.`,
    ),
} as const;

/** A changed item field in words, inside a sentence ("föredragande", not "presenter"). */
function changedFieldLabel(field: string, locale: Locale): string {
  const known: Partial<Record<string, { sv: string; en: string }>> = {
    title: both('rubrik', 'title'),
    kind: both('typ', 'kind'),
    presenter: both('föredragande', 'presenter'),
    minutes: both('minuter', 'minutes'),
    source: both('ursprung', 'source'),
    documents: both('dokument', 'documents'),
  };
  return known[field]?.[locale] ?? field;
}

/** A form field as the person sees it, e.g. "Minuter, punkt 2", to name it in a refusal. */
export function fieldLabel(name: FieldName, locale: Locale): string {
  const sv = locale === 'sv';
  const item = 'item' in name && name.item !== null ? (sv ? `, punkt ${name.item}` : `, item ${name.item}`) : '';
  const labels: Record<FieldName['field'], { sv: string; en: string }> = {
    date: meetingTexts.fieldDate,
    time: meetingTexts.fieldTime,
    place: meetingTexts.fieldPlace,
    cutoffHours: meetingTexts.fieldCutoff,
    title: meetingTexts.fieldTitle,
    kind: meetingTexts.fieldKind,
    presenter: meetingTexts.fieldPresenter,
    minutes: meetingTexts.fieldMinutes,
    doc: meetingTexts.fieldDoc,
    source: meetingTexts.fieldSource,
    withdrawn: meetingTexts.fieldWithdrawn,
    input: name.field === 'input' && name.item === null ? meetingTexts.general : both('Synpunkt', 'Input'),
    summary: both('Sammanfattning', 'Summary'),
  };
  return `${labels[name.field][locale]}${item}`;
}

/** What a field must be, completing "Fältet "…" …" / "The field "…" …". */
export function fieldRule(rule: FieldRule, length: number | null): { sv: string; en: string } {
  switch (rule.kind) {
    case 'text':
      if (length !== null && length > rule.max)
        return both(`får ha högst ${rule.max} tecken (det har ${length})`, `may have at most ${rule.max} characters (it has ${length})`);
      if (rule.required === true && length !== null) return both('behöver fyllas i', 'must be filled in');
      return both(`ska vara text med högst ${rule.max} tecken`, `must be text of at most ${rule.max} characters`);
    case 'int':
      return both(`ska vara ett heltal från ${rule.min} till ${rule.max}`, `must be a whole number from ${rule.min} to ${rule.max}`);
    case 'url':
      return both(
        `ska vara en länk som börjar med https:// eller http:// (högst ${rule.max} tecken)`,
        `must be a link starting with https:// or http:// (at most ${rule.max} characters)`,
      );
    case 'date':
      return both('ska vara ett datum mellan 2000-01-01 och 2100-12-31', 'must be a date between 2000-01-01 and 2100-12-31');
    case 'time':
      return both('ska vara en tid, till exempel 13:00', 'must be a time, for example 13:00');
    case 'choice':
      return both(`ska vara ett av alternativen (${rule.values.join(', ')})`, `must be one of the choices (${rule.values.join(', ')})`);
    case 'flag':
      return both('ska vara på eller av', 'must be on or off');
  }
}

/** The refusal that names a form field and what it must be, e.g. "Fältet "Minuter, punkt 2" ska vara ett heltal …". */
export function fieldRefusal(name: FieldName, rule: FieldRule, length: number | null): { sv: string; en: string } {
  const must = fieldRule(rule, length);
  return both(`Fältet "${fieldLabel(name, 'sv')}" ${must.sv}. Inget sparades.`, `The field "${fieldLabel(name, 'en')}" ${must.en}. Nothing was saved.`);
}
