import { readOrgDirectory } from '../config/orgFiles';
import type { FileProblem } from '../config/yamlFile';
import type { Organisation } from '../domain/organisation';
import type { MemberRepository, OrganisationRepository } from './ports';

export interface LoadReport {
  readonly organisations: readonly Organisation[];
  readonly problems: readonly FileProblem[];
  /** Rows written or deleted; zero when nothing changed since the last load. */
  readonly changes: number;
  readonly demoPeople: number;
}

/**
 * Reads the organisation files and writes them to storage. A broken file is refused
 * whole and nothing of it is written; loading the same files twice writes nothing.
 */
export async function loadOrganisations(
  dir: string,
  withDemo: boolean,
  repos: { organisations: OrganisationRepository; members: MemberRepository },
): Promise<LoadReport> {
  const read = await readOrgDirectory(dir, withDemo);
  let changes = 0;
  for (const org of read.organisations) {
    const { written, deleted } = await repos.organisations.save(org);
    changes += written + deleted;
  }
  let demoPeople = 0;
  for (const person of read.demo?.people ?? []) {
    changes += await repos.members.savePerson({
      aadObjectId: person.user,
      displayName: person.displayName,
      org: person.org,
      orgAdmin: person.orgAdmin,
      memberships: person.memberships.map((m) => ({ org: person.org, group: m.group, party: m.party, roles: m.roles })),
    });
    demoPeople += 1;
  }
  return { organisations: await repos.organisations.loadAll(), problems: read.problems, changes, demoPeople };
}
