import { z } from 'zod';

/** A real Entra ID (AAD) object id: a GUID in its 8-4-4-4-12 hex form. */
export const AAD_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Agents Playground's built-in users (and the demo people in orgs/demo/demo.yaml) have 13
 * hex digits in the last group, e.g. `00000000-0000-0000-0000-0000000000020`. No real tenant
 * has such ids, so they are accepted only in local/demo mode.
 */
export const PLAYGROUND_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{13}$/i;

/** The pattern for a card's id field (either form; the server checks the mode when the form comes back). */
export const AAD_ID_INPUT_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12,13}$';

/**
 * Which AAD ids a running bot accepts: `strict` with Bot Framework authentication (BOT_ID
 * set), `local` without it (the Playground and demo data), where the Playground's ids pass too.
 */
export type AadIdMode = 'strict' | 'local';

/** True when `id` is an AAD object id in the given mode. */
export function isAadObjectId(id: string, mode: AadIdMode): boolean {
  return AAD_GUID.test(id) || (mode === 'local' && PLAYGROUND_ID.test(id));
}

/** The one AAD object id schema (Swedish message for configuration files and forms). */
export function aadObjectIdSchema(mode: AadIdMode, message = 'ska vara ett AAD-objekt-id (GUID)') {
  return z.string().refine((s) => isAadObjectId(s, mode), message);
}
