import { stringify } from 'csv-stringify/sync';
import type { ExportContent } from '../app/exportDecisions';
import type { Decision } from '../domain/decisions';
import type { Minutes } from '../domain/minutes';
import type { Group, Organisation } from '../domain/organisation';
import { counted } from './i18n';

/**
 * Exports of a group's decision register (and approved minutes, in Markdown and JSON) for
 * publishing and archiving (allmänna handlingar).
 * CSV columns (UTF-8 with BOM, `;`-separated as Swedish Excel expects, RFC 4180 quoting by
 * csv-stringify; a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
 * spreadsheet never runs it as a formula):
 * nummer; datum; typ; utfall; rubrik; beslut; motivering; möte; synpunkter_från_frånvarande;
 * förankring; version; återkallat; registrerat.
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

const forankringText = (d: Decision) =>
  d.forankring.map((f) => `${f.holder}: ${f.status === 'done' ? `klar ${f.doneOn ?? ''}${f.reference ? ` (${f.reference})` : ''}` : 'väntar'}`).join(', ');

/** A cell a spreadsheet would read as a formula (or a command) gets a leading apostrophe. */
export const neutraliseFormula = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function decisionsCsv(ds: readonly Decision[]): string {
  const rows = ds.map((d) =>
    [
      d.number,
      d.date,
      d.kind,
      outcomeOf(d),
      d.title,
      d.text,
      d.rationale,
      d.meetingId ?? '',
      d.absentInputAtHand ? 'ja' : 'nej',
      forankringText(d),
      String(d.version),
      d.retracted ? `ja: ${d.retracted.reason}` : 'nej',
      d.recordedAt,
    ].map(neutraliseFormula),
  );
  // quoted_match: csv-stringify quotes only its record delimiter, and a lone \n inside a cell must be quoted too.
  return stringify([[...CSV_COLUMNS], ...rows], { delimiter: ';', record_delimiter: '\r\n', bom: true, quoted_match: /[\r\n]/ });
}

export function decisionsMarkdown(org: Organisation, group: Group, ds: readonly Decision[], minutes: readonly Minutes[] = []): string {
  const lines = [`# Beslutslogg – ${group.name}`, '', `${org.name}. ${counted('beslut', ds.length, 'sv')}.`, ''];
  for (const d of ds) {
    lines.push(`## ${d.number} – ${d.title}${d.retracted ? ' (återkallat)' : ''}`, '');
    lines.push(`- Datum: ${d.date}`, `- Typ: ${d.kind}`, `- Utfall: ${outcomeOf(d)}`);
    if (d.meetingId) lines.push(`- Möte: ${d.meetingId}`);
    if (d.forankring.length > 0) lines.push(`- Förankring: ${forankringText(d)}`);
    if (d.version > 1) lines.push(`- Version: ${d.version}`);
    lines.push('', d.text, '');
    if (d.rationale) lines.push(`*Motivering:* ${d.rationale}`, '');
    if (d.retracted) lines.push(`*Återkallat ${d.retracted.at.slice(0, 10)}: ${d.retracted.reason}*`, '');
  }
  const approved = minutes;
  if (approved.length > 0) {
    lines.push('# Justerade minnesanteckningar', '');
    for (const m of approved) {
      lines.push(`## Möte ${m.meetingId} (version ${m.version})`, '');
      lines.push(`Närvarande: ${attendees(m, m.present)}`, `Förhinder: ${attendees(m, m.absent)}`, '');
      m.items.forEach((i, n) => {
        lines.push(`${n + 1}. **${i.title}**${i.notes ? ` – ${i.notes}` : ''}`);
        for (const d of i.decisions) lines.push(`   - ${d}`);
      });
      lines.push('', `Justerat ${m.approvedAt?.slice(0, 10) ?? ''}${m.publishedUrl ? ` · publicerat: ${m.publishedUrl}` : ''}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Who was present or had förhinder, by the names kept with the minutes (never an id; "–" for none). */
const attendeeNames = (m: Minutes, ids: readonly string[]) => ids.map((a) => m.names?.[a] ?? '(namn saknas)');
const attendees = (m: Minutes, ids: readonly string[]) => attendeeNames(m, ids).join(', ') || '–';

export function decisionsJson(org: Organisation, group: Group, ds: readonly Decision[], minutes: readonly Minutes[] = []): string {
  // The attendance by name: the ids of the people are internal.
  const shown = minutes.map((m) => {
    const { names: _names, ...rest } = m;
    return { ...rest, present: attendeeNames(m, m.present), absent: attendeeNames(m, m.absent) };
  });
  return `${JSON.stringify({ organisation: org.id, group: group.id, groupName: group.name, decisions: ds, minutes: shown }, null, 2)}\n`;
}

/** The export file in the asked format. */
export function renderExport(content: ExportContent, format: 'md' | 'csv' | 'json'): string {
  if (format === 'csv') return decisionsCsv(content.decisions);
  return format === 'md'
    ? decisionsMarkdown(content.org, content.group, content.decisions, content.minutes)
    : decisionsJson(content.org, content.group, content.decisions, content.minutes);
}
