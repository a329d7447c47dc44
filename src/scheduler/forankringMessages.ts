import type { DecisionRepository } from '../app/ports';
import { card, facts, textBlock } from '../cards/adaptive';
import type { GroupCycleState } from '../domain/annualCycle';
import { addDays, daysBetween, dateIn } from '../domain/calendarDate';
import type { Organisation } from '../domain/organisation';
import type { Outgoing } from './outgoing';

/** Days between förankring reminders while a principal has not yet taken the decision. */
export const FORANKRING_INTERVAL_DAYS = 30;

/**
 * Förankring reminders: for each decision whose förankring is pending, once every 30 days
 * after the decision date, the group's members who represent that principal (or party) are
 * reminded, until it is marked done. Each reminder has a stable id, so it is sent once.
 */
export async function forankringMessages(orgs: readonly Organisation[], groups: ReadonlyMap<string, GroupCycleState>, decisions: DecisionRepository, now: Date): Promise<Outgoing[]> {
  const out: Outgoing[] = [];
  for (const org of orgs) {
    const today = dateIn(now, org.timeZone);
    for (const group of org.groups) {
      const members = groups.get(`${org.id}|${group.id}`)?.members ?? [];
      if (members.length === 0) continue;
      for (const d of await decisions.list(org.id, group.id)) {
        if (d.retracted !== null) continue;
        const age = daysBetween(d.date, today);
        if (age < FORANKRING_INTERVAL_DAYS) continue;
        const round = Math.floor(age / FORANKRING_INTERVAL_DAYS);
        for (const f of d.forankring.filter((x) => x.status === 'pending')) {
          const principalOf = (party: string | null) => org.parties.find((p) => p.id === party)?.principal ?? null;
          const recipients = members.filter((m) => m.roles.includes('member') && (m.party === f.holder || principalOf(m.party) === f.holder));
          const holderName = org.principals.find((p) => p.id === f.holder)?.name.sv ?? org.parties.find((p) => p.id === f.holder)?.name ?? f.holder;
          const message = {
            card: card('sv', `Förankring väntar: ${d.number}`, [
              facts([
                ['Beslut', `${d.number} – ${d.title}`],
                ['Datum', d.date],
                ['Förankras hos', holderName],
              ]),
              textBlock(d.text),
              textBlock('Beslutet behöver fattas formellt i din organisation. Meddela gruppens processledare när det är gjort, så registreras förankringen.', { isSubtle: true }),
            ]),
          };
          for (const r of recipients)
            out.push({
              id: `${org.id}|${group.id}|forankring:${d.year}:${d.seq}|${f.holder}|${round}|${r.aadObjectId}`,
              org: org.id,
              group: group.id,
              recipient: r.aadObjectId,
              deadline: addDays(today, FORANKRING_INTERVAL_DAYS),
              message,
              channelFallback: true,
            });
        }
      }
    }
  }
  return out;
}
