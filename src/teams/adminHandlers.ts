import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { adminView, changeAdmins, type AdminDeps } from '../app/admins';
import { adminCard, adminTexts } from '../cards/adminCards';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { aadObjectIdSchema, type AadIdMode } from '../domain/aadId';
import type { Clock } from '../app/ports';
import type { Logger } from '../logger';
import { teamRoster } from './chairHandlers';
import { reply, sendCard, type Turn } from './turn';

export interface AdminHandlerDeps extends AdminDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly aadIdMode: AadIdMode;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

/** The admin card's submission, checked before anything else (the person's id by the deployment's AAD id mode; a name on an old card is ignored). */
export const adminSubmission = z.object({ verb: z.literal('changeAdmins') }).passthrough();
const adminFormOf = (mode: AadIdMode) =>
  z.object({
    verb: z.literal('changeAdmins'),
    org: slug,
    action: z.enum(['addAdmin', 'removeAdmin', 'addProcessLeader', 'removeProcessLeader']),
    person: aadObjectIdSchema(mode),
    group: z.union([slug, z.literal('')]).optional(),
  });
const adminForm = { strict: adminFormOf('strict'), local: adminFormOf('local') } as const;

/** `administratörer [organisation]`: the admin card, or why not. */
export async function showAdmins(turn: Turn, deps: AdminHandlerDeps, arg: string): Promise<void> {
  const r = await adminView({ user: turn.user, query: arg, channel: turn.ref, roster: teamRoster(turn.context) }, deps);
  if (r.ok) return sendCard(turn, adminCard(r.value, turn.locale));
  switch (r.code) {
    case 'not-allowed':
      return reply(turn, adminTexts.notAllowed(plain(r.org.shortName)));
    case 'org-not-found':
      return reply(turn, adminTexts.orgNotFound(plain(r.query)));
    case 'choose-org':
      return reply(
        turn,
        adminTexts.chooseOrg(
          deps.catalog
            .all()
            .map((o) => o.shortName)
            .join(', '),
        ),
      );
  }
}

/** A press on the admin card: the use case decides, stores and audits; the answer says what changed. */
export async function submitAdminChange(turn: Turn, deps: AdminHandlerDeps, raw: unknown): Promise<void> {
  const parsed = adminForm[deps.aadIdMode].safeParse(raw);
  if (!parsed.success) return reply(turn, texts.badCard);
  const d = parsed.data;
  const r = await changeAdmins(
    { org: d.org, action: d.action, person: d.person, group: d.group === undefined || d.group === '' ? null : d.group },
    { user: turn.user, now: deps.clock.now(), newId: randomUUID, channel: turn.ref, roster: teamRoster(turn.context) },
    deps,
  );
  if (!r.ok) {
    deps.logger.info('admins.refused', { org: d.org, code: r.code });
    switch (r.code) {
      case 'org-gone':
        return reply(turn, texts.badCard);
      case 'not-allowed':
        return reply(turn, adminTexts.notAllowed(plain(r.org.shortName)));
      case 'need-group':
        return reply(turn, adminTexts.needGroup);
      case 'not-offered':
        return reply(turn, adminTexts.notOffered);
      case 'not-process-leader':
        return reply(turn, adminTexts.notProcessLeader(plain(r.group.shortName)));
      case 'last-admin':
        return reply(turn, adminTexts.lastAdmin);
    }
  }
  const { org, change, group } = r.value;
  deps.logger.info('admins.changed', { org: org.id, action: change.action });
  const name = plain(change.displayName);
  const where = plain(group?.shortName ?? org.shortName);
  return reply(turn, adminTexts.done[change.action](name, where));
}
