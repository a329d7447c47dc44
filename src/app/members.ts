import type { Group, Organisation } from '../domain/organisation';
import type { GroupRole, UserContext } from '../domain/people';
import { mayByMembership } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { GroupMember, GroupStateRepository } from './ports';

/** May the user change the group's roster (the rule is in the permission module). */
export const mayEditRoster = (user: UserContext, org: Organisation, group: Group): boolean => mayByMembership('editRoster', user, org.id, group.id);

export interface NewMember {
  readonly aadObjectId: string;
  readonly party: string | null;
  readonly roles: readonly GroupRole[];
}

/**
 * Adds a person to a group (or changes their party and roles). Checks the role first, so the
 * person's name (typed, or looked up in the team) is only asked for once allowed; a refusal
 * changes nothing.
 */
export async function addMember(
  input: NewMember,
  ctx: { org: Organisation; group: Group; user: UserContext; nameOf: () => Promise<string | undefined> },
  state: GroupStateRepository,
): Promise<
  Result<GroupMember, Failure<'not-allowed', { group: string }> | Failure<'unknown-party', { party: string }> | Failure<'party-required'> | Failure<'not-in-team'>>
> {
  if (!mayEditRoster(ctx.user, ctx.org, ctx.group)) return fail('not-allowed', { group: ctx.group.shortName });
  if (input.party !== null && !ctx.org.parties.some((p) => p.id === input.party)) return fail('unknown-party', { party: input.party });
  if (input.party === null && input.roles.includes('member')) return fail('party-required');
  const displayName = await ctx.nameOf();
  if (displayName === undefined) return fail('not-in-team');
  const member: GroupMember = { aadObjectId: input.aadObjectId.toLowerCase(), displayName, party: input.party, roles: input.roles };
  await state.saveMember(ctx.org.id, ctx.group.id, member);
  return ok(member);
}
