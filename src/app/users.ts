import type { Locale } from '../domain/organisation';
import { recipientLanguage, type UserContext } from '../domain/people';
import type { MemberRepository } from './ports';

/** The user behind a turn: profile, memberships and admin rights (bot admins come from configuration). */
export function loadUser(aadObjectId: string, deps: { members: MemberRepository; botAdmins: readonly string[] }): Promise<UserContext> {
  return deps.members.userContext(aadObjectId, deps.botAdmins);
}

/** Sets the language the user chose, or `null` to follow the Teams client's language again. */
export async function chooseLanguage(user: UserContext, locale: Locale | null, members: MemberRepository): Promise<void> {
  await members.setPreferredLocale(user.aadObjectId, locale);
}

/**
 * Keeps the language of the locale Teams sent for the user, for messages the bot sends them on its
 * own: written only when it differs from what is stored, so a turn normally writes nothing.
 */
export async function rememberTeamsLanguage(user: UserContext, seen: Locale | null, members: MemberRepository): Promise<boolean> {
  if (seen === null || user.teamsLocale === seen) return false;
  await members.setTeamsLocale(user.aadObjectId, seen);
  return true;
}

/** The language of each of a few recipients (their `språk` choice, else their Teams locale, else Swedish): one cached read per person. */
export async function recipientLanguages(aadObjectIds: readonly string[], members: MemberRepository): Promise<Map<string, Locale>> {
  const ids = [...new Set(aadObjectIds.map((a) => a.toLowerCase()))];
  const users = await Promise.all(ids.map((a) => members.userContext(a, [])));
  return new Map(users.map((u) => [u.aadObjectId.toLowerCase(), recipientLanguage(u)]));
}
