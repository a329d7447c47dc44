import { Resvg } from '@resvg/resvg-js';
import { addMonths, daysBetween, type IsoDate } from '../domain/calendarDate';
import type { Locale } from '../domain/organisation';
import type { YearWheel } from '../app/annualCycle';
import { isProposal } from '../domain/annualCycle';
import { counted } from './i18n';

/** One mark on the wheel: a meeting or an årshjul deadline; a proposal (förslag) is drawn hollow and dashed. */
export interface WheelEntry {
  readonly date: IsoDate;
  readonly label: string;
  readonly kind: 'meeting' | 'deadline';
  readonly proposal: boolean;
}

/** The group's year as the wheel shows it: twelve months from `from` (the first of a month), the turn of the year marked. */
export interface WheelView {
  readonly groupName: string;
  readonly from: IsoDate;
  readonly today: IsoDate;
  readonly entries: readonly WheelEntry[];
}

const MONTHS: Record<Locale, readonly string[]> = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const WORDS = {
  sv: { title: 'Årshjul', meeting: 'Möte', deadline: 'Datum i årshjulet', proposal: 'Förslag (streckad)', today: 'I dag' },
  en: { title: 'Annual cycle', meeting: 'Meeting', deadline: 'Cycle date', proposal: 'Proposal (dashed)', today: 'Today' },
} as const;

/** The wheel's first month index (0–11), year, and the 12 months' first days (and the day after the last). */
function months(from: IsoDate): { month: number; year: number; starts: IsoDate[] } {
  return { month: Number(from.slice(5, 7)) - 1, year: Number(from.slice(0, 4)), starts: Array.from({ length: 13 }, (_, i) => addMonths(from, i).date) };
}

/** The month as the title names it: "nov. 2026" / "Nov 2026" (maj is not shortened). */
function monthYear(date: IsoDate, locale: Locale): string {
  const m = Number(date.slice(5, 7)) - 1;
  const name = MONTHS[locale][m];
  return `${name}${locale === 'sv' && name !== 'maj' ? '.' : ''} ${date.slice(0, 4)}`;
}

/** The wheel's span in words: "nov. 2026 – okt. 2027". */
export function wheelSpan(view: Pick<WheelView, 'from'>, locale: Locale): string {
  return `${monthYear(view.from, locale)} – ${monthYear(addMonths(view.from, 11).date, locale)}`;
}

/** Is the date on the wheel (from its first day up to, not including, the same day a year later)? */
const onWheel = (date: IsoDate, from: IsoDate) => date >= from && date < addMonths(from, 12).date;

const SIZE = 900;
const CX = 450;
const CY = 480;
const R_OUT = 330;
const R_MONTH = 270;
const R_MEETING = 235;
const R_DEADLINE = 195;
const FONT = 'DejaVu Sans, Arial, sans-serif';

/** Where a date falls on the wheel, in degrees clockwise from twelve o'clock (the wheel's first day). */
function angleOf(date: IsoDate, from: IsoDate): number {
  return (daysBetween(from, date) / daysBetween(from, addMonths(from, 12).date)) * 360;
}

function point(angle: number, r: number): [number, number] {
  const rad = ((angle - 90) * Math.PI) / 180;
  return [Math.round((CX + r * Math.cos(rad)) * 10) / 10, Math.round((CY + r * Math.sin(rad)) * 10) / 10];
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sector(a0: number, a1: number, r0: number, r1: number): string {
  const [x0, y0] = point(a0, r1);
  const [x1, y1] = point(a1, r1);
  const [x2, y2] = point(a1, r0);
  const [x3, y3] = point(a0, r0);
  return `M${x0},${y0} A${r1},${r1} 0 0 1 ${x1},${y1} L${x2},${y2} A${r0},${r0} 0 0 0 ${x3},${y3} Z`;
}

/** Twelve months from `view.from` as an SVG wheel: months around the circle, the turn of the year marked, meetings and deadlines on it, today marked. */
export function wheelSvg(view: WheelView, locale: Locale): string {
  const w = WORDS[locale];
  const { month, year, starts } = months(view.from);
  const parts: string[] = [`<rect width="${SIZE}" height="${SIZE + 60}" fill="#ffffff"/>`];
  parts.push(
    `<text x="${CX}" y="50" font-family="${FONT}" font-size="30" font-weight="bold" text-anchor="middle" fill="#1b1b1b">${xml(`${w.title} – ${view.groupName} ${wheelSpan(view, locale)}`)}</text>`,
  );
  for (let i = 0; i < 12; i++) {
    const a0 = angleOf(starts[i], view.from);
    const a1 = i === 11 ? 360 : angleOf(starts[i + 1], view.from);
    parts.push(`<path d="${sector(a0, a1, R_MONTH, R_OUT)}" fill="${i % 2 === 0 ? '#dbe8f5' : '#eef4fa'}" stroke="#ffffff" stroke-width="2"/>`);
    const [tx, ty] = point((a0 + a1) / 2, (R_MONTH + R_OUT) / 2);
    parts.push(`<text x="${tx}" y="${ty + 8}" font-family="${FONT}" font-size="22" text-anchor="middle" fill="#1b1b1b">${MONTHS[locale][(month + i) % 12]}</text>`);
  }
  // The turn of the year (unless the wheel starts in January): a line across the ring, the new year's number outside it.
  if (month !== 0) {
    const a = angleOf(`${year + 1}-01-01`, view.from);
    const [x0, y0] = point(a, R_DEADLINE - 20);
    const [x1, y1] = point(a, R_OUT + 8);
    const [lx, ly] = point(a + 6, R_OUT + 30);
    parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y1}" stroke="#1b1b1b" stroke-width="3"/>`);
    parts.push(`<text x="${lx}" y="${ly + 7}" font-family="${FONT}" font-size="20" font-weight="bold" text-anchor="middle" fill="#1b1b1b">${year + 1}</text>`);
  }
  parts.push(`<circle cx="${CX}" cy="${CY}" r="${R_MONTH}" fill="none" stroke="#9db4cc" stroke-width="1"/>`);
  for (const r of [R_MEETING, R_DEADLINE]) parts.push(`<circle cx="${CX}" cy="${CY}" r="${r}" fill="none" stroke="#d0d7de" stroke-width="1" stroke-dasharray="2 6"/>`);
  for (const e of view.entries.filter((x) => onWheel(x.date, view.from))) {
    const [x, y] = point(angleOf(e.date, view.from), e.kind === 'meeting' ? R_MEETING : R_DEADLINE);
    const colour = e.kind === 'meeting' ? '#1f5fa8' : '#c25e00';
    const fill = e.proposal ? '#ffffff' : colour;
    const dash = e.proposal ? ' stroke-dasharray="4 3"' : '';
    parts.push(
      e.kind === 'meeting'
        ? `<circle cx="${x}" cy="${y}" r="11" fill="${fill}" stroke="${colour}" stroke-width="3"${dash}/>`
        : `<rect x="${x - 9}" y="${y - 9}" width="18" height="18" transform="rotate(45 ${x} ${y})" fill="${fill}" stroke="${colour}" stroke-width="3"${dash}/>`,
    );
  }
  if (onWheel(view.today, view.from)) {
    const a = angleOf(view.today, view.from);
    const [x0, y0] = point(a, 60);
    const [x1, y1] = point(a, R_OUT + 12);
    const [lx, ly] = point(a, R_OUT + 38);
    parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y1}" stroke="#c50f1f" stroke-width="4"/>`);
    parts.push(`<text x="${lx}" y="${ly + 7}" font-family="${FONT}" font-size="20" font-weight="bold" text-anchor="middle" fill="#c50f1f">${w.today}</text>`);
  }
  const years = month === 0 ? `${year}` : `${year}–${year + 1}`;
  parts.push(`<text x="${CX}" y="${CY - 6}" font-family="${FONT}" font-size="40" font-weight="bold" text-anchor="middle" fill="#1b1b1b">${years}</text>`);
  parts.push(`<text x="${CX}" y="${CY + 28}" font-family="${FONT}" font-size="18" text-anchor="middle" fill="#444444">${xml(view.groupName)}</text>`);
  const ly = SIZE - 10;
  parts.push(`<circle cx="70" cy="${ly}" r="10" fill="#1f5fa8"/><text x="88" y="${ly + 7}" font-family="${FONT}" font-size="20" fill="#1b1b1b">${w.meeting}</text>`);
  parts.push(
    `<rect x="207" y="${ly - 8}" width="16" height="16" transform="rotate(45 215 ${ly})" fill="#c25e00"/><text x="235" y="${ly + 7}" font-family="${FONT}" font-size="20" fill="#1b1b1b">${w.deadline}</text>`,
  );
  parts.push(
    `<circle cx="460" cy="${ly}" r="10" fill="#ffffff" stroke="#555555" stroke-width="3" stroke-dasharray="4 3"/><text x="478" y="${ly + 7}" font-family="${FONT}" font-size="20" fill="#1b1b1b">${w.proposal}</text>`,
  );
  parts.push(
    `<line x1="720" y1="${ly - 12}" x2="720" y2="${ly + 12}" stroke="#c50f1f" stroke-width="4"/><text x="732" y="${ly + 7}" font-family="${FONT}" font-size="20" fill="#1b1b1b">${w.today}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE + 60}" viewBox="0 0 ${SIZE} ${SIZE + 60}">${parts.join('')}</svg>`;
}

/** The wheel in words, for screen readers (the image's alt text): counts, then each mark by month. */
export function wheelAltText(view: WheelView, locale: Locale): string {
  const inYear = view.entries.filter((e) => onWheel(e.date, view.from));
  const meetings = inYear.filter((e) => e.kind === 'meeting').length;
  const deadlines = inYear.length - meetings;
  const proposal = locale === 'sv' ? 'förslag' : 'proposal';
  const marks = inYear.map((e) => `${e.date} ${e.label}${e.proposal ? ` (${proposal})` : ''}`).join('; ');
  const head =
    locale === 'sv'
      ? `Årshjul för ${view.groupName} ${wheelSpan(view, 'sv')}: ${counted('moten', meetings, 'sv')} och ${counted('deadlines', deadlines, 'sv')}. I dag är ${view.today}.`
      : `Annual cycle for ${view.groupName} ${wheelSpan(view, 'en')}: ${counted('moten', meetings, 'en')} and ${counted('deadlines', deadlines, 'en')}. Today is ${view.today}.`;
  return marks === '' ? head : `${head} ${marks}.`;
}

/** The SVG rendered to PNG on the server (resvg, with the system's fonts). */
export function wheelPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng();
}

/** The wheel's marks from the group's year: meetings by title, deadlines by the årshjul item's title. */
export function wheelView(w: YearWheel, locale: Locale): WheelView {
  const meetings = w.meetings.map((m) => ({ date: m.date, label: m.title, kind: 'meeting' as const, proposal: false }));
  const deadlines = w.deadlines.map((o) => ({ date: o.deadline, label: o.item.title[locale], kind: 'deadline' as const, proposal: isProposal(o.item) }));
  return { groupName: w.group.shortName, from: w.from, today: w.today, entries: [...meetings, ...deadlines].sort((a, b) => a.date.localeCompare(b.date)) };
}
