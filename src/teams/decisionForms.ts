import { z } from 'zod';
import { isIsoDate } from '../domain/calendarDate';
import { DECISION_KINDS, inDateWindow, OUTCOMES } from '../domain/decisions';

/** The zod shapes of what decision cards send: the server's limits (the card's own limits can be bypassed). */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const number = z.string().regex(/^\d{4}:\d{1,4}$/);
/** A real calendar date within 2000–2100. */
const decisionDate = z.string().refine((d) => isIsoDate(d) && inDateWindow(d));
/** A web link: https or http only (no javascript:, data: or file:). */
const webLink = z.union([
  z
    .string()
    .max(500)
    .url()
    .refine((u) => /^https?:\/\//i.test(u)),
  z.literal(''),
]);

/** What the Teams layer routes on; the handler parses the whole form below and explains what is wrong. */
export const recordSubmission = z.object({ verb: z.literal('recordDecision') }).passthrough();
/** Every field of the record form. */
export const recordForm = z
  .object({
    verb: z.literal('recordDecision'),
    org: slug,
    group: slug,
    meetingId: z.string().regex(/^([0-9a-z-]{1,40})?$/),
    formKey: z.string().regex(/^[0-9a-f]{16}$/),
    itemId: z
      .string()
      .regex(/^([0-9a-z-]{1,40})?$/)
      .optional(),
    date: decisionDate,
    kind: z.enum(DECISION_KINDS),
    // Older cards sent a consensus toggle; the form now asks only the outcome, and consensus follows from it.
    consensus: z.enum(['true', 'false']).optional(),
    outcome: z.enum(OUTCOMES),
    title: z.string().max(200),
    text: z.string().max(4000),
    rationale: z.string().max(4000).optional().default(''),
    dissent: z.string().max(2000).optional().default(''),
    link: webLink.optional().default(''),
    forankring: z.string().max(2000).optional().default(''),
    absentInput: z.enum(['true', 'false']).optional().default('false'),
  })
  .strict();
export const correctionSubmission = z.object({ verb: z.literal('correctDecision') }).passthrough();
export const correctionForm = z
  .object({
    verb: z.literal('correctDecision'),
    org: slug,
    group: slug,
    number,
    etag: z.string().min(1).max(200),
    title: z.string().max(200),
    text: z.string().max(4000),
    rationale: z.string().max(4000).optional().default(''),
  })
  .strict();
export const forankringSubmission = z.object({ verb: z.literal('forankringDone'), org: slug, group: slug, number, holder: slug }).strict();
