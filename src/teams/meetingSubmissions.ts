import { z } from 'zod';
import type { MeetingForm } from '../app/meetings';
import { fieldRefusal } from '../cards/meetingTexts';
import { activeItems, GENERAL, ITEM_KINDS, MEETING_LIMITS as L, type FieldName, type FieldRule, type Meeting, type SentBack } from '../domain/meetings';
import type { LocalizedText } from '../domain/organisation';

/**
 * The meeting, input and close forms' submissions, every field named with its limit: Teams
 * clients can be bypassed, so the server checks lengths, numbers (finite, bounded), link
 * schemes and dates itself. A bad value is refused with the field named; nothing is cut or
 * replaced silently.
 */

const isHttpUrl = (s: string) => {
  try {
    return ['https:', 'http:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

const isDateInRange = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= L.firstYear && y <= L.lastYear && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

/** The zod schema of one field. Absent text fields are empty; an empty number takes the rule's `empty` value. */
function schemaOf(rule: FieldRule): z.ZodTypeAny {
  switch (rule.kind) {
    case 'text': {
      const s = z.string().max(rule.max);
      return rule.required === true ? s.refine((v) => v.trim() !== '') : s.optional().default('');
    }
    case 'int':
      return z.preprocess(
        (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? rule.empty : typeof v === 'string' ? Number(v.trim()) : v),
        z.number().int().min(rule.min).max(rule.max),
      );
    case 'url':
      return z
        .string()
        .max(rule.max)
        .refine((v) => v.trim() === '' || isHttpUrl(v.trim()))
        .optional()
        .default('');
    case 'date':
      return z.string().refine(isDateInRange);
    case 'time':
      return z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
    case 'choice':
      return z
        .enum(rule.values as [string, ...string[]])
        .optional()
        .default(rule.values[0] ?? '');
    case 'flag':
      // A toggle sends 'true'/'false'; a forged boolean is read the same, anything else is refused.
      return z.preprocess((v) => (v === undefined ? 'false' : typeof v === 'boolean' ? (v ? 'true' : 'false') : v), z.enum(['true', 'false']));
  }
}

interface Field {
  readonly name: FieldName;
  readonly rule: FieldRule;
}

/** A schema over named fields; a field outside them that looks like one of ours (a forged card) fails as `unknown-field`. */
function formSchema(fields: Readonly<Record<string, Field>>, envelope: z.ZodRawShape, dynamic: RegExp) {
  const known = z.object({ ...envelope, ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, schemaOf(f.rule)])) });
  // Checked on the raw submission: the object schema drops unknown keys before any refinement sees them.
  return z
    .record(z.unknown())
    .superRefine((raw, ctx) => {
      for (const key of Object.keys(raw)) if (dynamic.test(key) && !(key in fields)) ctx.addIssue({ code: 'custom', path: [key], params: { unknown: true } });
    })
    .pipe(known);
}

/** Why a submission was refused: a named field with its rule, or a card that is not ours. */
export type SubmissionProblem =
  { readonly kind: 'field'; readonly name: FieldName; readonly rule: FieldRule; readonly length: number | null } | { readonly kind: 'bad-card' };

/** The first field at fault, with the length of the text given (to say how much too long it is). */
function problemOf(error: z.ZodError, fields: Readonly<Record<string, Field>>, raw: Record<string, unknown>): SubmissionProblem {
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    // Any key of the submission may be looked up here, also one that is no field (or `constructor`).
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const value = raw[key];
    if (field !== undefined && !(issue.code === 'custom' && issue.params?.unknown === true))
      return { kind: 'field', name: field.name, rule: field.rule, length: typeof value === 'string' ? value.length : null };
  }
  return { kind: 'bad-card' };
}

/** The message naming the field and what it must be, in both languages. */
export function problemText(p: SubmissionProblem, badCard: LocalizedText): LocalizedText {
  return p.kind === 'bad-card' ? badCard : fieldRefusal(p.name, p.rule, p.length);
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const meetingId = z.string().regex(/^[0-9a-z-]{1,40}$/);

// ---------------------------------------------------------------- the meeting form

/** How many agenda rows the form offers. */
export const FORM_ITEMS = L.items;

const meetingFields: Record<string, Field> = {
  date: { name: { field: 'date' }, rule: { kind: 'date' } },
  time: { name: { field: 'time' }, rule: { kind: 'time' } },
  place: { name: { field: 'place' }, rule: { kind: 'text', max: L.place, required: true } },
  cutoffHours: { name: { field: 'cutoffHours' }, rule: { kind: 'int', min: 0, max: L.cutoffHours, empty: 24 } },
  ...(Object.fromEntries(
    Array.from({ length: FORM_ITEMS }, (_, i) => [
      [`title_${i}`, { name: { field: 'title', item: i + 1 }, rule: { kind: 'text', max: L.title } }],
      [`kind_${i}`, { name: { field: 'kind', item: i + 1 }, rule: { kind: 'choice', values: ITEM_KINDS } }],
      [`presenter_${i}`, { name: { field: 'presenter', item: i + 1 }, rule: { kind: 'text', max: L.presenter } }],
      [`minutes_${i}`, { name: { field: 'minutes', item: i + 1 }, rule: { kind: 'int', min: 0, max: L.minutes, empty: 0 } }],
      [`doc_${i}`, { name: { field: 'doc', item: i + 1 }, rule: { kind: 'url', max: L.doc } }],
      [`source_${i}`, { name: { field: 'source', item: i + 1 }, rule: { kind: 'text', max: L.source } }],
      // The card's hidden reference to a queued matter ("2026:2"); not shown, so named as the source row.
      [`origin_${i}`, { name: { field: 'source', item: i + 1 }, rule: { kind: 'text', max: 9 } }],
      [`withdrawn_${i}`, { name: { field: 'withdrawn', item: i + 1 }, rule: { kind: 'flag' } }],
    ]).flat(),
  ) as Record<string, Field>),
};

const meetingFormSchema = formSchema(
  meetingFields,
  {
    verb: z.literal('saveMeeting'),
    org: slug,
    group: slug,
    meetingId: z.union([z.literal(''), meetingId]),
    version: z.string().max(200),
    formKey: z
      .string()
      .regex(/^([0-9a-f]{24})?$/)
      .optional()
      .default(''),
  },
  /^(title|kind|presenter|minutes|doc|source|origin|withdrawn)_\d+$/,
);

export interface MeetingSubmission {
  readonly org: string;
  readonly group: string;
  readonly meetingId: string | null;
  readonly version: string | null;
  readonly formKey: string | null;
  readonly form: MeetingForm;
}

/** The queued matter a row takes up again ("2026:2" on the card), or null. */
function sentBack(ref: string | undefined): SentBack | null {
  const m = /^(\d{4}):(\d{1,4})$/.exec(ref ?? '');
  return m === null ? null : { kind: 'sent-back', decision: { year: Number(m[1]), seq: Number(m[2]) } };
}

/** Parses the meeting form's submission, or names the first field that is wrong. */
export function parseMeetingForm(raw: Record<string, unknown>): { ok: true; value: MeetingSubmission } | { ok: false; problem: SubmissionProblem } {
  const parsed = meetingFormSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error, meetingFields, raw) };
  const d = parsed.data as Record<string, unknown> & { org: string; group: string; meetingId: string; version: string; formKey: string };
  const str = (k: string) => d[k] as string;
  return {
    ok: true,
    value: {
      org: d.org,
      group: d.group,
      meetingId: d.meetingId === '' ? null : d.meetingId,
      version: d.version === '' ? null : d.version,
      formKey: d.formKey === '' ? null : d.formKey,
      form: {
        date: str('date'),
        time: str('time'),
        place: str('place'),
        cutoffHours: d.cutoffHours as number,
        items: Array.from({ length: FORM_ITEMS }, (_, i) => ({
          title: str(`title_${i}`),
          kind: str(`kind_${i}`) as (typeof ITEM_KINDS)[number],
          presenter: str(`presenter_${i}`),
          minutes: d[`minutes_${i}`] as number,
          doc: str(`doc_${i}`).trim(),
          source: str(`source_${i}`),
          origin: sentBack(str(`origin_${i}`)),
          withdrawn: str(`withdrawn_${i}`) === 'true',
        })),
      },
    },
  };
}

// ---------------------------------------------------------------- input and close forms

/** The fields of the input card (`input_<itemId>`, `input_general`) or the close card (`summary_<itemId>`) of this meeting. */
function perItemFields(m: Meeting, field: 'input' | 'summary'): Record<string, Field> {
  const max = field === 'input' ? L.input : L.summary;
  // Numbered as on the card (items still on the agenda); a withdrawn item keeps its agenda place, for a card shown before it was withdrawn.
  const active = activeItems(m).map((i) => i.id);
  const number = (id: string, i: number) => (active.includes(id) ? active.indexOf(id) + 1 : i + 1);
  const out: Record<string, Field> = Object.fromEntries(
    m.agenda.map((item, i) => [`${field}_${item.id}`, { name: { field, item: number(item.id, i) }, rule: { kind: 'text', max } }]),
  );
  if (field === 'input') out[`input_${GENERAL}`] = { name: { field, item: null }, rule: { kind: 'text', max } };
  return out;
}

/** Parses a submission of per-item texts for this meeting; only the fields present are returned (absent = unchanged). */
export function parsePerItem(
  m: Meeting,
  field: 'input' | 'summary',
  raw: Record<string, unknown>,
): { ok: true; value: Record<string, string> } | { ok: false; problem: SubmissionProblem } {
  const fields = perItemFields(m, field);
  const present = Object.fromEntries(Object.entries(fields).filter(([k]) => k in raw));
  const schema = formSchema(present, {}, new RegExp(`^${field}_`));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error, fields, raw) };
  const data = parsed.data as Record<string, string | undefined>;
  return { ok: true, value: Object.fromEntries(Object.keys(present).map((k) => [k.slice(field.length + 1), data[k] ?? ''])) };
}

/** The envelope of every meeting card submission: which verb and which meeting; the fields are parsed per form. */
export const meetingRef = z.object({ org: slug, group: slug, meetingId });
export const saveMeetingSubmission = z.object({ verb: z.literal('saveMeeting') }).passthrough();
export const inputSubmission = meetingRef.extend({ verb: z.literal('submitInput') }).passthrough();
export const closeSubmission = meetingRef
  .extend({
    verb: z.literal('closeMeeting'),
    version: z.string().min(1).max(200),
    // The register's multi-select: ids separated by commas; absent on a card from before the register (then as answered).
    present: z
      .string()
      .max(20_000)
      .optional()
      .transform((v) =>
        v === undefined
          ? null
          : v
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== ''),
      ),
  })
  .passthrough();
/** Jag kommer / Förhinder (and Kalla ersättare): the meeting, and whether the tapped card was a meeting view (`card: 'view'`). */
export const executeData = meetingRef.extend({ card: z.literal('view').optional() });
