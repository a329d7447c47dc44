import { withCycleEdits } from '../domain/cycleEdits';
import { withGroupSettings, type GroupSettings } from '../domain/groupSettings';
import { findGroups, groupOf, normalizeName, type CycleEdit, type Group, type Organisation, type OrgId } from '../domain/organisation';
import { foldName } from '../domain/names';
import { fail, ok, type Failure, type Result } from '../domain/result';

export interface GroupInOrg {
  readonly org: Organisation;
  readonly group: Group;
}

/**
 * The organisations loaded at start-up, kept in memory: they change only when files are
 * reloaded, so commands read groups and rules without a table request.
 */
/** A group that could not be told from the words: none, or one in several organisations. */
export type GroupLookupFailure = Failure<'group-not-found', { query: string }> | Failure<'group-ambiguous', { query: string; orgs: string; groups: string | null }>;

export class OrgCatalog {
  /** The shipped organisations; `organisations` is them with their Teams edits applied. */
  private shipped: readonly Organisation[];
  private readonly edits = new Map<OrgId, readonly CycleEdit[]>();
  private readonly settings = new Map<OrgId, ReadonlyMap<string, GroupSettings>>();

  constructor(private organisations: readonly Organisation[]) {
    this.shipped = organisations;
  }

  all(): readonly Organisation[] {
    return this.organisations;
  }

  replace(organisations: readonly Organisation[]): void {
    this.shipped = organisations;
    this.apply();
  }

  /** Sets the organisation's årshjul edits (as stored): reminders, the card and the feed follow at once. */
  setCycleEdits(org: OrgId, edits: readonly CycleEdit[]): void {
    this.edits.set(org, edits);
    this.apply();
  }

  /** Sets the organisation's group settings (as stored): every feature reading the group sees them at once. */
  setGroupSettings(org: OrgId, settings: ReadonlyMap<string, GroupSettings>): void {
    this.settings.set(org, settings);
    this.apply();
  }

  private apply(): void {
    this.organisations = this.shipped.map((o) => {
      const edits = this.edits.get(o.id);
      const settings = this.settings.get(o.id);
      const edited = edits === undefined ? o : withCycleEdits(o, edits);
      return settings === undefined ? edited : withGroupSettings(edited, settings);
    });
  }

  /** The group as the organisation file has it, before settings made in Teams (what "som i organisationsfilen" keeps). */
  shippedGroup(org: OrgId, group: string): Group | undefined {
    return this.shipped.find((o) => o.id === org)?.groups.find((g) => g.id === group);
  }

  get(id: OrgId): Organisation | undefined {
    return this.organisations.find((o) => o.id === id);
  }

  /** Finds an organisation by id, short name or name. */
  findOrg(query: string): Organisation | undefined {
    const q = normalizeName(query);
    return this.organisations.find((o) => o.id === query || normalizeName(o.shortName) === q || normalizeName(o.name) === q);
  }

  /**
   * Finds a group by id, name or `org/group`. Looks first in `preferred` organisations (the user's);
   * a name found in several organisations is ambiguous.
   */
  /** The groups a query names when it ends with an organisation's short or full name. */
  private groupWithOrgName(query: string): GroupInOrg[] {
    const q = foldName(query);
    return this.organisations.flatMap((org) =>
      [org.shortName, org.name]
        .map(foldName)
        .filter((n) => q.endsWith(` ${n}`))
        .flatMap((n) => findGroups(org, q.slice(0, -n.length - 1)).map((group) => ({ org, group }))),
    );
  }

  findGroup(query: string, preferred: readonly OrgId[]): Result<GroupInOrg, GroupLookupFailure> {
    const hits = (orgs: readonly Organisation[]) => orgs.flatMap((org) => findGroups(org, query.trim()).map((group) => ({ org, group })));
    const qualified = /^([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(query.trim());
    if (qualified !== null) {
      const org = this.get(qualified[1]);
      const group = groupOf(org, qualified[2]);
      return org !== undefined && group !== undefined ? ok({ org, group }) : fail('group-not-found', { query: query.trim() });
    }
    const inPreferred = hits(this.organisations.filter((o) => preferred.includes(o.id)));
    const found = inPreferred.length > 0 ? inPreferred : hits(this.organisations);
    if (found.length === 1) return ok(found[0]);
    // "LGS Göteborgsområdet", "NOSAM SAMLA": the group named with its organisation, so nobody needs an id.
    const named = this.groupWithOrgName(query);
    if (named.length === 1) return ok(named[0]);
    if (found.length === 0) return fail('group-not-found', { query: query.trim() });
    const sameOrg = found.every((f) => f.org.id === found[0].org.id);
    const groups = sameOrg ? found.map((f) => f.group.shortName).join(', ') : null;
    return fail('group-ambiguous', { query: query.trim(), orgs: found.map((f) => f.org.shortName).join(', '), groups });
  }
}
