import type { Term, TermRole } from '../../src/domain/chairTerms';
import type { UserContext } from '../../src/domain/people';
import { ACTIONS, may, mayIn, NO_ROLES, rolesIn, type Action, type Roles } from '../../src/domain/permissions';
import { buildTerm, termHolder } from '../helpers/terms';

/**
 * Who may do what (src/domain/permissions.ts): every role × every action, with the expected
 * table written out here (not derived from the module), and how a person's roles in a group
 * are worked out from memberships, admin rights and chair terms on a date.
 */

// ---------------------------------------------------------------- the table

type Role =
  'org admin' | 'process leader' | 'chair' | 'vice chair' | 'plain member' | "appointing group's chair" | 'justerare' | 'author' | 'årshjul audience' | 'stranger';

/** Each role on its own: the one standing that role gives, nothing else. */
const ROLES: Record<Role, Roles> = {
  'org admin': { ...NO_ROLES, orgAdmin: true },
  'process leader': { ...NO_ROLES, processLeader: true },
  chair: { ...NO_ROLES, chair: true },
  'vice chair': { ...NO_ROLES, viceChair: true },
  'plain member': { ...NO_ROLES, member: true },
  "appointing group's chair": { ...NO_ROLES, appointingChair: true },
  justerare: { ...NO_ROLES, justerare: true },
  author: { ...NO_ROLES, author: true },
  'årshjul audience': { ...NO_ROLES, audience: true },
  stranger: NO_ROLES,
};

const Y = true;
const N = false;

/**
 * The expected rules, from issue 9 and the README's command table:
 * admins administer (appoint, roster, link, export, new links) but do not read input or drafts
 * or mark årshjul items; the leads (chair, vice, process leader) run meetings, read input and
 * drafts, record decisions and mark items done; only the chair names justerare; the chair or a
 * named justerare approves; members take part; an author reads their own input.
 */
// Issue 12: process leader, chair and admin edit the årshjul; org-wide items, settings' admins and admins' list are the admins' (settings also the process leader's).
// prettier-ignore
const EXPECTED: Record<Role, Record<Action, boolean>> = {
  //                          leadMeeting readInput readDraftMinutes editMinutes nameJusterare approveMinutes recordDecision markCycleDone appoint editRoster linkChannel export rotateTokens takePart
  'org admin':                { leadMeeting: Y, readInput: N, readDraftMinutes: N, editMinutes: N, nameJusterare: N, approveMinutes: N, recordDecision: N, markCycleDone: N, appoint: Y, editRoster: Y, linkChannel: Y, export: Y, rotateTokens: Y, takePart: N, editCycle: Y, editOrgCycle: Y, editSettings: Y, manageAdmins: Y, nameDeputy: Y },
  'process leader':           { leadMeeting: Y, readInput: Y, readDraftMinutes: Y, editMinutes: Y, nameJusterare: N, approveMinutes: N, recordDecision: Y, markCycleDone: Y, appoint: Y, editRoster: Y, linkChannel: Y, export: Y, rotateTokens: N, takePart: N, editCycle: Y, editOrgCycle: N, editSettings: Y, manageAdmins: N, nameDeputy: Y },
  chair:                      { leadMeeting: Y, readInput: Y, readDraftMinutes: Y, editMinutes: Y, nameJusterare: Y, approveMinutes: Y, recordDecision: Y, markCycleDone: Y, appoint: N, editRoster: N, linkChannel: N, export: Y, rotateTokens: N, takePart: Y, editCycle: Y, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  'vice chair':               { leadMeeting: Y, readInput: Y, readDraftMinutes: Y, editMinutes: Y, nameJusterare: N, approveMinutes: N, recordDecision: Y, markCycleDone: Y, appoint: N, editRoster: N, linkChannel: N, export: Y, rotateTokens: N, takePart: Y, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  'plain member':             { leadMeeting: N, readInput: N, readDraftMinutes: N, editMinutes: N, nameJusterare: N, approveMinutes: N, recordDecision: N, markCycleDone: N, appoint: N, editRoster: N, linkChannel: N, export: N, rotateTokens: N, takePart: Y, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  "appointing group's chair": { leadMeeting: N, readInput: N, readDraftMinutes: N, editMinutes: N, nameJusterare: N, approveMinutes: N, recordDecision: N, markCycleDone: N, appoint: Y, editRoster: N, linkChannel: N, export: N, rotateTokens: N, takePart: N, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  justerare:                  { leadMeeting: N, readInput: N, readDraftMinutes: Y, editMinutes: N, nameJusterare: N, approveMinutes: Y, recordDecision: N, markCycleDone: N, appoint: N, editRoster: N, linkChannel: N, export: N, rotateTokens: N, takePart: N, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  author:                     { leadMeeting: N, readInput: Y, readDraftMinutes: N, editMinutes: N, nameJusterare: N, approveMinutes: N, recordDecision: N, markCycleDone: N, appoint: N, editRoster: N, linkChannel: N, export: N, rotateTokens: N, takePart: N, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  'årshjul audience':         { leadMeeting: N, readInput: N, readDraftMinutes: N, editMinutes: N, nameJusterare: N, approveMinutes: N, recordDecision: N, markCycleDone: Y, appoint: N, editRoster: N, linkChannel: N, export: N, rotateTokens: N, takePart: N, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
  stranger:                   { leadMeeting: N, readInput: N, readDraftMinutes: N, editMinutes: N, nameJusterare: N, approveMinutes: N, recordDecision: N, markCycleDone: N, appoint: N, editRoster: N, linkChannel: N, export: N, rotateTokens: N, takePart: N, editCycle: N, editOrgCycle: N, editSettings: N, manageAdmins: N, nameDeputy: N },
};

describe('permission table: every role × every action', () => {
  it('covers exactly the actions the module knows', () => {
    for (const role of Object.keys(EXPECTED) as Role[]) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = (Object.keys(ROLES) as Role[]).flatMap((role) => ACTIONS.map((action) => [role, action, EXPECTED[role][action]] as const));
  it.each(cases)('%s → %s: %s', (role, action, allowed) => {
    expect(may(action, ROLES[role])).toBe(allowed);
  });

  it('never lets the author of a minutes version approve it, chair or justerare', () => {
    expect(may('approveMinutes', { ...NO_ROLES, chair: true, author: true })).toBe(false);
    expect(may('approveMinutes', { ...NO_ROLES, justerare: true, author: true })).toBe(false);
  });

  it('does not let a vice chair or process leader approve by being a lead', () => {
    expect(may('approveMinutes', { ...NO_ROLES, viceChair: true, processLeader: true, member: true })).toBe(false);
  });

  it('does not let an admin who is also a member read written input or mark an item done', () => {
    const adminMember = { ...NO_ROLES, orgAdmin: true, member: true };
    expect([may('readInput', adminMember), may('markCycleDone', adminMember), may('readDraftMinutes', adminMember)]).toEqual([false, false, false]);
  });
});

// ---------------------------------------------------------------- rolesIn

const ORG = 'goteborgsomradet';
const ME = 'aad-me';
const TODAY = '2026-11-22';

function user(extra: Partial<UserContext> = {}): UserContext {
  return { aadObjectId: ME, preferredLocale: null, memberships: [], adminOf: [], globalAdmin: false, ...extra };
}

function term(group: string, role: TermRole, holderId: string, start: string, plannedEnd: string, actualEnd: string | null = null): Term {
  return buildTerm({ id: `${group}-${role}-${start}`, org: ORG, group, role, holder: termHolder(holderId, 'su', 'region', 'Ledamot'), start, plannedEnd, actualEnd });
}

const where = (terms: readonly Term[] = [], group = 'lgs') => ({ org: ORG, group, terms, today: TODAY });

describe('rolesIn: roles in one group on a date', () => {
  it('makes the holder of a term in office today chair', () => {
    expect(rolesIn(user(), where([term('lgs', 'chair', ME, '2026-01-01', '2026-12-31')]))).toEqual({ ...NO_ROLES, chair: true });
  });

  it('gives no chair role for a term that ended yesterday', () => {
    const ended = term('lgs', 'chair', ME, '2025-01-01', '2026-11-21');
    expect(rolesIn(user(), where([ended]))).toEqual(NO_ROLES);
    expect(mayIn('recordDecision', user(), where([ended]))).toBe(false);
  });

  it('gives no chair role for a term cut short yesterday by a replacement', () => {
    const replaced = term('lgs', 'chair', ME, '2026-01-01', '2026-12-31', '2026-11-21');
    expect(rolesIn(user(), where([replaced])).chair).toBe(false);
  });

  it('gives no chair role for a term that starts tomorrow', () => {
    expect(rolesIn(user(), where([term('lgs', 'viceChair', ME, '2026-11-23', '2027-12-31')])).viceChair).toBe(false);
  });

  it("does not make another group's chair this group's chair, even when its terms are passed", () => {
    expect(rolesIn(user(), where([term('politiskt-samrad', 'chair', ME, '2026-01-01', '2026-12-31')])).chair).toBe(false);
  });

  it("does not make another group's process leader this group's lead", () => {
    const pl = user({ memberships: [{ org: ORG, group: 'nosam-hisingen', party: null, roles: ['processLeader'] }] });
    expect(rolesIn(pl, where())).toEqual(NO_ROLES);
    expect(rolesIn(pl, where([], 'nosam-hisingen'))).toEqual({ ...NO_ROLES, processLeader: true });
  });

  it('lets a process leader take part only when they are also a ledamot of the group', () => {
    const plOnly = user({ memberships: [{ org: ORG, group: 'lgs', party: null, roles: ['processLeader'] }] });
    const plAndMember = user({ memberships: [{ org: ORG, group: 'lgs', party: 'su', roles: ['member', 'processLeader'] }] });
    expect([mayIn('takePart', plOnly, where()), mayIn('takePart', plAndMember, where())]).toEqual([false, true]);
  });

  it('does not count a same-named group in another organisation', () => {
    const elsewhere = user({ memberships: [{ org: 'samla', group: 'lgs', party: null, roles: ['processLeader'] }] });
    expect(rolesIn(elsewhere, where())).toEqual(NO_ROLES);
  });

  it('makes admins of another organisation no admins here; bot admins are admins everywhere', () => {
    expect(rolesIn(user({ adminOf: ['samla'] }), where()).orgAdmin).toBe(false);
    expect(rolesIn(user({ adminOf: [ORG] }), where()).orgAdmin).toBe(true);
    expect(rolesIn(user({ globalAdmin: true }), where()).orgAdmin).toBe(true);
  });

  it('makes a plain member a member and nothing more', () => {
    const m = user({ memberships: [{ org: ORG, group: 'lgs', party: 'su', roles: ['member'] }] });
    expect(rolesIn(m, where([term('lgs', 'chair', 'aad-someone-else', '2026-01-01', '2026-12-31')]))).toEqual({ ...NO_ROLES, member: true });
  });

  it("makes the appointing group's chair today the appointing chair, and only then", () => {
    const appointing = [term('politiskt-samrad', 'chair', ME, '2026-01-01', '2026-12-31')];
    expect(rolesIn(user(), where(), { appointingTerms: appointing }).appointingChair).toBe(true);
    expect(rolesIn(user(), where()).appointingChair).toBe(false);
    const ended = [term('politiskt-samrad', 'chair', ME, '2025-01-01', '2026-11-21')];
    expect(rolesIn(user(), where(), { appointingTerms: ended }).appointingChair).toBe(false);
  });

  it('knows the author, the justerare and the audience only from the subject', () => {
    expect(rolesIn(user(), where(), { authorId: ME, justerareIds: [ME], inAudience: true })).toEqual({ ...NO_ROLES, author: true, justerare: true, audience: true });
    expect(rolesIn(user(), where(), { authorId: 'aad-other', justerareIds: ['aad-other'], inAudience: false })).toEqual(NO_ROLES);
    expect(rolesIn(user(), where(), { authorId: null })).toEqual(NO_ROLES);
  });
});
