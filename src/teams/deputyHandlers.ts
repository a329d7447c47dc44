import { z } from 'zod';
import { deputyView, nameDeputy, type DeputyDeps } from '../app/deputies';
import type { Clock } from '../app/ports';
import { deputiesCard, deputyTexts } from '../cards/deputyCards';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { aadObjectIdSchema, type AadIdMode } from '../domain/aadId';
import type { Logger } from '../logger';
import { replyGroupLookup, teamRoster } from './chairHandlers';
import { reply, sendCard, type Turn } from './turn';

export interface DeputyHandlerDeps extends DeputyDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly aadIdMode: AadIdMode;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

/** Routes the `ersättare` card's submissions; the fields are checked by the deployment's AAD id mode in the handler. */
export const deputySubmission = z.object({ verb: z.literal('setDeputy') }).passthrough();
const deputyFormOf = (mode: AadIdMode) =>
  z.object({ verb: z.literal('setDeputy'), org: slug, group: slug, member: aadObjectIdSchema(mode), deputy: z.union([aadObjectIdSchema(mode), z.literal('')]) });
const deputyForm = { strict: deputyFormOf('strict'), local: deputyFormOf('local') } as const;

/** `ersättare <grupp>`: the members with their deputies and the form, for the group's process leaders and admins. */
export async function showDeputies(turn: Turn, deps: DeputyHandlerDeps, arg: string): Promise<void> {
  const r = await deputyView({ user: turn.user, channel: turn.ref, query: arg }, { ...deps, roster: teamRoster(turn.context) });
  if (r.ok) return sendCard(turn, deputiesCard(r.value, turn.locale));
  if (r.code === 'not-allowed') return reply(turn, deputyTexts.notAllowed(plain(r.group.shortName)));
  if (r.code === 'no-deputies') return reply(turn, deputyTexts.noDeputies(plain(r.group.shortName)));
  return replyGroupLookup(turn, r);
}

/** The `ersättare` card's submission: the use case checks the role and the person, stores and logs the change. */
export async function submitDeputy(turn: Turn, deps: DeputyHandlerDeps, raw: unknown): Promise<void> {
  const parsed = deputyForm[deps.aadIdMode].safeParse(raw);
  if (!parsed.success) return reply(turn, texts.badCard);
  const d = parsed.data;
  const r = await nameDeputy(
    { org: d.org, group: d.group, member: d.member, deputy: d.deputy === '' ? null : d.deputy },
    { user: turn.user, channel: turn.ref, now: deps.clock.now() },
    { ...deps, roster: teamRoster(turn.context) },
  );
  if (!r.ok) {
    deps.logger.info('deputy.refused', { org: d.org, group: d.group, code: r.code });
    switch (r.code) {
      case 'group-gone':
        return reply(turn, texts.groupNotFound(plain(r.group)));
      case 'not-allowed':
        return reply(turn, deputyTexts.notAllowed(plain(r.group.shortName)));
      case 'no-deputies':
        return reply(turn, deputyTexts.noDeputies(plain(r.group.shortName)));
      case 'not-member':
        return reply(turn, deputyTexts.notMember);
      case 'unknown-person':
        return reply(turn, deputyTexts.unknownPerson);
      case 'self':
        return reply(turn, deputyTexts.self);
    }
  }
  const { target, member, deputy } = r.value;
  deps.logger.info('deputy.changed', { org: target.org.id, group: target.group.id, named: deputy !== null });
  const group = plain(target.group.shortName);
  return reply(turn, deputy === null ? deputyTexts.removed(plain(member.displayName), group) : deputyTexts.named(plain(deputy.name), plain(member.displayName), group));
}
