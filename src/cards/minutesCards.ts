import { dateIn } from '../domain/calendarDate';
import type { Minutes } from '../domain/minutes';
import type { Group, Locale } from '../domain/organisation';
import { card, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { digits } from './digits';
import { countedNames } from './i18n';
import { both } from './texts';
import { day } from './meetingTexts';

const statusNames = {
  draft: both('Utkast', 'Draft'),
  sent: both('Skickad för justering', 'Sent for approval'),
  returned: both('Returnerad', 'Returned'),
  approved: both('Justerad', 'Approved'),
  published: both('Publicerad', 'Published'),
};

export const minutesTexts = {
  approvedNotice: (group: string, date: string, by: string) =>
    both(
      `Minnesanteckningarna för ${group} (${date}) är justerade av ${by}. Skriv **publicera ${group} \\<webbadress\\>** när de är publicerade.`,
      `The minutes of ${group} (${date}) were approved by ${by}. Type **publish ${group} \\<web address\\>** once they are published.`,
    ),
  /** `ref` is the meeting as a person types it ("LGS 2026-12-08"). */
  returnedNotice: (group: string, date: string, by: string, comment: string, ref: string) =>
    both(
      `Minnesanteckningarna för ${group} (${date}) returnerades av ${by}: "${comment}". Öppna dem med **minnesanteckningar ${ref}**.`,
      `The minutes of ${group} (${date}) were returned by ${by}: "${comment}". Open them with **minutes ${ref}**.`,
    ),
  notStarted: both(
    'Mötet har inte börjat ännu, så det finns inga minnesanteckningar att skriva. De kan skrivas när mötet har börjat.',
    'The meeting has not started yet, so there are no minutes to write. They can be written once the meeting has started.',
  ),
  title: (group: string, date: string) => both(`Minnesanteckningar – ${group} ${date}`, `Minutes – ${group} ${date}`),
  present: both('Närvarande', 'Present'),
  absent: both('Förhinder', 'Apologies'),
  status: both('Status', 'Status'),
  version: both('Version', 'Version'),
  writtenBy: (name: string) => both(`Vid anteckningarna: ${name}`, `Minutes taken by: ${name}`),
  justerat: (date: string, name: string) => both(`Justerat ${date}, ${name}`, `Approved ${date}, ${name}`),
  published: (url: string) => both(`Publicerad: ${url}`, `Published: ${url}`),
  returned: (c: string) => both(`Returnerad med kommentar: ${c}`, `Returned with comment: ${c}`),
  send: both('Skicka för justering', 'Send for approval'),
  notes: both('Anteckningar', 'Notes'),
  justerareLabel: both('Justerare (ordföranden och den ordföranden utser)', 'Approvers (the chair and anyone the chair names)'),
  justerareNow: (names: string) => both(`Justerare: ${names} (ordföranden utser justerare).`, `Approvers: ${names} (the chair names approvers).`),
  newVersion: both('Ny version', 'New version'),
  newVersionCreated: (v: number) =>
    both(`Version ${v} är skapad som utkast; den justerade versionen finns kvar.`, `Version ${v} is created as a draft; the approved version is kept.`),
  approve: both('Justera', 'Approve'),
  returnIt: both('Returnera med kommentar', 'Return with comment'),
  comment: both('Kommentar', 'Comment'),
  sentSaved: both('Minnesanteckningarna är sparade som skickade för justering.', 'The minutes are saved as sent for approval.'),
  defaultJusterare: (name: string) => both(`${name} (gruppens förvalda justerare)`, `${name} (the group's default approver)`),
  sentPrivately: both('Jag har skickat det till dig i en personlig chatt.', 'I have sent it to you in a personal chat.'),
  openPersonalChat: (ref: string) =>
    both(
      `Minnesanteckningar som inte är justerade visas bara i en personlig chatt. Öppna en chatt med Samverkansboten och skriv "minnesanteckningar ${ref}".`,
      `Minutes that are not approved are shown only in a personal chat. Open a chat with Samverkansboten and type "minutes ${ref}".`,
    ),
  draftPrivate: both(
    'Minnesanteckningarna är inte justerade än. Utkastet visas bara för gruppens ordförande, vice ordförande, processledare och justerare.',
    "The minutes are not approved yet. The draft is shown only to the group's chair, vice chair, process leader and approvers.",
  ),
  notEditor: (group: string) =>
    both(
      `Bara ordförande, vice ordförande eller processledaren i ${group} kan skriva, skicka och publicera minnesanteckningarna. Inget ändrades.`,
      `Only the chair, vice chair or process leader of ${group} can write, send and publish the minutes. Nothing was changed.`,
    ),
  notChair: both('Bara ordföranden kan utse justerare. Inget ändrades.', 'Only the chair can name approvers. Nothing was changed.'),
  unknownJusterare: both('En justerare måste finnas i gruppens förteckning. Inget ändrades.', "An approver must be in the group's roster. Nothing was changed."),
  notesTooLong: (max: number) =>
    both(
      `Anteckningarna för en punkt får vara högst ${digits(max, ' ')} tecken. Inget ändrades.`,
      `The notes for one item may be at most ${digits(max, ',')} characters. Nothing was changed.`,
    ),
  commentTooLong: both('Kommentaren får vara högst 2 000 tecken. Inget ändrades.', 'The comment may be at most 2,000 characters. Nothing was changed.'),
  authorCannotApprove: both('Den som skrev versionen kan inte själv justera den. Inget ändrades.', 'Whoever wrote the version cannot approve it. Nothing was changed.'),
  approved: (group: string) => both(`Minnesanteckningarna för ${group} är justerade och låsta.`, `The minutes of ${group} are approved and locked.`),
  returnedNote: both('Returnerade till processledaren med din kommentar.', 'Returned to the process leader with your comment.'),
  publishedNote: (url: string) => both(`Markerade som publicerade på ${url}.`, `Marked as published at ${url}.`),
  linkToAbsent: (group: string, date: string, url: string) =>
    both(
      `Minnesanteckningarna från ${group} ${date}, där du hade förhinder, är justerade och publicerade: ${url}`,
      `The minutes of ${group} on ${date}, which you could not attend, are approved and published: ${url}`,
    ),
  noJusterare: both(
    'Gruppen har ingen ordförande registrerad som kan justera. Utse ordförande först.',
    'The group has no chair registered to approve. Appoint a chair first.',
  ),
  failures: {
    locked: both(
      'De justerade minnesanteckningarna är låsta; en ändring blir en ny version. Inget ändrades.',
      'Approved minutes are locked; a change becomes a new version. Nothing was changed.',
    ),
    'not-sent': both('Minnesanteckningarna är inte skickade för justering. Inget ändrades.', 'The minutes have not been sent for approval. Nothing was changed.'),
    'not-approved': both('Bara justerade minnesanteckningar kan publiceras. Inget ändrades.', 'Only approved minutes can be published. Nothing was changed.'),
    'not-justerare': both(
      'Bara ordföranden eller en utsedd justerare kan justera. Inget ändrades.',
      'Only the chair or a named approver can approve. Nothing was changed.',
    ),
    'already-published': both('Minnesanteckningarna är redan publicerade.', 'The minutes are already published.'),
    conflict: both(
      'Någon annan ändrade minnesanteckningarna under tiden. Inget ändrades; visa dem igen.',
      'Someone else changed the minutes meanwhile. Nothing was changed; show them again.',
    ),
    'bad-url': both(
      'Ange webbadressen där de publicerats, t.ex. **publicera \\<grupp\\> https://…**',
      'Give the web address where they are published, e.g. **publish \\<group\\> https://…**',
    ),
    'no-comment': both(
      'Skriv i kommentaren vad som behöver ändras innan du returnerar minnesanteckningarna. Inget ändrades.',
      'Write in the comment what needs to change before you return the minutes. Nothing was changed.',
    ),
  },
};

/** The minutes: per item notes and decisions, present and absent, status, and the actions that fit the viewer. */
const justerareOrDefault = (m: Minutes, group: Group): readonly string[] =>
  m.justerare.length > 0 || group.justerareDefault === undefined ? m.justerare : [group.justerareDefault];

export function minutesCard(
  m: Minutes,
  group: Group,
  date: string,
  names: (aad: string) => string,
  may: { readonly edit: boolean; readonly approve: boolean; readonly nameJusterare: boolean },
  etag: string,
  locale: Locale,
  roster: readonly string[] = [],
  /** The organisation's time zone, for the date of justering. */
  timeZone = 'Europe/Stockholm',
): AdaptiveCard {
  const rows: [string, string][] = [
    [minutesTexts.status[locale], statusNames[m.status][locale]],
    [minutesTexts.version[locale], String(m.version)],
    [minutesTexts.present[locale], m.present.map((a) => plain(m.names?.[a] ?? names(a))).join(', ') || '–'],
    [minutesTexts.absent[locale], m.absent.map((a) => plain(m.names?.[a] ?? names(a))).join(', ') || '–'],
  ];
  const body: CardElement[] = [facts(rows)];
  m.items.forEach((i, n) => {
    body.push(textBlock(`**${n + 1}. ${plain(i.title)}**`, { spacing: 'Medium' }));
    if (i.notes) body.push(textBlock(plain(i.notes), { spacing: 'None' }));
    for (const d of i.decisions) body.push(textBlock(plain(d), { spacing: 'None', weight: 'Bolder' }));
  });
  body.push(textBlock(minutesTexts.writtenBy(plain(names(m.writtenBy)))[locale], { isSubtle: true, spacing: 'Medium' }));
  if (m.approvedBy && m.approvedAt)
    body.push(textBlock(minutesTexts.justerat(day(dateIn(new Date(m.approvedAt), timeZone), locale), plain(names(m.approvedBy)))[locale], { weight: 'Bolder' }));
  if (m.publishedUrl) body.push(textBlock(minutesTexts.published(m.publishedUrl)[locale]));
  if (m.returnComment) body.push(textBlock(minutesTexts.returned(plain(m.returnComment))[locale], { color: 'Attention' }));
  const data = { org: m.org, group: m.group, meetingId: m.meetingId, etag };
  const buttons: CardElement[] = [];
  if (may.edit && (m.status === 'draft' || m.status === 'returned')) {
    // A lead edits the notes per item; only the chair names the justerare before sending.
    for (const i of m.items)
      body.push({ type: 'Input.Text', id: `notes_${i.itemId}`, label: `${minutesTexts.notes[locale]}: ${i.title}`, isMultiline: true, maxLength: 4000, value: i.notes });
    if (may.nameJusterare)
      body.push({
        type: 'Input.ChoiceSet',
        id: 'justerare',
        label: minutesTexts.justerareLabel[locale],
        isMultiSelect: true,
        style: 'expanded',
        // With none named yet, the group's default justerare (`inställningar`) is proposed.
        value: justerareOrDefault(m, group).join(','),
        choices: [...new Set([...justerareOrDefault(m, group), ...roster])].map((aad) => ({ title: names(aad), value: aad })),
      });
    else body.push(textBlock(minutesTexts.justerareNow(m.justerare.map((a) => plain(names(a))).join(', ') || '–')[locale], { isSubtle: true }));
    buttons.push({ type: 'Action.Submit', title: minutesTexts.send[locale], data: { verb: 'sendMinutes', ...data } });
  }
  if (may.edit && (m.status === 'approved' || m.status === 'published'))
    buttons.push({ type: 'Action.Submit', title: minutesTexts.newVersion[locale], data: { verb: 'newMinutesVersion', ...data } });
  if (may.approve && m.status === 'sent') {
    body.push({ type: 'Input.Text', id: 'comment', label: minutesTexts.comment[locale], isMultiline: true, maxLength: 2000 });
    buttons.push({ type: 'Action.Submit', title: minutesTexts.approve[locale], data: { verb: 'approveMinutes', ...data } });
    buttons.push({ type: 'Action.Submit', title: minutesTexts.returnIt[locale], data: { verb: 'returnMinutes', ...data } });
  }
  return card(locale, minutesTexts.title(group.shortName, day(date, locale))[locale], body, buttons);
}

/** Who the minutes went to, for the sender's reply: names already escaped (and marked where the group's default justerare). */
export interface JusteringDelivery {
  readonly delivered: readonly string[];
  /** No personal chat with the bot yet. */
  readonly unreachable: readonly string[];
  /** A personal chat, but the card could not be delivered even on the retry. */
  readonly undelivered: readonly string[];
  /** The meeting as typed in a command (`LGS 2026-12-08`). */
  readonly ref: string;
}

/** The reply to "Skicka för justering": what was saved, who has the minutes, and who could not be reached and what to do. */
export function sentForJustering(d: JusteringDelivery, locale: Locale): string {
  const values = { ref: d.ref };
  return [
    minutesTexts.sentSaved[locale],
    ...(d.delivered.length > 0 ? [countedNames('justeringNadd', d.delivered, locale)] : []),
    ...(d.unreachable.length > 0 ? [countedNames('justeringOnadd', d.unreachable, locale, values)] : []),
    ...(d.undelivered.length > 0 ? [countedNames('justeringOlevererad', d.undelivered, locale, values)] : []),
  ].join(' ');
}
