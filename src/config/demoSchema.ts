import { z } from 'zod';
import { aadObjectIdSchema } from '../domain/aadId';

/** Roles a person can hold in a group, besides chair and vice chair which come from terms. */
export const GROUP_ROLES = ['member', 'processLeader'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'ska vara ett id med små bokstäver, siffror och bindestreck');
// The demo file is read only in local/demo mode, where the Playground's built-in ids are the users.
const aadObjectId = aadObjectIdSchema('local');

/**
 * The demo data set: roles, not invented people. Gives the Playground's users memberships
 * so every feature can be tried as each role.
 */
export const demoFileSchema = z
  .object({
    people: z
      .array(
        z
          .object({
            user: aadObjectId,
            displayName: z.string().trim().min(1),
            org: slug,
            orgAdmin: z.boolean().default(false),
            memberships: z.array(z.object({ group: slug, party: slug.nullable().default(null), roles: z.array(z.enum(GROUP_ROLES)).min(1) }).strict()).default([]),
          })
          .strict(),
      )
      .min(1),
    /** Chair terms so the demo shows who chairs, until when and who is next. */
    terms: z
      .array(
        z
          .object({
            org: slug,
            group: slug,
            role: z.enum(['chair', 'viceChair']),
            user: aadObjectId.nullable().default(null),
            displayName: z.string().trim().min(1),
            party: slug,
            start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ska vara ett datum ÅÅÅÅ-MM-DD'),
            end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ska vara ett datum ÅÅÅÅ-MM-DD'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type DemoFile = z.infer<typeof demoFileSchema>;
