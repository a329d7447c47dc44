import { z } from 'zod';
import { CYCLE_AUDIENCES, GROUP_KINDS } from '../domain/organisation';

/**
 * The organisation file as written in YAML (orgs/*.yaml). Ids are lower-case slugs so they
 * are safe as Azure Table keys and readable in commands ("koppla nosam-hisingen").
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'ska vara små bokstäver a–z, siffror och bindestreck (högst 63 tecken)');

const text = z.string().trim().min(1, 'får inte vara tom');
const localized = z.object({ sv: text, en: text }).strict();
const source = z.string().regex(/^\d{3}(,\s*\d{3})*$/, 'ska ange källdokument, t.ex. "000" eller "000, 002"');
/** A verbatim quote from the seed(s) named in `source`; " … " marks words left out. */
const quote = text;

/** 29 February is allowed: in other years the deadline falls on 28 February (see the årshjul rules). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const monthDay = z
  .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .strict()
  .refine((d) => d.day <= DAYS_IN_MONTH[d.month - 1], {
    message: 'dagen finns inte i månaden',
  });

const principalRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alternate') }).strict(),
  z.object({ kind: z.literal('follow'), group: id }).strict(),
  z.object({ kind: z.literal('any') }).strict(),
]);

const chairRule = z
  .object({
    termMonths: z.number().int().min(1).max(60).nullable(),
    principal: principalRule,
    rotateAmongParties: z.boolean(),
    vice: z.enum(['other-principal', 'optional', 'none']),
    extensionByConsensus: z.boolean(),
    replacementByLeavingPrincipal: z.boolean(),
    appointment: z.enum(['any-meeting', 'last-meeting-of-year']),
    appointedBy: z.discriminatedUnion('kind', [z.object({ kind: z.literal('group') }).strict(), z.object({ kind: z.literal('group-of'), group: id }).strict()]),
    quote: localized,
    source,
  })
  .strict();

const group = z
  .object({
    id,
    name: text,
    shortName: text,
    kind: z.enum(GROUP_KINDS),
    parent: id.nullable().default(null),
    meetings: z
      .object({
        kind: z.enum(['minimum', 'guidance']).default('minimum'),
        min: z.number().int().min(1).max(52),
        max: z.number().int().min(1).max(52).nullable().default(null),
        per: z.enum(['year', 'half-year', 'term']),
        quote: quote.nullable().default(null),
        source: source.nullable().default(null),
      })
      .strict()
      .nullable()
      .default(null),
    deputies: z.object({ appointed: z.boolean(), quote, source }).strict().nullable().default(null),
    chairRule: chairRule.nullable().default(null),
    processLeaderRole: text.nullable().default(null),
    processLeaderSharedWith: z.array(id).default([]),
    source,
  })
  .strict();

const schedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict(),
  z.object({ kind: z.literal('half-yearly'), dates: z.array(monthDay).length(2) }).strict(),
  z.object({ kind: z.literal('quarterly'), dates: z.array(monthDay).length(4) }).strict(),
  z.object({ kind: z.literal('after-each-meeting'), days: z.number().int().min(0).max(90) }).strict(),
  z.object({ kind: z.literal('quarter-end') }).strict(),
  z.object({ kind: z.literal('last-meeting-of-year'), daysBefore: z.number().int().min(0).max(90).default(0) }).strict(),
  z.object({ kind: z.literal('term-end') }).strict(),
  z.object({ kind: z.literal('meeting-minimum') }).strict(),
]);

const cycleItem = z
  .object({
    id,
    title: localized,
    appliesTo: z
      .object({ kinds: z.array(z.enum(GROUP_KINDS)).default([]), groups: z.array(id).default([]) })
      .strict()
      .refine((a) => a.kinds.length + a.groups.length > 0, { message: 'ange minst en gruppsort eller grupp' }),
    schedule,
    remindDaysBefore: z.array(z.number().int().min(0).max(365)).default([30, 14, 7, 1]),
    audience: z.array(z.enum(CYCLE_AUDIENCES)).min(1),
    status: z.enum(['proposal', 'confirmed']).default('proposal'),
    cadence: z.enum(['quarterly', 'half-yearly']).nullable().default(null),
    quote: quote.nullable().default(null),
    source,
  })
  .strict();

export const orgFileSchema = z
  .object({
    id,
    name: text,
    shortName: text,
    timeZone: z.string().default('Europe/Stockholm'),
    // The language of channel posts (agendas, reminders @mentioning someone without a personal chat).
    language: z.enum(['sv', 'en']).default('sv'),
    deadlineShift: z.enum(['next-weekday', 'previous-weekday']).default('next-weekday'),
    principals: z.array(z.object({ id, name: localized }).strict()).min(1),
    parties: z.array(z.object({ id, name: text, principal: id }).strict()).min(1),
    groups: z.array(group).min(1),
    annualCycle: z.array(cycleItem).default([]),
    decisionRule: z
      .object({ kind: z.enum(['consensus-or-return', 'broad-consensus']), quote, source })
      .strict()
      .nullable()
      .default(null),
    reportCadence: z.record(z.enum(GROUP_KINDS), z.enum(['quarterly', 'half-yearly'])).default({}),
    reportCadenceSource: z.union([source, z.literal('förslag')]).default('förslag'),
  })
  .strict()
  .superRefine((org, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const unique = (items: readonly { id: string }[], key: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.id)) issue([key, i, 'id'], `id "${it.id}" förekommer mer än en gång`);
        seen.add(it.id);
      });
      return seen;
    };
    const principals = unique(org.principals, 'principals');
    unique(org.parties, 'parties');
    const groups = unique(org.groups, 'groups');
    const shortNames = new Map<string, number>();
    org.groups.forEach((g, i) => {
      const key = g.shortName.toLocaleLowerCase('sv');
      if (shortNames.has(key)) issue(['groups', i, 'shortName'], `kortnamnet "${g.shortName}" används redan av en annan grupp`);
      shortNames.set(key, i);
    });
    unique(org.annualCycle, 'annualCycle');
    if (!isTimeZone(org.timeZone)) issue(['timeZone'], `okänd tidszon "${org.timeZone}"`);
    org.parties.forEach((p, i) => {
      if (!principals.has(p.principal)) issue(['parties', i, 'principal'], `okänd huvudman "${p.principal}"`);
    });
    org.groups.forEach((g, i) => {
      if (g.parent !== null && !groups.has(g.parent)) issue(['groups', i, 'parent'], `okänd grupp "${g.parent}"`);
      if (g.parent === g.id) issue(['groups', i, 'parent'], 'en grupp kan inte vara sin egen överordnade grupp');
      g.processLeaderSharedWith.forEach((s, j) => {
        const other = org.groups.find((x) => x.id === s);
        if (other === undefined) issue(['groups', i, 'processLeaderSharedWith', j], `okänd grupp "${s}"`);
        else if (!other.processLeaderSharedWith.includes(g.id))
          issue(['groups', i, 'processLeaderSharedWith', j], `"${s}" anger inte "${g.id}" tillbaka; delad processledare ska anges åt båda hållen`);
      });
      const rule = g.chairRule;
      if (rule === null) return;
      if (rule.principal.kind === 'follow') {
        if (!groups.has(rule.principal.group)) issue(['groups', i, 'chairRule', 'principal', 'group'], `okänd grupp "${rule.principal.group}"`);
        if (rule.principal.group === g.id) issue(['groups', i, 'chairRule', 'principal', 'group'], 'en grupp kan inte följa sig själv');
        const followed = org.groups.find((x) => x.id === (rule.principal as { group: string }).group);
        if (followed?.chairRule === null) issue(['groups', i, 'chairRule', 'principal', 'group'], `gruppen "${followed.id}" har ingen ordföranderegel att följa`);
        if (followed?.chairRule?.principal.kind === 'follow')
          issue(['groups', i, 'chairRule', 'principal', 'group'], `gruppen "${followed.id}" följer i sin tur en annan grupp; följ den gruppen direkt`);
      }
      if (rule.appointedBy.kind === 'group-of' && !groups.has(rule.appointedBy.group))
        issue(['groups', i, 'chairRule', 'appointedBy', 'group'], `okänd grupp "${rule.appointedBy.group}"`);
      if (rule.principal.kind === 'alternate' && principals.size !== 2)
        issue(['groups', i, 'chairRule', 'principal'], 'växling mellan huvudmän kräver exakt två huvudmän');
    });
    org.annualCycle.forEach((c, i) => {
      if (c.schedule.kind === 'yearly' && c.schedule.day > DAYS_IN_MONTH[c.schedule.month - 1]) issue(['annualCycle', i, 'schedule'], 'dagen finns inte i månaden');
      c.appliesTo.groups.forEach((gid, j) => {
        if (!groups.has(gid)) issue(['annualCycle', i, 'appliesTo', 'groups', j], `okänd grupp "${gid}"`);
      });
    });
  });

export type OrgFile = z.infer<typeof orgFileSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
