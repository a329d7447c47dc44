import type { GroupMember, MeetingInputRepository } from '../app/ports';
import { splitCard } from '../cards/adaptive';
import { briefCard, catchUpCard, inputReminderCard } from '../cards/meetingCards';
import type { GroupCycleState } from '../domain/annualCycle';
import { addDays, dateIn } from '../domain/calendarDate';
import { termOn } from '../domain/chairTerms';
import { compileBrief, cutoffOf, inputRemindersDue, type Meeting, type MeetingPeople } from '../domain/meetings';
import { orgLanguage, type Locale, type Organisation } from '../domain/organisation';
import { inLanguages, type LanguageOf, type Outgoing } from './outgoing';

/** Meetings worth looking at: planned within two weeks, or held in the last two weeks. */
const relevant = (m: Meeting, now: Date) => {
  const start = Date.parse(m.startsAt);
  const twoWeeks = 14 * 86_400_000;
  return !m.cancelled && start - now.getTime() < twoWeeks && now.getTime() - start < twoWeeks;
};

/** The group's members (who counts as a member) and what each answered and wrote, through the input port. */
async function peopleOf(org: string, meeting: Meeting, members: readonly GroupMember[], inputs: MeetingInputRepository): Promise<MeetingPeople> {
  const loaded = await inputs.load({ org, group: meeting.group, id: meeting.id });
  return { members: members.map((m) => ({ aadObjectId: m.aadObjectId, displayName: m.displayName, isMember: m.roles.includes('member') })), ...loaded };
}

/**
 * The meeting messages due now, each exactly once per person (through the same claims as the
 * årshjul reminders): input reminders to absent members without input (72 h and 24 h before the
 * cut-off), the compiled brief to the chair and process leader at the cut-off, and after the
 * meeting the catch-up to each absent member.
 */
export async function meetingMessages(
  orgs: readonly Organisation[],
  groups: ReadonlyMap<string, GroupCycleState>,
  inputs: MeetingInputRepository,
  now: Date,
  languageOf: LanguageOf = () => 'sv',
): Promise<Outgoing[]> {
  const out: Outgoing[] = [];
  for (const org of orgs)
    for (const group of org.groups) {
      const record = groups.get(`${org.id}|${group.id}`);
      const meetings = (record?.meetings ?? []) as readonly Meeting[];
      for (const m of meetings.filter((x) => relevant(x, now) && Array.isArray(x.agenda))) {
        const people = await peopleOf(org.id, m, record?.members ?? [], inputs);
        const base = `${org.id}|${group.id}|meeting:${m.id}`;
        // Keep the claims visible to the sweeps of the next month.
        const keepUntil = addDays(m.date, 30);
        for (const r of inputRemindersDue(m, people, now))
          out.push({
            id: `${base}|input|${r.hoursBeforeCutoff}|${r.member}`,
            org: org.id,
            group: group.id,
            recipient: r.member,
            deadline: keepUntil,
            ...inLanguages((locale) => ({ card: inputReminderCard(org, group, m, locale) }), languageOf(r.member), orgLanguage(org)),
            channelFallback: true,
          });
        if (now >= cutoffOf(m) && m.status === 'planned') {
          const today = dateIn(now, org.timeZone);
          const leads = new Set<string>();
          const chair = termOn(record?.terms ?? [], 'chair', today)?.holder.aadObjectId;
          if (chair) leads.add(chair);
          for (const member of record?.members ?? []) if (member.roles.includes('processLeader')) leads.add(member.aadObjectId);
          // Eight items of long input pass Teams' message size: the brief goes in parts, each claimed (and so sent) once.
          const partsIn = cached((locale) => splitCard(briefCard(org, group, m, compileBrief(m, people, locale), locale)));
          // The brief holds private input: personal chat only, never the channel.
          for (const lead of leads)
            partsIn(languageOf(lead)).forEach((card, i) =>
              out.push({
                id: `${base}|brief|${lead}${i === 0 ? '' : `|part${i + 1}`}`,
                org: org.id,
                group: group.id,
                recipient: lead,
                deadline: keepUntil,
                message: { card },
                channelFallback: false,
              }),
            );
        }
        if (m.status !== 'planned') {
          const cardIn = cached((locale) => catchUpCard(org, group, m, locale));
          for (const a of people.answers.filter((x) => x.attendance === 'absent'))
            out.push({
              id: `${base}|catchup|${a.member}`,
              org: org.id,
              group: group.id,
              recipient: a.member,
              deadline: keepUntil,
              message: { card: cardIn(languageOf(a.member)) },
              channelFallback: false,
            });
        }
      }
    }
  return out;
}

/** Builds a card once per language (a meeting's brief or catch-up is the same for everyone who reads that language). */
function cached<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const built = new Map<Locale, T>();
  return (locale) => {
    const hit = built.get(locale);
    if (hit !== undefined) return hit;
    const made = build(locale);
    built.set(locale, made);
    return made;
  };
}
