import { z } from 'zod';
import { CYCLE_AUDIENCES, GROUP_KINDS, type Organisation } from '../domain/organisation';

/**
 * An organisation as stored (rebuilt from its rows), checked on read against the domain type:
 * the shape only. The file rules (unique ids, known references, time zones, messages in
 * Swedish) belong to src/config, which checked the file before it was saved; storage only
 * makes sure what it hands out is an `Organisation`.
 */
const localized = z.object({ sv: z.string(), en: z.string() });
const reportCadence = z.enum(['quarterly', 'half-yearly']);
const monthDay = z.object({ month: z.number().int(), day: z.number().int() });

const chairRule = z.object({
  termMonths: z.number().int().nullable(),
  principal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('alternate') }),
    z.object({ kind: z.literal('follow'), group: z.string() }),
    z.object({ kind: z.literal('any') }),
  ]),
  rotateAmongParties: z.boolean(),
  vice: z.enum(['other-principal', 'optional', 'none']),
  extensionByConsensus: z.boolean(),
  replacementByLeavingPrincipal: z.boolean(),
  appointment: z.enum(['any-meeting', 'last-meeting-of-year']),
  appointedBy: z.discriminatedUnion('kind', [z.object({ kind: z.literal('group') }), z.object({ kind: z.literal('group-of'), group: z.string() })]),
  quote: localized,
  source: z.string(),
});

const group = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(GROUP_KINDS),
  parent: z.string().nullable(),
  meetings: z
    .object({
      kind: z.enum(['minimum', 'guidance']),
      min: z.number().int(),
      max: z.number().int().nullable(),
      per: z.enum(['year', 'half-year', 'term']),
      quote: z.string().nullable(),
      source: z.string().nullable(),
    })
    .nullable(),
  deputies: z.object({ appointed: z.boolean(), quote: z.string(), source: z.string() }).nullable(),
  chairRule: chairRule.nullable(),
  processLeaderRole: z.string().nullable(),
  processLeaderSharedWith: z.array(z.string()),
  source: z.string(),
});

const schedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yearly'), month: z.number().int(), day: z.number().int() }),
  z.object({ kind: z.literal('half-yearly'), dates: z.array(monthDay) }),
  z.object({ kind: z.literal('quarterly'), dates: z.array(monthDay) }),
  z.object({ kind: z.literal('after-each-meeting'), days: z.number().int() }),
  z.object({ kind: z.literal('quarter-end') }),
  z.object({ kind: z.literal('last-meeting-of-year'), daysBefore: z.number().int() }),
  z.object({ kind: z.literal('term-end') }),
  z.object({ kind: z.literal('meeting-minimum') }),
]);

const cycleItem = z.object({
  id: z.string(),
  title: localized,
  appliesTo: z.object({ kinds: z.array(z.enum(GROUP_KINDS)), groups: z.array(z.string()) }),
  schedule,
  remindDaysBefore: z.array(z.number().int()),
  audience: z.array(z.enum(CYCLE_AUDIENCES)),
  status: z.enum(['proposal', 'confirmed']),
  cadence: reportCadence.nullable(),
  quote: z.string().nullable(),
  source: z.string(),
});

/** Typed against the domain: a field added to `Organisation` and not here fails to compile. */
export const organisationEntity: z.ZodType<Organisation, z.ZodTypeDef, unknown> = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  timeZone: z.string(),
  language: z.enum(['sv', 'en']).optional(),
  deadlineShift: z.enum(['next-weekday', 'previous-weekday']),
  principals: z.array(z.object({ id: z.string(), name: localized })),
  parties: z.array(z.object({ id: z.string(), name: z.string(), principal: z.string() })),
  groups: z.array(group),
  annualCycle: z.array(cycleItem),
  decisionRule: z.object({ kind: z.enum(['consensus-or-return', 'broad-consensus']), quote: z.string(), source: z.string() }).nullable(),
  reportCadence: z.record(z.enum(GROUP_KINDS), reportCadence),
  reportCadenceSource: z.string(),
});
