import type { Organisation } from '../domain/organisation';
import type { Term } from '../domain/chairTerms';
import type { AdminRepository, GroupStateRepository, MemberRepository, OrganisationRepository, OrganisationSource, SourceProblem } from './ports';

export interface LoadReport {
  readonly organisations: readonly Organisation[];
  readonly problems: readonly SourceProblem[];
  /** Rows written or deleted; zero when nothing changed since the last load. */
  readonly changes: number;
  readonly demoPeople: number;
}

/**
 * Reads the organisation files (through the source port; src/config reads and parses them) and writes them to storage. A broken file is refused
 * whole and nothing of it is written; loading the same files twice writes nothing.
 */
export async function loadOrganisations(
  source: OrganisationSource,
  repos: {
    organisations: OrganisationRepository;
    members: MemberRepository;
    groupState: GroupStateRepository;
    admins: Pick<AdminRepository, 'removedAdmins'>;
  },
): Promise<LoadReport> {
  const read = await source.read();
  let changes = 0;
  for (const org of read.organisations) {
    const { written, deleted } = await repos.organisations.save(org);
    changes += written + deleted;
  }
  let demoPeople = 0;
  // The file's admins seed only what Teams has not changed: someone removed with `administratörer` stays removed.
  const removed = new Map<string, Set<string>>();
  for (const org of new Set((read.demo?.people ?? []).filter((p) => p.orgAdmin).map((p) => p.org))) removed.set(org, await repos.admins.removedAdmins(org));
  for (const person of read.demo?.people ?? []) {
    const orgAdmin = person.orgAdmin && removed.get(person.org)?.has(person.user.toLowerCase()) !== true;
    changes += await repos.members.savePerson({
      aadObjectId: person.user,
      displayName: person.displayName,
      org: person.org,
      orgAdmin,
      memberships: person.memberships.map((m) => ({ org: person.org, group: m.group, party: m.party, roles: m.roles })),
    });
    demoPeople += 1;
  }
  for (const seed of read.demo?.terms ?? []) {
    const org = read.organisations.find((o) => o.id === seed.org);
    if (org === undefined) throw new Error(`demo term for unknown organisation "${seed.org}"`);
    const id = `demo-${seed.group}-${seed.role}-${seed.start}`;
    const record = (await repos.groupState.groups(org.id, [seed.group])).get(seed.group);
    if (record?.terms.some((t) => t.id === id)) continue;
    const party = org.parties.find((p) => p.id === seed.party);
    if (party === undefined) throw new Error(`demo term for unknown party "${seed.party}" in "${org.id}"`);
    const principal = party.principal;
    const term: Term = {
      id,
      org: org.id,
      group: seed.group,
      role: seed.role,
      holder: { aadObjectId: seed.user?.toLowerCase() ?? null, displayName: seed.displayName, party: seed.party, principal },
      start: seed.start,
      plannedEnd: seed.end,
      actualEnd: null,
      origin: 'rotation',
      replaces: null,
      exception: null,
      recordedBy: 'demo',
      recordedAt: `${seed.start}T00:00:00.000Z`,
    };
    const written = await repos.groupState.recordTerm(org.id, record?.version ?? null, term, null);
    if (written.ok) changes += 1;
  }
  return { organisations: await repos.organisations.loadAll(), problems: read.problems, changes, demoPeople };
}
