import { dateFormat } from '../domain/calendarDate';
import {
  activeItems,
  cutoffOf,
  GENERAL,
  MEETING_LIMITS as L,
  plannedEnd,
  type AgendaItem,
  type Attendance,
  type AttendanceRegister,
  type Brief,
  type Meeting,
  type WrittenInput,
} from '../domain/meetings';
import type { Group, Locale, Organisation } from '../domain/organisation';
import { card, commandButton, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import type { QueuedItem } from '../domain/decisions';
import type { DeputyCall } from '../domain/deputies';
import { decisionTexts } from './decisionCards';
import { plain } from './escape';
import { callDeputyButton, deputyTexts } from './deputyCards';
import { day, kindLabel, meetingTexts as t, statusLabel, timeSpan, when } from './meetingTexts';

/** How many agenda rows the form offers. */
export const FORM_ITEMS = L.items;

const ref = (m: Meeting) => `${m.org}/${m.group}/${m.id}`;

/** A link target that cannot end the markdown link early. */
const linkTarget = (url: string) => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** A bold item heading; the title is the user's text, shown as typed. */
const itemHeading = (n: number, title: string) => `**${n}. ${plain(title)}**`;

function itemLine(item: AgendaItem, n: number, locale: Locale): CardElement {
  const parts = [kindLabel[item.kind][locale], `${t.presenter[locale]} ${plain(item.presenter)}`, `${item.minutes} ${t.min[locale]}`];
  if (item.source) parts.push(`${t.source[locale]}: ${plain(item.source)}`);
  const docs = item.documents.map((d) => `[${plain(d.title)}](${linkTarget(d.url)})`).join(', ');
  // Withdrawn is said in words: Teams shows `~~…~~` as typed.
  const title = item.withdrawn ? `${n}. ${plain(item.title)} (${t.withdrawn[locale]})` : itemHeading(n, item.title);
  return {
    type: 'Container',
    spacing: 'Small',
    items: [textBlock(title), textBlock(`${parts.join(' · ')}${docs ? ` · ${docs}` : ''}`, { isSubtle: true, spacing: 'None', size: 'Small' })],
  };
}

/**
 * The agenda card posted in the group's channel: time, place, items (withdrawn ones struck),
 * what the latest revision changed, the answer counts, and one-tap attending / förhinder.
 */
export function agendaCard(
  org: Organisation,
  group: Group,
  m: Meeting,
  counts: { attending: number; absent: number },
  locale: Locale,
  changeNote: string | null,
): AdaptiveCard {
  const body: CardElement[] = [facts(meetingFacts(org, m, locale))];
  if (changeNote !== null) body.push(textBlock(changeNote, { color: 'Attention', weight: 'Bolder' }));
  body.push(...(m.agenda.length === 0 ? [textBlock(t.noAgenda[locale])] : m.agenda.map((item, i) => itemLine(item, i + 1, locale))));
  // Once closed with the register, the card shows who was there rather than the answers.
  const tally = m.register === undefined ? t.answers(counts.attending, counts.absent) : registerTally(m.register);
  body.push(textBlock(tally[locale], { isSubtle: true, spacing: 'Medium' }));
  return card(locale, t.agendaTitle(group.shortName)[locale], body, m.status === 'planned' ? answerButtons(m, locale) : []);
}

/** "2 närvarande · 1 förhinder" from the attendance register of a closed meeting. */
const registerTally = (register: AttendanceRegister) => t.registerCounts(register.present.length, register.absent.length);

/** Time with its planned end, place, the input deadline while input is open, and status. */
function meetingFacts(org: Organisation, m: Meeting, locale: Locale): [string, string][] {
  return [
    [t.time[locale], timeSpan(m.startsAt, plannedEnd(m), org.timeZone, locale)],
    [t.place[locale], plain(m.place)],
    ...(m.status === 'planned' ? [[t.inputBy[locale], when(cutoffOf(m).toISOString(), org.timeZone, locale)] as [string, string]] : []),
    [t.status[locale], statusLabel[m.status][locale]],
  ];
}

/**
 * Jag kommer / Förhinder (one tap, the card refreshed) and Synpunkter (the input card in the personal chat), for every member.
 * On the meeting view the taps say so (`card: 'view'`), so the card that replaces it is the person's view again.
 */
function answerButtons(m: Meeting, locale: Locale, from: 'agenda' | 'view' = 'agenda'): CardElement[] {
  const data = { org: m.org, group: m.group, meetingId: m.id, ...(from === 'view' ? { card: 'view' } : {}) };
  return [
    { type: 'Action.Execute', title: t.attend[locale], verb: 'attend', data },
    { type: 'Action.Execute', title: t.absent[locale], verb: 'absent', data },
    commandButton(t.buttonInput[locale], `${locale === 'sv' ? 'synpunkter' : 'input'} ${ref(m)}`),
  ];
}

/** How many agenda rows a new meeting's form shows before "Lägg till punkt". */
const FIRST_ROWS = 3;

/** "Lägg till punkt" before hidden row `i`: shows that row, hides this button and shows the next one. */
function addItemButton(i: number, visible: boolean, locale: Locale): CardElement {
  const next = i + 1 < FORM_ITEMS ? [{ elementId: `add_${i + 1}`, isVisible: true }] : [];
  return {
    type: 'ActionSet',
    id: `add_${i}`,
    isVisible: visible,
    actions: [
      {
        type: 'Action.ToggleVisibility',
        title: t.addItem[locale],
        targetElements: [{ elementId: `row_${i}`, isVisible: true }, { elementId: `add_${i}`, isVisible: false }, ...next],
      },
    ],
  };
}

/** The create/revise form: date, time, place, cut-off, three agenda rows and "Lägg till punkt" up to eight. */
export function meetingFormCard(
  orgId: string,
  group: Group,
  m: Meeting | null,
  version: string | null,
  locale: Locale,
  timeZone: string,
  formKey = '',
  queued: readonly QueuedItem[] = [],
): AdaptiveCard {
  const req = { isRequired: true, errorMessage: t.requiredField[locale] };
  const local =
    m === null
      ? null
      : dateFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          new Date(m.startsAt),
        );
  const body: CardElement[] = [
    { type: 'Input.Date', id: 'date', label: t.fieldDate[locale], value: local?.slice(0, 10) ?? '', ...req },
    { type: 'Input.Time', id: 'time', label: t.fieldTime[locale], value: local?.slice(11, 16) ?? '13:00', ...req },
    { type: 'Input.Text', id: 'place', label: t.fieldPlace[locale], value: m?.place ?? '', maxLength: L.place, ...req },
    { type: 'Input.Number', id: 'cutoffHours', label: t.fieldCutoff[locale], value: m?.cutoffHours ?? group.inputCutoffHours ?? 24, min: 0, max: L.cutoffHours },
  ];
  const shownRows = Math.min(FORM_ITEMS, Math.max(FIRST_ROWS, m?.agenda.length ?? 0, m === null ? queued.length : 0));
  for (let i = 0; i < FORM_ITEMS; i++) {
    const item = m?.agenda[i];
    const fromQueue = m === null ? queued[i] : undefined;
    const rows: CardElement[] = [
      textBlock(`**${t.item(i + 1)[locale]}**`, { spacing: 'Medium' }),
      { type: 'Input.Text', id: `title_${i}`, label: t.fieldTitle[locale], value: item?.title ?? fromQueue?.title ?? '', maxLength: L.title },
      {
        type: 'Input.ChoiceSet',
        id: `kind_${i}`,
        label: t.fieldKind[locale],
        style: 'compact',
        value: item?.kind ?? 'information',
        choices: (['information', 'diskussion', 'beslut'] as const).map((k) => ({ title: kindLabel[k][locale], value: k })),
      },
      { type: 'Input.Text', id: `presenter_${i}`, label: t.fieldPresenter[locale], value: item?.presenter ?? '', maxLength: L.presenter },
      { type: 'Input.Number', id: `minutes_${i}`, label: t.fieldMinutes[locale], value: item?.minutes ?? 15, min: 0, max: L.minutes },
      { type: 'Input.Text', id: `doc_${i}`, label: t.fieldDoc[locale], value: item?.documents[0]?.url ?? '', style: 'Url', maxLength: L.doc },
      {
        type: 'Input.Text',
        id: `source_${i}`,
        label: t.fieldSource[locale],
        value: item?.source ?? (fromQueue ? decisionTexts.sentBack(group, fromQueue.origin)[locale] : ''),
        maxLength: L.source,
      },
    ];
    if (m !== null && item !== undefined)
      rows.push({ type: 'Input.Toggle', id: `withdrawn_${i}`, title: t.fieldWithdrawn[locale], value: item.withdrawn ? 'true' : 'false' });
    // Rows beyond those in use start hidden; "Lägg till punkt" shows the next one (and moves itself below it).
    const shown = i < shownRows;
    if (i === shownRows && i > 0) body.push(addItemButton(i, true, locale));
    else if (i > shownRows) body.push(addItemButton(i, false, locale));
    body.push({ type: 'Container', id: `row_${i}`, separator: true, isVisible: shown, items: rows });
  }
  // A new meeting's form key is recorded when the form is shown, so a replayed submission cannot create it twice; the id is the server's.
  // A row offered from the queue carries the matter's reference (`origin_<row>`: "2026:2") back with the submission.
  const origins = m === null ? Object.fromEntries(queued.slice(0, FORM_ITEMS).map((q, i) => [`origin_${i}`, `${q.origin.decision.year}:${q.origin.decision.seq}`])) : {};
  const data = { verb: 'saveMeeting', org: m?.org ?? orgId, group: group.id, meetingId: m?.id ?? '', version: version ?? '', formKey, ...origins };
  return card(locale, (m === null ? t.formTitle : t.reviseTitle)(group.shortName)[locale], body, [{ type: 'Action.Submit', title: t.save[locale], data }]);
}

/** The personal card for an absent member: a text field per item and a general one, prefilled with what they wrote. */
export function inputCard(
  org: Organisation,
  group: Group,
  m: Meeting,
  mine: readonly WrittenInput[],
  locale: Locale,
  deputy: { readonly displayName: string } | null = null,
): AdaptiveCard {
  const text = (item: string) => mine.find((i) => i.item === item)?.text ?? '';
  const fields: CardElement[] = activeItems(m).map((item, i) => ({
    type: 'Input.Text',
    id: `input_${item.id}`,
    label: `${i + 1}. ${item.title} (${kindLabel[item.kind][locale]})`,
    isMultiline: true,
    maxLength: L.input,
    value: text(item.id),
  }));
  fields.push({ type: 'Input.Text', id: `input_${GENERAL}`, label: t.general[locale], isMultiline: true, maxLength: L.input, value: text(GENERAL) });
  return card(
    locale,
    t.inputTitle(group.shortName)[locale],
    [
      textBlock(
        deputy === null
          ? t.inputIntro(when(cutoffOf(m).toISOString(), org.timeZone, locale), group.deputies?.appointed ?? null)[locale]
          : deputyTexts.inputIntro(plain(deputy.displayName), when(cutoffOf(m).toISOString(), org.timeZone, locale))[locale],
      ),
      textBlock(t.inputMeetingAt(when(m.startsAt, org.timeZone, locale))[locale], { isSubtle: true }),
      ...fields,
    ],
    [
      { type: 'Action.Submit', title: t.saveInput[locale], data: { verb: 'submitInput', org: m.org, group: m.group, meetingId: m.id } },
      // Issue 12: beside the written input, where the member has a named deputy.
      ...(deputy === null ? [] : [callDeputyButton(m, locale)]),
    ],
  );
}

/** The brief for the chair and process leader: per item, who is absent and what each wrote. */
export function briefCard(org: Organisation, group: Group, m: Meeting, brief: Brief, locale: Locale, calls: readonly DeputyCallLine[] = []): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(when(m.startsAt, org.timeZone, locale), { isSubtle: true }),
    textBlock(t.briefCounts(brief.attending, brief.absent, brief.noAnswer)[locale]),
  ];
  brief.perItem.forEach(({ item, inputs }, i) => {
    body.push(textBlock(itemHeading(i + 1, item.title), { spacing: 'Medium' }));
    body.push(
      ...(inputs.length === 0
        ? [textBlock(t.briefNoInput[locale], { isSubtle: true, spacing: 'None' })]
        : inputs.map((x) => textBlock(`${plain(x.author)}: ${plain(x.text)}`, { spacing: 'None' }))),
    );
  });
  if (brief.general.length > 0) {
    body.push(textBlock(`**${t.general[locale]}**`, { spacing: 'Medium' }));
    body.push(...brief.general.map((x) => textBlock(`${plain(x.author)}: ${plain(x.text)}`, { spacing: 'None' })));
  }
  body.push(...absentLines(brief, locale));
  body.push(...deputyLines(calls, locale));
  return card(locale, t.briefTitle(group.shortName)[locale], body);
}

/** The nudge to an absent member without input, with a button to open the input card. */
export function inputReminderCard(org: Organisation, group: Group, m: Meeting, locale: Locale): AdaptiveCard {
  return card(
    locale,
    t.inputReminderTitle(group.shortName)[locale],
    [
      textBlock(when(m.startsAt, org.timeZone, locale), { isSubtle: true }),
      textBlock(t.inputReminderText(when(cutoffOf(m).toISOString(), org.timeZone, locale))[locale]),
    ],
    [commandButton(t.writeInput[locale], `${locale === 'sv' ? 'synpunkter' : 'input'} ${ref(m)}`)],
  );
}

/** After the meeting, to each absent member: what happened on each item. */
export function catchUpCard(org: Organisation, group: Group, m: Meeting, locale: Locale): AdaptiveCard {
  const body: CardElement[] = [textBlock(t.catchUpIntro(when(m.startsAt, org.timeZone, locale))[locale])];
  // An item added after the close has no summary.
  const summaries: Readonly<Record<string, string | undefined>> = m.summaries;
  activeItems(m).forEach((item, i) => {
    body.push(textBlock(itemHeading(i + 1, item.title), { spacing: 'Medium' }));
    const summary = summaries[item.id]?.trim();
    body.push(textBlock(summary ? plain(summary) : t.noSummary[locale], { spacing: 'None' }));
  });
  body.push(textBlock(t.minutesLater[locale], { isSubtle: true, spacing: 'Medium' }));
  return card(locale, t.catchUpTitle(group.shortName)[locale], body);
}

/**
 * The close form: a summary per item and the attendance register (the group's roster, those
 * who answered "Jag kommer" ticked), an accessible labelled multi-select.
 */
export function closeCard(
  group: Group,
  m: Meeting,
  version: string,
  locale: Locale,
  register: { readonly roster: readonly { readonly aadObjectId: string; readonly displayName: string }[]; readonly present: readonly string[] } = {
    roster: [],
    present: [],
  },
): AdaptiveCard {
  const fields: CardElement[] = activeItems(m).map((item, i) => ({
    type: 'Input.Text',
    id: `summary_${item.id}`,
    label: `${i + 1}. ${item.title}`,
    isMultiline: true,
    maxLength: L.summary,
    value: m.summaries[item.id] ?? '',
  }));
  const people = [...register.roster].sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
  const present: CardElement[] =
    people.length === 0
      ? []
      : [
          {
            type: 'Input.ChoiceSet',
            id: 'present',
            label: t.fieldPresent[locale],
            isMultiSelect: true,
            style: 'expanded',
            value: people
              .filter((p) => register.present.includes(p.aadObjectId))
              .map((p) => p.aadObjectId)
              .join(','),
            choices: people.map((p) => ({ title: p.displayName, value: p.aadObjectId })),
          },
          textBlock(t.presentHint[locale], { isSubtle: true, size: 'Small', spacing: 'None' }),
        ];
  return card(
    locale,
    t.closeTitle(group.shortName)[locale],
    [textBlock(t.closeIntro[locale]), ...present, ...fields],
    [{ type: 'Action.Submit', title: t.closeSubmit[locale], data: { verb: 'closeMeeting', org: m.org, group: m.group, meetingId: m.id, version } }],
  );
}

/** The meeting view: agenda, attendance, absent with and without input, status; actions for leads. */
export function meetingViewCard(
  org: Organisation,
  group: Group,
  m: Meeting,
  brief: Brief,
  may: { readonly lead: boolean; readonly brief: boolean; readonly member?: boolean },
  locale: Locale,
  mine: Attendance | null = null,
  calls: readonly DeputyCallLine[] = [],
): AdaptiveCard {
  const answer = mine === 'attending' ? t.answerAttending : mine === 'absent' ? t.answerAbsent : t.answerNone;
  const body: CardElement[] = [
    facts([
      ...meetingFacts(org, m, locale),
      [t.attendance[locale], (m.register === undefined ? t.briefCounts(brief.attending, brief.absent, brief.noAnswer) : registerTally(m.register))[locale]],
      ...(may.member === true ? [[t.yourAnswer[locale], answer[locale]] as [string, string]] : []),
    ]),
    ...m.agenda.map((item, i) => itemLine(item, i + 1, locale)),
  ];
  body.push(...absentLines(brief, locale));
  if (may.brief) body.push(...deputyLines(calls, locale));
  // Leads see who has not answered, to remind them before the meeting.
  if (may.lead && m.status === 'planned' && brief.notAnswered.length > 0)
    body.push(textBlock(t.notAnswered(brief.notAnswered.map(plain).join(', '))[locale], { spacing: 'Small' }));
  const word = (sv: string, en: string) => (locale === 'sv' ? sv : en);
  const held = m.status !== 'planned';
  const actions = [
    ...(may.member === true && m.status === 'planned' ? answerButtons(m, locale, 'view') : []),
    ...(may.lead && !held ? [commandButton(t.buttonRevise[locale], `${word('revidera', 'revise')} ${ref(m)}`)] : []),
    // The brief goes to the person's personal chat, wherever the button is pressed.
    ...(may.brief ? [commandButton(t.buttonBrief[locale], `${word('sammanställning', 'brief')} ${ref(m)}`)] : []),
    ...(may.lead && !held ? [commandButton(t.buttonClose[locale], `${word('avsluta', 'close')} ${ref(m)}`)] : []),
    ...(may.lead ? [commandButton(t.buttonRecord[locale], `${word('registrera', 'record')} ${ref(m)}`)] : []),
    // Once held: the minutes (the justerare find Justera / Returnera there), and publishing once approved.
    ...(may.lead && held ? [commandButton(t.buttonMinutes[locale], `${word('minnesanteckningar', 'minutes')} ${ref(m)}`)] : []),
    ...(may.lead && m.status === 'minutes-approved' ? [publishButton(m, locale)] : []),
  ];
  return card(locale, `${t.agendaTitle(group.shortName)[locale]} · ${day(m.date, locale)}`, body, actions);
}

/** A deputy called to the meeting, as the brief and the leads' meeting view show it. */
type DeputyCallLine = Pick<DeputyCall, 'deputyName' | 'memberName' | 'status'>;

/** "Ersättare kallad: <namn> (för <ledamot>)", one line per call (issue 12). */
const deputyLines = (calls: readonly DeputyCallLine[], locale: Locale): CardElement[] =>
  calls.map((c) => textBlock(deputyTexts.briefLine({ ...c, deputyName: plain(c.deputyName), memberName: plain(c.memberName) })[locale], { spacing: 'Small' }));

/** Who is absent with and without input (display names from the roster, shown as typed). */
function absentLines(brief: Brief, locale: Locale): CardElement[] {
  const names = (list: readonly string[]) => list.map(plain).join(', ');
  const out: CardElement[] = [];
  if (brief.absentWithInput.length > 0) out.push(textBlock(t.briefAbsentWith(names(brief.absentWithInput))[locale], { spacing: 'Medium' }));
  if (brief.absentWithoutInput.length > 0) out.push(textBlock(t.briefAbsentWithout(names(brief.absentWithoutInput))[locale], { spacing: 'Small' }));
  return out;
}

/** Publicera: the address typed into the card, sent with the command (`publicera <möte> <url>`). */
function publishButton(m: Meeting, locale: Locale): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.buttonPublish[locale],
    card: {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: 'url', label: t.publishUrl[locale], style: 'Url', maxLength: 2000, isRequired: true, errorMessage: t.requiredField[locale] }],
      actions: [{ type: 'Action.Submit', title: t.buttonPublish[locale], data: { verb: 'command', command: `${locale === 'sv' ? 'publicera' : 'publish'} ${ref(m)}` } }],
    },
  };
}
