import { dateIn } from '../domain/calendarDate';
import type { Organisation } from '../domain/organisation';
import { dueTermNotices, nextChair, type NextChair, type TermNotice } from '../domain/rotation';
import type { GroupStateRepository } from './ports';

/** A term-end notice with the people to tell in personal chat and who is next by the rules. */
export interface DueNotice {
  readonly org: Organisation;
  readonly notice: TermNotice;
  readonly recipients: readonly string[];
  readonly next: NextChair | null;
}

/**
 * Term-end notices due now (90, 30 and 7 days before a term ends), for the chair, vice chair
 * and process leader of each group. The scheduler (årshjul issue) sends them; until then this
 * lists them. `sent` holds keys already sent, so each is sent once.
 */
export async function listDueTermNotices(
  orgs: readonly Organisation[],
  state: GroupStateRepository,
  now: Date,
  sent: ReadonlySet<string>,
): Promise<DueNotice[]> {
  const out: DueNotice[] = [];
  for (const org of orgs) {
    const today = dateIn(now, org.timeZone);
    const records = await state.groups(org.id, org.groups.map((g) => g.id));
    for (const group of org.groups) {
      const record = records.get(group.id);
      const terms = record?.terms ?? [];
      for (const notice of dueTermNotices(terms, today, sent)) {
        const holders = terms.filter((t) => t.start <= today && (t.actualEnd ?? t.plannedEnd) >= today).map((t) => t.holder.aadObjectId);
        const leaders = (record?.members ?? []).filter((m) => m.roles.includes('processLeader')).map((m) => m.aadObjectId);
        const recipients = [...new Set([...holders, ...leaders].filter((x): x is string => x !== null))].sort();
        const followed = group.chairRule?.principal.kind === 'follow' ? group.chairRule.principal.group : null;
        const followedGroup = org.groups.find((g) => g.id === followed);
        const next = nextChair(
          { group, terms },
          followedGroup ? { group: followedGroup, terms: records.get(followedGroup.id)?.terms ?? [] } : null,
          org.principals.map((p) => p.id),
          org.parties,
          today,
        );
        out.push({ org, notice, recipients, next });
      }
    }
  }
  return out;
}
