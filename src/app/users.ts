import type { Locale } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import type { MemberRepository } from './ports';

/** The user behind a turn: profile, memberships and admin rights (bot admins come from configuration). */
export function loadUser(aadObjectId: string, deps: { members: MemberRepository; botAdmins: readonly string[] }): Promise<UserContext> {
  return deps.members.userContext(aadObjectId, deps.botAdmins);
}

/** Sets the language the user chose, or `null` to follow the Teams client's language again. */
export async function chooseLanguage(user: UserContext, locale: Locale | null, members: MemberRepository): Promise<void> {
  await members.setPreferredLocale(user.aadObjectId, locale);
}
