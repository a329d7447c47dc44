import type { OpenForankring } from '../app/ports';
import { forankringReminderCard } from '../cards/forankringCards';
import type { GroupCycleState } from '../domain/annualCycle';
import { addDays, daysBetween, dateIn } from '../domain/calendarDate';
import { orgLanguage, type LocalizedText, type Organisation } from '../domain/organisation';
import { inLanguages, type LanguageOf, type Outgoing } from './outgoing';

/** Days between förankring reminders while a principal has not yet taken the decision. */
export const FORANKRING_INTERVAL_DAYS = 30;

/**
 * Förankring reminders: for each decision whose förankring is pending, once every 30 days
 * after the decision date, the group's members who represent that principal (or party) are
 * reminded, until it is marked done. Each reminder has a stable id, so it is sent once.
 * `open` is the pending förankring per organisation as its index holds it (done and retracted
 * ones are not there), so this is O(pending), not O(every decision ever recorded).
 */
export function forankringMessages(
  orgs: readonly Organisation[],
  groups: ReadonlyMap<string, GroupCycleState>,
  open: ReadonlyMap<string, readonly OpenForankring[]>,
  now: Date,
  languageOf: LanguageOf = () => 'sv',
): Outgoing[] {
  const out: Outgoing[] = [];
  for (const org of orgs) {
    const today = dateIn(now, org.timeZone);
    const known = new Set(org.groups.map((g) => g.id));
    const principalOf = (party: string | null) => org.parties.find((p) => p.id === party)?.principal ?? null;
    for (const d of open.get(org.id) ?? []) {
      const members = groups.get(`${org.id}|${d.group}`)?.members ?? [];
      const age = daysBetween(d.date, today);
      if (members.length === 0 || !known.has(d.group) || age < FORANKRING_INTERVAL_DAYS) continue;
      const round = Math.floor(age / FORANKRING_INTERVAL_DAYS);
      const recipients = members.filter((m) => m.roles.includes('member') && (m.party === d.holder || principalOf(m.party) === d.holder));
      const party = org.parties.find((p) => p.id === d.holder)?.name;
      const holder: LocalizedText = org.principals.find((p) => p.id === d.holder)?.name ?? { sv: party ?? d.holder, en: party ?? d.holder };
      for (const r of recipients)
        out.push({
          id: `${org.id}|${d.group}|forankring:${d.year}:${d.seq}|${d.holder}|${round}|${r.aadObjectId}`,
          org: org.id,
          group: d.group,
          recipient: r.aadObjectId,
          deadline: addDays(today, FORANKRING_INTERVAL_DAYS),
          ...inLanguages((locale) => ({ card: forankringReminderCard(d, holder, locale) }), languageOf(r.aadObjectId), orgLanguage(org)),
          channelFallback: true,
        });
    }
  }
  return out;
}
