import { dateIn } from '../domain/calendarDate';
import { termOn } from '../domain/chairTerms';
import type { ChannelLink, ConversationRef } from '../domain/conversation';
import type { GroupSnapshot } from '../domain/groupState';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser, type UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import type { ConversationRepository, GroupStateRepository } from './ports';

export interface GroupListing {
  readonly org: Organisation;
  readonly rows: readonly { readonly group: Group; readonly snapshot: GroupSnapshot | null; readonly mine: boolean }[];
}

export type OrgChoiceFailure = Failure<'org-not-found', { query: string }> | Failure<'choose-org'> | Failure<'no-orgs'>;
export type OrgChoice = Result<Organisation, OrgChoiceFailure>;

/**
 * Which organisation a command is about: the one named, else the linked channel's, else the
 * user's only one, else the only one loaded; otherwise the user must choose.
 */
export function resolveOrg(catalog: OrgCatalog, user: UserContext, named: string | null, links: readonly ChannelLink[]): OrgChoice {
  if (catalog.all().length === 0) return fail('no-orgs');
  if (named !== null && named.trim() !== '') {
    const org = catalog.findOrg(named);
    return org === undefined ? fail('org-not-found', { query: named.trim() }) : ok(org);
  }
  const candidates = [...new Set([...links.map((l) => l.org), ...(links.length > 0 ? [] : orgsOfUser(user))])];
  const inCatalog = candidates.map((id) => catalog.get(id)).filter((o): o is Organisation => o !== undefined);
  if (inCatalog.length === 1) return ok(inCatalog[0]);
  if (catalog.all().length === 1) return ok(catalog.all()[0]);
  return fail('choose-org');
}

/** The groups of an organisation with their chair today and next meeting, the user's own marked. */
export async function listGroups(org: Organisation, user: UserContext, state: GroupStateRepository, now: Date): Promise<GroupListing> {
  const today = dateIn(now, org.timeZone);
  const { terms, meetings } = await state.overview(org.id, today);
  const nowIso = now.toISOString();
  const nextOf = (group: string) =>
    meetings
      .filter((m) => m.group === group && !m.cancelled && m.startsAt >= nowIso)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .at(0) ?? null;
  return {
    org,
    rows: org.groups.map((group) => {
      const chair = termOn(
        terms.filter((t) => t.group === group.id),
        'chair',
        today,
      );
      const snapshot: GroupSnapshot = {
        group: group.id,
        chair: chair === null ? null : { displayName: chair.holder.displayName, partyName: org.parties.find((p) => p.id === chair.holder.party)?.name ?? null },
        nextMeeting: (() => {
          const m = nextOf(group.id);
          return m === null ? null : { startsAt: m.startsAt, title: m.place || m.title };
        })(),
      };
      return { group, snapshot, mine: user.memberships.some((m) => m.org === org.id && m.group === group.id) };
    }),
  };
}

/**
 * `grupper [org]`: the groups of the named organisation, else of the linked channel's, else of
 * the user's own; a failure when none can be told (the user chooses).
 */
export async function groupsOverview(
  input: { user: UserContext; channel: ConversationRef; named: string; now: Date },
  deps: { catalog: OrgCatalog; conversations: ConversationRepository; groupState: GroupStateRepository },
): Promise<Result<GroupListing, OrgChoiceFailure>> {
  const links = input.channel.conversationType === 'channel' && input.named === '' ? await deps.conversations.linksOfChannel(input.channel) : [];
  const org = resolveOrg(deps.catalog, input.user, input.named === '' ? null : input.named, links);
  if (!org.ok) return org;
  return ok(await listGroups(org.value, input.user, deps.groupState, input.now));
}
