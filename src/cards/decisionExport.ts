import { stringify } from 'csv-stringify/sync';
import type { ExportContent } from '../app/exportDecisions';
import { dateIn, isoWithOffset, localDateTime } from '../domain/calendarDate';
import type { Decision } from '../domain/decisions';
import type { Meeting } from '../domain/meetings';
import type { Minutes } from '../domain/minutes';
import type { Group, Organisation } from '../domain/organisation';
import { holderName } from './decisionCards';
import { counted } from './i18n';

/**
 * Exports of a group's decision register (and approved minutes, in Markdown and JSON) for
 * publishing and archiving (allmänna handlingar).
 * CSV columns (UTF-8 with BOM, `;`-separated as Swedish Excel expects, RFC 4180 quoting by
 * csv-stringify; a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
 * spreadsheet never runs it as a formula):
 * nummer; datum; typ; utfall; rubrik; beslut; motivering; möte; synpunkter_från_frånvarande;
 * förankring; version; återkallat; registrerat.
 * Names, never ids: the meeting by its local date and time, förankring by principal or party.
 * Times are the organisation's local time: `registrerat` as ISO 8601 with offset
 * (2026-11-27T10:15:00+01:00, summer +02:00), a retraction with its local date.
 */
export const CSV_COLUMNS = [
  'nummer',
  'datum',
  'typ',
  'utfall',
  'rubrik',
  'beslut',
  'motivering',
  'möte',
  'synpunkter_från_frånvarande',
  'förankring',
  'version',
  'återkallat',
  'registrerat',
] as const;

const outcomeNames: Record<Decision['outcome'], string> = {
  enighet: 'fattat i enighet',
  'bred-enighet': 'fattat i bred enighet',
  antecknat: 'antecknat',
  återremitterat: 'återremitterat',
  struket: 'struket',
};

/** The outcome, with the dissent of a decision by broad consensus (001) so the public record keeps it. */
const outcomeOf = (d: Decision): string => (d.dissent ? `${outcomeNames[d.outcome]}; avvikande mening: ${d.dissent}` : outcomeNames[d.outcome]);

const forankringText = (d: Decision, org: Organisation) =>
  d.forankring
    .map((f) => `${holderName(org, f.holder, 'sv')}: ${f.status === 'done' ? `klar ${f.doneOn ?? ''}${f.reference ? ` (${f.reference})` : ''}` : 'väntar'}`)
    .join(', ');

/** A cell a spreadsheet would read as a formula (or a command) gets a leading apostrophe. */
export const neutraliseFormula = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * A meeting as people name it: its local date and time ("2026-12-08 13:00"). A meeting no longer
 * stored is named by the date its id starts with; the id itself is never shown.
 */
function meetingName(id: string, org: Organisation, meetings: readonly Meeting[]): string {
  const m = meetings.find((x) => x.id === id);
  if (m !== undefined) return localDateTime(new Date(m.startsAt), org.timeZone);
  return /^\d{4}-\d{2}-\d{2}/.exec(id)?.[0] ?? 'okänt datum';
}

/** A retraction in words with its local date: "ja, 2026-12-13: skälet". */
const retractedText = (d: Decision, org: Organisation) => (d.retracted ? `ja, ${dateIn(new Date(d.retracted.at), org.timeZone)}: ${d.retracted.reason}` : 'nej');

export function decisionsCsv(org: Organisation, ds: readonly Decision[], meetings: readonly Meeting[] = []): string {
  const rows = ds.map((d) =>
    [
      d.number,
      d.date,
      d.kind,
      outcomeOf(d),
      d.title,
      d.text,
      d.rationale,
      d.meetingId === null ? '' : meetingName(d.meetingId, org, meetings),
      d.absentInputAtHand ? 'ja' : 'nej',
      forankringText(d, org),
      String(d.version),
      retractedText(d, org),
      isoWithOffset(new Date(d.recordedAt), org.timeZone),
    ].map(neutraliseFormula),
  );
  // quoted_match: csv-stringify quotes only its record delimiter, and a lone \n inside a cell must be quoted too.
  return stringify([[...CSV_COLUMNS], ...rows], { delimiter: ';', record_delimiter: '\r\n', bom: true, quoted_match: /[\r\n]/ });
}

export function decisionsMarkdown(org: Organisation, group: Group, ds: readonly Decision[], minutes: readonly Minutes[] = [], meetings: readonly Meeting[] = []): string {
  const lines = [`# Beslutslogg – ${group.name}`, '', `${org.name}. ${counted('beslut', ds.length, 'sv')}.`, ''];
  for (const d of ds) {
    lines.push(`## ${d.number} – ${d.title}${d.retracted ? ' (återkallat)' : ''}`, '');
    lines.push(`- Datum: ${d.date}`, `- Typ: ${d.kind}`, `- Utfall: ${outcomeOf(d)}`);
    if (d.meetingId) lines.push(`- Möte: ${meetingName(d.meetingId, org, meetings)}`);
    if (d.forankring.length > 0) lines.push(`- Förankring: ${forankringText(d, org)}`);
    if (d.version > 1) lines.push(`- Version: ${d.version}`);
    lines.push('', d.text, '');
    if (d.rationale) lines.push(`*Motivering:* ${d.rationale}`, '');
    if (d.retracted) lines.push(`*Återkallat ${dateIn(new Date(d.retracted.at), org.timeZone)}: ${d.retracted.reason}*`, '');
  }
  const approved = minutes;
  if (approved.length > 0) {
    lines.push('# Justerade minnesanteckningar', '');
    for (const m of approved) {
      lines.push(`## Möte ${meetingName(m.meetingId, org, meetings)} (version ${m.version})`, '');
      // Minutes of a meeting closed before the register existed have none: no "Närvarande: –" that would say nobody came.
      if (m.present.length + m.absent.length > 0) lines.push(`Närvarande: ${attendees(m, m.present)}`, `Förhinder: ${attendees(m, m.absent)}`, '');
      m.items.forEach((i, n) => {
        lines.push(`${n + 1}. **${i.title}**${i.notes ? ` – ${i.notes}` : ''}`);
        for (const d of i.decisions) lines.push(`   - ${d}`);
      });
      lines.push(
        '',
        `Justerat ${m.approvedAt === null ? '' : dateIn(new Date(m.approvedAt), org.timeZone)}${m.publishedUrl ? ` · publicerat: ${m.publishedUrl}` : ''}`,
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Who was present or had förhinder, by the names kept with the minutes (never an id; "–" for none). */
const NO_NAME = '(namn saknas)';
const attendeeNames = (m: Minutes, ids: readonly string[]) => ids.map((a) => m.names?.[a] ?? NO_NAME);
const attendees = (m: Minutes, ids: readonly string[]) => attendeeNames(m, ids).join(', ') || '–';

/**
 * The register as data: ids kept as fields, each beside its name (the meeting's local time, the principal or party, the
 * person: `recordedBy` and `recordedByName`, `justerare` and `justerareNames`, …); attendance by name only.
 */
export function decisionsJson(
  org: Organisation,
  group: Group,
  ds: readonly Decision[],
  minutes: readonly Minutes[] = [],
  meetings: readonly Meeting[] = [],
  people: Readonly<Record<string, string>> = {},
): string {
  const person = (id: string) => people[id] ?? NO_NAME;
  const personOrNull = (id: string | null) => (id === null ? null : person(id));
  const decisions = ds.map((d) => ({
    ...d,
    recordedByName: person(d.recordedBy),
    correctedByName: personOrNull(d.correctedBy),
    retracted: d.retracted === null ? null : { ...d.retracted, byName: person(d.retracted.by) },
    meeting: d.meetingId === null ? null : meetingName(d.meetingId, org, meetings),
    forankring: d.forankring.map((f) => ({ ...f, holderName: holderName(org, f.holder, 'sv') })),
  }));
  const named = minutes.map((m) => {
    const { names: _names, ...rest } = m;
    const nameOf = (id: string) => m.names?.[id] ?? person(id);
    return {
      ...rest,
      writtenByName: nameOf(m.writtenBy),
      justerareNames: m.justerare.map(nameOf),
      approvedByName: m.approvedBy === null ? null : nameOf(m.approvedBy),
      meeting: meetingName(m.meetingId, org, meetings),
      present: attendeeNames(m, m.present),
      absent: attendeeNames(m, m.absent),
    };
  });
  return `${JSON.stringify({ organisation: org.id, organisationName: org.name, group: group.id, groupName: group.name, decisions, minutes: named }, null, 2)}\n`;
}

/** The export file in the asked format. */
export function renderExport(content: ExportContent, format: 'md' | 'csv' | 'json'): string {
  if (format === 'csv') return decisionsCsv(content.org, content.decisions, content.meetings);
  return format === 'md'
    ? decisionsMarkdown(content.org, content.group, content.decisions, content.minutes, content.meetings)
    : decisionsJson(content.org, content.group, content.decisions, content.minutes, content.meetings, content.people);
}
