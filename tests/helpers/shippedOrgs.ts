import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrganisationFile } from '../../src/config/orgFiles';
import type { Group, Organisation } from '../../src/domain/organisation';

/** The shipped organisation files, parsed as the bot does, for domain tests on the real rules. */
const ROOT = path.resolve(__dirname, '..', '..');

export function loadOrg(file: string): Organisation {
  const parsed = parseOrganisationFile(file, readFileSync(path.join(ROOT, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} refused: ${JSON.stringify(parsed.problems, null, 2)}`);
  return parsed.value;
}

export const GBG = loadOrg('orgs/goteborgsomradet.yaml');
export const SAMLA = loadOrg('orgs/samla.yaml');

export function group(org: Organisation, id: string): Group {
  const g = org.groups.find((x) => x.id === id);
  if (g === undefined) throw new Error(`no group ${id} in ${org.id}`);
  return g;
}
