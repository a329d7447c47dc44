import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIsoDate } from '../domain/calendarDate';
import type { Organisation } from '../domain/organisation';
import { z } from 'zod';
import { demoFileSchema, type DemoFile } from './demoSchema';
import { orgFileSchema } from './orgSchema';
import { parseYamlWith, type FileProblem, type ParsedFile } from './yamlFile';

/** Parses and validates one organisation file's text. */
export function parseOrganisationFile(file: string, source: string): ParsedFile<Organisation> {
  return parseYamlWith(file, source, orgFileSchema);
}

/** Parses and validates the demo data file's text against the organisations it refers to. */
export function parseDemoFile(file: string, source: string, orgs: readonly Organisation[]): ParsedFile<DemoFile> {
  const withReferences = demoFileSchema.superRefine((demo, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    demo.people.forEach((person, i) => {
      const org = orgs.find((o) => o.id === person.org);
      if (org === undefined) return issue(['people', i, 'org'], `okänd organisation "${person.org}"`);
      person.memberships.forEach((m, j) => {
        if (!org.groups.some((g) => g.id === m.group)) issue(['people', i, 'memberships', j, 'group'], `okänd grupp "${m.group}"`);
        if (m.party !== null && !org.parties.some((p) => p.id === m.party)) issue(['people', i, 'memberships', j, 'party'], `okänd part "${m.party}"`);
      });
    });
  });
  const withTerms = withReferences.superRefine((demo, ctx) => {
    demo.terms.forEach((t, i) => {
      const issue = (key: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['terms', i, key], message });
      const org = orgs.find((o) => o.id === t.org);
      if (org === undefined) return issue('org', `okänd organisation "${t.org}"`);
      if (!org.groups.some((g) => g.id === t.group)) issue('group', `okänd grupp "${t.group}"`);
      if (!org.parties.some((p) => p.id === t.party)) issue('party', `okänd part "${t.party}"`);
      if (!isIsoDate(t.start)) issue('start', `datumet ${t.start} finns inte`);
      if (!isIsoDate(t.end) || t.end < t.start) issue('end', 'ska vara ett datum på eller efter start');
    });
  });
  return parseYamlWith(file, source, withTerms);
}

export interface OrgDirectory {
  readonly organisations: Organisation[];
  readonly demo: DemoFile | null;
  /** Files refused whole, with every reason; nothing from them is loaded. */
  readonly problems: FileProblem[];
}

/**
 * Reads every `*.yaml` organisation file in `dir` (and `demo/*.yaml` when asked).
 * A broken file is refused whole; the others still load.
 */
export async function readOrgDirectory(dir: string, withDemo: boolean): Promise<OrgDirectory> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  const organisations: Organisation[] = [];
  const problems: FileProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = parseOrganisationFile(file, await readFile(file, 'utf8'));
    if (parsed.ok) {
      if (organisations.some((o) => o.id === parsed.value.id))
        problems.push({ file, line: 1, path: 'id', reason: `organisationen "${parsed.value.id}" finns redan i en annan fil` });
      else organisations.push(parsed.value);
    } else problems.push(...parsed.problems);
  }
  let demo: DemoFile | null = null;
  if (withDemo) {
    const file = path.join(dir, 'demo', 'demo.yaml');
    const source = await readFile(file, 'utf8').catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      problems.push({ file, line: 1, path: '', reason: 'demodatafilen saknas' });
      return null;
    });
    const parsed = source === null ? null : parseDemoFile(file, source, organisations);
    if (parsed?.ok) demo = parsed.value;
    else if (parsed) problems.push(...parsed.problems);
  }
  return { organisations, demo, problems };
}

/** The organisation files of `dir` as a source for loading them (src/app's `OrganisationSource` port, matched by shape). */
export function orgDirectory(dir: string, withDemo: boolean): { read(): Promise<OrgDirectory> } {
  return { read: () => readOrgDirectory(dir, withDemo) };
}
