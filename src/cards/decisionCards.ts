import { dateIn } from '../domain/calendarDate';
import { DECISION_KINDS, decisionNumber, defaultForankring, type Decision, type DecisionKind, type Outcome } from '../domain/decisions';
import type { Meeting, SentBack } from '../domain/meetings';
import type { Group, Locale, Organisation } from '../domain/organisation';
import { card, commandButton, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { both } from './texts';
import { day } from './meetingTexts';

export const kindNames: Record<DecisionKind, { sv: string; en: string }> = {
  beslut: both('Beslut', 'Decision'),
  inriktningsbeslut: both('Inriktningsbeslut', 'Direction decision'),
  ställningstagande: both('Ställningstagande', 'Position'),
  ordförandebeslut: both('Ordförandebeslut', "Chair's decision"),
};
export const outcomeNames: Record<Outcome, { sv: string; en: string }> = {
  enighet: both('Fattat i enighet', 'Taken by consensus'),
  'bred-enighet': both('Fattat i bred enighet, med avvikande mening', 'Taken by broad consensus, with dissent'),
  antecknat: both('Antecknat', 'Noted'),
  återremitterat: both('Återremitterat', 'Sent back'),
  struket: both('Struket', 'Struck'),
};

export const decisionTexts = {
  notStarted: (group: string) =>
    both(
      `Mötet har inte börjat ännu, så inga beslut kan registreras för det. Mellan möten beslutar ordföranden: skriv **ordförandebeslut ${group}**. Inget sparades.`,
      `The meeting has not started yet, so no decisions can be recorded for it. Between meetings the chair decides: type **chair-decision ${group}**. Nothing was saved.`,
    ),
  formTitle: (group: string) => both(`Registrera beslut – ${group}`, `Record a decision – ${group}`),
  chairFormTitle: (group: string) => both(`Ordförandebeslut – ${group}`, `Chair's decision – ${group}`),
  item: both('Punkt på dagordningen', 'Agenda item'),
  kind: both('Typ', 'Kind'),
  outcome: both('Utfall', 'Outcome'),
  /** The form's one question about the outcome; the choices say whether consensus was reached. */
  outcomeQuestion: both('Vad blev utfallet?', 'What was the outcome?'),
  /** The organisation's rule, under the question. */
  outcomeRule: {
    'consensus-or-return': both(
      'Beslut fattas i enighet. Utan enighet återremitteras eller stryks ärendet.',
      'Decisions are taken by consensus. Without consensus the matter is sent back or struck.',
    ),
    'broad-consensus': both(
      'Beslut fattas i enighet eller i bred enighet, då med den avvikande meningen antecknad. Annars återremitteras eller stryks ärendet.',
      'Decisions are taken by consensus, or by broad consensus with the dissent recorded. Otherwise the matter is sent back or struck.',
    ),
    chair: both('Ordföranden beslutar mellan mötena.', 'The chair decides between meetings.'),
  },
  /** The outcomes as answers to the question (what is stored is the outcome alone; consensus follows from it). */
  outcomeChoices: {
    enighet: both('Enighet – beslutet fattas', 'Consensus – the decision is taken'),
    'bred-enighet': both('Bred enighet – beslutet fattas, den avvikande meningen antecknas nedan', 'Broad consensus – the decision is taken, the dissent recorded below'),
    antecknat: both('Enighet – informationen antecknas', 'Consensus – the information is noted'),
    återremitterat: both('Ingen enighet – ärendet återremitteras', 'No consensus – the matter is sent back'),
    struket: both('Ingen enighet – ärendet stryks', 'No consensus – the matter is struck'),
  } satisfies Record<Outcome, { sv: string; en: string }>,
  /** A chair's decision: the chair alone decides, so no consensus is asked. */
  chairOutcomeChoices: {
    enighet: both('Beslutet fattas', 'The decision is taken'),
    antecknat: both('Informationen antecknas', 'The information is noted'),
  },
  title: both('Rubrik', 'Title'),
  text: both('Beslutstext', 'Decision text'),
  rationale: both('Motivering (valfri)', 'Rationale (optional)'),
  dissent: both('Reservation / avvikande mening (vid beslut i bred enighet)', 'Reservation / dissent (for a decision by broad consensus)'),
  links: both('Länk (valfri)', 'Link (optional)'),
  forankring: both('Förankras hos (huvudmän eller parter)', 'To be anchored by (principals or parties)'),
  absentInput: both('Synpunkter från frånvarande fanns', 'Input from absent members was at hand'),
  date: both('Datum', 'Date'),
  submit: both('Registrera', 'Record'),
  recorded: (n: string) => both(`Registrerat som ${n}.`, `Recorded as ${n}.`),
  requeued: both('Ärendet läggs tillbaka i gruppens kö till ett kommande möte.', "The matter goes back to the group's queue for a coming meeting."),
  /** The source of an agenda item taken up again, e.g. "Återremitterat LGS 2026:2". */
  sentBack: (group: Group, origin: SentBack) => {
    const n = decisionNumber(group.shortName, origin.decision.year, origin.decision.seq);
    return both(`Återremitterat ${n}`, `Sent back ${n}`);
  },
  notAllowed: (group: string) =>
    both(
      `Bara ordförande, vice ordförande eller processledaren i ${group} kan registrera beslut. Inget sparades.`,
      `Only the chair, vice chair or process leader of ${group} can record decisions. Nothing was saved.`,
    ),
  problems: {
    'no-consensus-outcome': both(
      'Utan enighet kan ärendet bara återremitteras eller strykas. Inget sparades.',
      'Without consensus the matter can only be sent back or struck. Nothing was saved.',
    ),
    'consensus-outcome': both(
      'Vid enighet fattas beslutet eller antecknas informationen; återremiss och strykning gäller när enighet saknas. Inget sparades.',
      'With consensus the decision is taken or noted; sending back and striking apply without consensus. Nothing was saved.',
    ),
    'chair-decision-in-meeting': both(
      'Ett ordförandebeslut fattas mellan möten och hör inte till ett möte. Inget sparades.',
      "A chair's decision is taken between meetings and belongs to no meeting. Nothing was saved.",
    ),
    'meeting-decision-without-meeting': both('Beslutet behöver ett möte och en punkt. Inget sparades.', 'The decision needs a meeting and an item. Nothing was saved.'),
    'empty-text': both('Rubrik och beslutstext behövs. Inget sparades.', 'A title and decision text are needed. Nothing was saved.'),
    'broad-consensus-not-allowed': both(
      'Organisationens regel medger inte beslut utan full enighet: utan enighet återremitteras eller stryks ärendet. Inget sparades.',
      "The organisation's rule allows no decision without full consensus: without it the matter is sent back or struck. Nothing was saved.",
    ),
    'dissent-missing': both(
      'Ett beslut i bred enighet behöver den avvikande meningen antecknad. Inget sparades.',
      'A decision by broad consensus needs the dissent recorded. Nothing was saved.',
    ),
    'bad-date': both('Datumet är ogiltigt. Inget sparades.', 'The date is invalid. Nothing was saved.'),
  },
  showMore: both('Visa fler', 'Show more'),
  moreTitle: both('Det finns fler beslut', 'There are more decisions'),
  noneAmongLatest: (group: string, n: number) =>
    both(
      `Inga träffar bland de ${n} senaste besluten i ${group}. Visa fler söker bland äldre.`,
      `No matches among the latest ${n} decisions of ${group}. Show more searches older ones.`,
    ),
  none: (group: string) => both(`Inga beslut hittades för ${group}.`, `No decisions found for ${group}.`),
  listTitle: (group: string, n: number) => both(`Beslut – ${group} (${n})`, `Decisions – ${group} (${n})`),
  pending: both('väntar', 'pending'),
  done: both('klar', 'done'),
  forankringLabel: both('Förankring', 'Anchoring'),
  markDone: (holder: string) => both(`Förankrat: ${holder}`, `Anchored: ${holder}`),
  forankringSaved: (holder: string, n: string) => both(`Förankringen hos ${holder} för ${n} är registrerad.`, `Anchoring by ${holder} for ${n} is recorded.`),
  alreadyDone: both('Förankringen är redan registrerad.', 'The anchoring is already recorded.'),
  conflict: both(
    'Någon annan ändrade beslutet under tiden, så inget sparades. Visa det igen och försök på nytt.',
    'Someone else changed the decision meanwhile, so nothing was saved. Show it again and retry.',
  ),
  unknown: both('Jag hittar inte beslutet.', "I can't find the decision."),
  exportTitle: (group: string) => both(`Export av beslutsloggen – ${group}`, `Export of the decision log – ${group}`),
  exportIntro: both(
    'Hela beslutsloggen för publicering och arkivering (allmänna handlingar). Länkarna gäller för gruppen och kan delas med den som ska publicera.',
    'The whole decision log for publishing and archiving (public records). The links are for this group and can be shared with whoever publishes.',
  ),
  exportNotAllowed: both(
    'Exporten är för administratörer, ordförande och processledare. Inget skickades.',
    'The export is for administrators, chairs and process leaders. Nothing was sent.',
  ),
  version: both('Version', 'Version'),
  correctTitle: (n: string) => both(`Rätta ${n}`, `Correct ${n}`),
  corrected: (n: string, v: number) =>
    both(`${n} är rättat (version ${v}); tidigare versioner finns kvar.`, `${n} is corrected (version ${v}); earlier versions are kept.`),
  retracted: (n: string) => both(`${n} är markerat som återkallat. Inget har raderats.`, `${n} is marked as retracted. Nothing was deleted.`),
  isRetracted: both('Beslutet är återkallat och kan inte ändras.', 'The decision is retracted and cannot be changed.'),
  retractUsage: both('Skriv: återkalla \\<grupp\\> \\<år:nr\\> \\<skäl\\>', 'Type: retract \\<group\\> \\<year:no\\> \\<reason\\>'),
  forankringUsage: both('Skriv: förankring \\<huvudman eller part\\>, t.ex. förankring region.', 'Type: anchoring \\<principal or party\\>, e.g. anchoring region.'),
  pendingTitle: (holder: string) => both(`Beslut som väntar på förankring hos ${holder}:`, `Decisions waiting for anchoring by ${holder}:`),
  pendingNone: (holder: string) => both(`Inga beslut väntar på förankring hos ${holder}.`, `No decisions are waiting for anchoring by ${holder}.`),
  correctUsage: both('Skriv: rätta \\<grupp\\> \\<år:nr\\>', 'Type: correct \\<group\\> \\<year:no\\>'),
  alreadyRecorded: (n: string) =>
    both(`Beslutet är redan registrerat som ${n}; inget nytt sparades.`, `The decision is already recorded as ${n}; nothing new was saved.`),
  searchCut: both(
    'En sökning använder högst 10 ord och 200 tecken; resten av det du skrev användes inte.',
    'A search uses at most 10 words and 200 characters; the rest of what you typed was not used.',
  ),
  rotateNotAllowed: both(
    'Bara organisationens administratörer kan byta ut länkarna. Inget ändrades.',
    "Only the organisation's administrators can replace the links. Nothing was changed.",
  ),
  rotated: (group: string) =>
    both(
      `Nya länkar för ${group} är skapade. De gamla export- och kalenderlänkarna fungerar inte längre.`,
      `New links for ${group} are created. The old export and calendar links no longer work.`,
    ),
  reasonTooLong: both('Skälet får vara högst 2 000 tecken. Inget ändrades.', 'The reason may be at most 2,000 characters. Nothing was changed.'),
  /** Field names in answers about a value over its limit. */
  fields: {
    title: both('Rubriken', 'The title'),
    text: both('Beslutstexten', 'The decision text'),
    rationale: both('Motiveringen', 'The rationale'),
    link: both('Länken', 'The link'),
    forankring: both('Förankringen', 'The anchoring'),
  },
};

/** The correction form: title, text and rationale, guarded by the decision's ETag. */
export function correctionCard(d: Decision, etag: string, locale: Locale): AdaptiveCard {
  return card(
    locale,
    decisionTexts.correctTitle(d.number)[locale],
    [
      { type: 'Input.Text', id: 'title', label: decisionTexts.title[locale], value: d.title, maxLength: 200, isRequired: true },
      { type: 'Input.Text', id: 'text', label: decisionTexts.text[locale], value: d.text, isMultiline: true, maxLength: 4000, isRequired: true },
      { type: 'Input.Text', id: 'rationale', label: decisionTexts.rationale[locale], value: d.rationale, isMultiline: true, maxLength: 4000 },
    ],
    [{ type: 'Action.Submit', title: decisionTexts.submit[locale], data: { verb: 'correctDecision', org: d.org, group: d.group, number: `${d.year}:${d.seq}`, etag } }],
  );
}

/** The principal or party a förankring holder id names ("kommun" → "Kommun"), in the reader's language. */
export function holderName(org: Organisation | undefined, id: string, locale: Locale): string {
  return org?.principals.find((p) => p.id === id)?.name[locale] ?? org?.parties.find((p) => p.id === id)?.name ?? id;
}

/** One decision: number, kind, outcome, text, and förankring status per principal, with actions for those who record. */
export function decisionCard(d: Decision, canRecord: boolean, locale: Locale, org: Organisation): AdaptiveCard {
  const holder = (id: string) => plain(holderName(org, id, locale));
  const rows: [string, string][] = [
    [decisionTexts.date[locale], day(d.date, locale)],
    [decisionTexts.kind[locale], kindNames[d.kind][locale]],
    [decisionTexts.outcome[locale], outcomeNames[d.outcome][locale]],
  ];
  if (d.forankring.length > 0)
    rows.push([
      decisionTexts.forankringLabel[locale],
      d.forankring
        .map(
          (f) =>
            `${holder(f.holder)}: ${f.status === 'done' ? `${decisionTexts.done[locale]}${f.doneOn === null ? '' : ` ${day(f.doneOn, locale)}`}` : decisionTexts.pending[locale]}`,
        )
        .join(', '),
    ]);
  if (d.version > 1) rows.push([decisionTexts.version[locale], String(d.version)]);
  if (d.retracted !== null)
    rows.push([locale === 'sv' ? 'Återkallat' : 'Retracted', `${day(dateIn(new Date(d.retracted.at), org.timeZone), locale)}: ${plain(d.retracted.reason)}`]);
  const body: CardElement[] = [facts(rows), textBlock(plain(d.text))];
  if (d.rationale) body.push(textBlock(plain(d.rationale), { isSubtle: true }));
  if (d.dissent) body.push(textBlock(`${decisionTexts.dissent[locale].split(' (')[0]}: ${plain(d.dissent)}`, { isSubtle: true }));
  const actions = canRecord
    ? d.forankring
        .filter((f) => f.status === 'pending')
        .slice(0, 4)
        .map((f) => ({
          type: 'Action.Submit',
          title: decisionTexts.markDone(holderName(org, f.holder, locale))[locale],
          data: { verb: 'forankringDone', org: d.org, group: d.group, number: `${d.year}:${d.seq}`, holder: f.holder },
        }))
    : [];
  return card(locale, `${d.number} – ${plain(d.title)}`, body, actions);
}

/** The last card of a page of decisions: "Visa fler" runs the same search from the decision after `after`. */
export function moreDecisionsCard(
  groupName: string,
  query: string,
  after: { year: number; seq: number },
  locale: Locale,
  title = decisionTexts.moreTitle[locale],
): AdaptiveCard {
  const words = locale === 'sv' ? ['beslut', 'före'] : ['decisions', 'before'];
  const command = [words[0], groupName, query, words[1], `${after.year}:${after.seq}`].filter((w) => w !== '').join(' ');
  return card(locale, title, [], [commandButton(decisionTexts.showMore[locale], command)]);
}

/** The form to record a decision on a meeting's agenda item, or an ordförandebeslut between meetings. */
export function decisionFormCard(org: Organisation, group: Group, meeting: Meeting | null, today: string, locale: Locale, formKey: string): AdaptiveCard {
  const req = { isRequired: true, errorMessage: locale === 'sv' ? 'Obligatoriskt fält.' : 'Required field.' };
  const body: CardElement[] = [];
  if (meeting !== null)
    body.push({
      type: 'Input.ChoiceSet',
      id: 'itemId',
      label: decisionTexts.item[locale],
      style: 'compact',
      ...req,
      choices: meeting.agenda.filter((i) => !i.withdrawn).map((i, n) => ({ title: `${n + 1}. ${i.title}`, value: i.id })),
    });
  const kinds = meeting === null ? (['ordförandebeslut'] as const) : DECISION_KINDS.filter((k) => k !== 'ordförandebeslut');
  const broad = org.decisionRule?.kind === 'broad-consensus';
  const outcomes = broad
    ? (['enighet', 'bred-enighet', 'antecknat', 'återremitterat', 'struket'] as const)
    : (['enighet', 'antecknat', 'återremitterat', 'struket'] as const);
  // One question about the outcome, with the organisation's rule; consensus follows from the answer (`consensusOf`).
  const outcomeChoices =
    meeting === null
      ? (['enighet', 'antecknat'] as const).map((o) => ({ title: decisionTexts.chairOutcomeChoices[o][locale], value: o }))
      : outcomes.map((o) => ({ title: decisionTexts.outcomeChoices[o][locale], value: o }));
  const rule = meeting === null ? decisionTexts.outcomeRule.chair : decisionTexts.outcomeRule[broad ? 'broad-consensus' : 'consensus-or-return'];
  body.push(
    { type: 'Input.Date', id: 'date', label: decisionTexts.date[locale], value: meeting?.date ?? today, ...req },
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: decisionTexts.kind[locale],
      style: 'compact',
      value: kinds[0],
      choices: kinds.map((k) => ({ title: kindNames[k][locale], value: k })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'outcome',
      label: decisionTexts.outcomeQuestion[locale],
      style: 'expanded',
      value: 'enighet',
      ...req,
      choices: outcomeChoices,
    },
    textBlock(rule[locale], { isSubtle: true, size: 'Small', spacing: 'None' }),
    { type: 'Input.Text', id: 'title', label: decisionTexts.title[locale], maxLength: 200, ...req },
    { type: 'Input.Text', id: 'text', label: decisionTexts.text[locale], isMultiline: true, maxLength: 4000, ...req },
    { type: 'Input.Text', id: 'rationale', label: decisionTexts.rationale[locale], isMultiline: true, maxLength: 4000 },
    ...(broad ? [{ type: 'Input.Text', id: 'dissent', label: decisionTexts.dissent[locale], isMultiline: true, maxLength: 2000 }] : []),
    { type: 'Input.Text', id: 'link', label: decisionTexts.links[locale], style: 'Url', maxLength: 500 },
    {
      type: 'Input.ChoiceSet',
      id: 'forankring',
      label: decisionTexts.forankring[locale],
      isMultiSelect: true,
      style: 'expanded',
      // Every principal takes the decision in its own organisation (000): prefilled, editable.
      value: defaultForankring(org).join(','),
      choices: [...org.principals.map((p) => ({ title: p.name[locale], value: p.id })), ...org.parties.map((p) => ({ title: p.name, value: p.id }))],
    },
    { type: 'Input.Toggle', id: 'absentInput', title: decisionTexts.absentInput[locale], value: 'false' },
  );
  return card(locale, (meeting === null ? decisionTexts.chairFormTitle : decisionTexts.formTitle)(group.shortName)[locale], body, [
    { type: 'Action.Submit', title: decisionTexts.submit[locale], data: { verb: 'recordDecision', org: org.id, group: group.id, meetingId: meeting?.id ?? '', formKey } },
  ]);
}

/** Links to the export files (Markdown, CSV, JSON). */
export function exportCard(group: Group, base: string, locale: Locale): AdaptiveCard {
  return card(
    locale,
    decisionTexts.exportTitle(group.shortName)[locale],
    [textBlock(decisionTexts.exportIntro[locale]), textBlock('CSV: UTF-8, semikolonseparerad; kolumnerna beskrivs i README.', { isSubtle: true, size: 'Small' })],
    [
      { type: 'Action.OpenUrl', title: 'Markdown', url: `${base}/beslut.md` },
      { type: 'Action.OpenUrl', title: 'CSV', url: `${base}/beslut.csv` },
      { type: 'Action.OpenUrl', title: 'JSON', url: `${base}/beslut.json` },
    ],
  );
}
