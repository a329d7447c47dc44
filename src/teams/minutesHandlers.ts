import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { actOnMinutesCard, publishMinutesAt, showMinutes as openMinutesFor, type ActionFailure } from '../app/minutes';
import type { Clock, ConversationRepository, DecisionRepository, GroupRecord, GroupStateRepository, MeetingInputRepository, MemberRepository } from '../app/ports';
import { refreshMeetingCard } from '../app/publishMeeting';
import type { AdaptiveCard } from '../cards/adaptive';
import { plain } from '../cards/escape';
import { day, meetingTexts } from '../cards/meetingTexts';
import { minutesCard, minutesTexts as t, sentForJustering } from '../cards/minutesCards';
import { texts } from '../cards/texts';
import { FORMER_MEMBER, type Meeting } from '../domain/meetings';
import type { Group, Locale, LocalizedText } from '../domain/organisation';
import type { Logger } from '../logger';
import { agendaBoard, withBoard } from './agendaBoard';
import { personalChats } from './personalChats';
import type { ProactiveSender } from './proactive';
import { reply, sendCard, type Turn } from './turn';

export interface MinutesDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly meetingInputs: MeetingInputRepository;
  readonly decisions: DecisionRepository;
  readonly proactive: ProactiveSender;
  /** For the language of each person a notice goes to. */
  readonly members: MemberRepository;
  readonly clock: Clock;
  readonly logger: Logger;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const aad = z.string().regex(/^[0-9a-fA-F-]{1,64}$/);
/** Notes per agenda item, at most this long (the card says so too; the server enforces it). */
export const NOTES_MAX = 4000;
/** Every field a minutes card sends: the action, the ETag, a comment, the justerare and `notes_<itemId>` per item. */
export const minutesAction = z.object({ verb: z.enum(['sendMinutes', 'approveMinutes', 'returnMinutes', 'newMinutesVersion']) }).passthrough();
export const minutesForm = z
  .object({
    verb: z.enum(['sendMinutes', 'approveMinutes', 'returnMinutes', 'newMinutesVersion']),
    org: slug,
    group: slug,
    meetingId: z.string().regex(/^[0-9a-z-]{1,40}$/),
    etag: z.string().min(1).max(200),
    comment: z.string().max(2000).optional().default(''),
    justerare: z.string().max(2000).optional(),
  })
  .catchall(z.string())
  .superRefine((data, ctx) => {
    for (const [key, value] of Object.entries(data)) {
      if (['verb', 'org', 'group', 'meetingId', 'etag', 'comment', 'justerare'].includes(key)) continue;
      if (!/^notes_[0-9a-z-]{1,40}$/.test(key)) ctx.addIssue({ code: z.ZodIssueCode.unrecognized_keys, keys: [key], path: [key] });
      else if (typeof value === 'string' && value.length > NOTES_MAX)
        ctx.addIssue({ code: z.ZodIssueCode.too_big, type: 'string', maximum: NOTES_MAX, inclusive: true, path: [key] });
    }
  });

/** Display names from the roster; someone no longer on it is "tidigare ledamot", never their AAD id. */
function names(record: GroupRecord | undefined, locale: Locale = 'sv'): (aad: string) => string {
  const map = new Map((record?.members ?? []).map((m) => [m.aadObjectId, m.displayName]));
  return (a) => map.get(a) ?? FORMER_MEMBER[locale];
}

const asker = (turn: Turn, deps: MinutesDeps) => ({ user: turn.user, now: deps.clock.now() });
const ports = (deps: MinutesDeps) => ({ ...deps, personal: personalChats(deps.conversations, deps.proactive, deps.members) });

/**
 * A card that shows draft minutes goes only to the person's personal chat: in a channel or group
 * chat they get a short note instead (or how to open a personal chat), never the draft.
 */
/** A meeting as a person types it after a command: the group's short name and the date ("LGS 2026-12-08"), never its id. */
const typedMeeting = (group: Group, meeting: Meeting): string => plain(`${group.shortName} ${meeting.date}`);

async function sendPrivately(turn: Turn, deps: MinutesDeps, card: AdaptiveCard, ref: string): Promise<void> {
  if (turn.ref.conversationType === 'personal') return sendCard(turn, card);
  const delivered = await ports(deps).personal.deliver(turn.user.aadObjectId, { card });
  return reply(turn, delivered ? t.sentPrivately : t.openPersonalChat(ref));
}

/** `minnesanteckningar <möte>`: the minutes (drafted from the agenda, summaries and decisions the first time). */
export async function showMinutes(turn: Turn, deps: MinutesDeps, arg: string): Promise<void> {
  const opened = await openMinutesFor(arg, asker(turn, deps), ports(deps));
  if (!opened.ok) {
    if (opened.code === 'unknown-meeting') return reply(turn, meetingTexts.unknownMeeting);
    const messages = {
      'not-allowed': t.notEditor(opened.group.shortName),
      'draft-private': t.draftPrivate,
      'no-chair': t.noJusterare,
      conflict: t.failures.conflict,
      'not-started': t.notStarted,
    };
    return reply(turn, messages[opened.code]);
  }
  const v = opened.value;
  const card = minutesCard(
    v.minutes,
    v.group,
    v.meeting.date,
    names(v.record, turn.locale),
    { edit: v.mayEdit, approve: v.mayApprove, nameJusterare: v.mayNameJusterare },
    v.etag,
    turn.locale,
    v.roster,
    v.org.timeZone,
  );
  if (v.isPrivate) return sendPrivately(turn, deps, card, typedMeeting(v.group, v.meeting));
  return sendCard(turn, card);
}

const failureText = (code: ActionFailure, group: string): LocalizedText =>
  ({
    ...t.failures,
    'not-allowed': t.notEditor(group),
    author: t.authorCannotApprove,
    'not-chair': t.notChair,
    'unknown-justerare': t.unknownJusterare,
    'unknown-item': texts.badCard,
  })[code];

/** Send for justering, approve, return, or a new version: each guarded by the minutes' ETag. */
export async function submitMinutesAction(turn: Turn, deps: MinutesDeps, raw: z.infer<typeof minutesAction>): Promise<void> {
  const parsed = minutesForm.safeParse(raw);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.find((i) => i.code === 'too_big' && String(i.path[0] ?? '').startsWith('notes_'));
    if (tooLong) return reply(turn, t.notesTooLong(NOTES_MAX));
    const comment = parsed.error.issues.find((i) => i.code === 'too_big' && i.path[0] === 'comment');
    return reply(turn, comment ? t.commentTooLong : texts.badCard);
  }
  const data = parsed.data;
  const notes = Object.fromEntries(
    Object.entries(data)
      .filter(([k]) => k.startsWith('notes_'))
      .map(([k, v]) => [k.slice('notes_'.length), v]),
  );
  const justerare =
    data.justerare === undefined
      ? undefined
      : data.justerare
          .split(',')
          .map((x) => x.trim())
          .filter((x) => aad.safeParse(x).success);
  const input = { verb: data.verb, org: data.org, group: data.group, meetingId: data.meetingId, etag: data.etag, notes, justerare, comment: data.comment };
  // Each justerare gets the card in their personal chat, in their language.
  const result = await actOnMinutesCard(
    input,
    asker(turn, deps),
    ports(deps),
    (s) => (locale: Locale) => ({
      card: minutesCard(
        s.minutes,
        s.group,
        s.meeting.date,
        names(s.record, locale),
        { edit: false, approve: true, nameJusterare: false },
        s.etag,
        locale,
        [],
        s.org.timeZone,
      ),
    }),
    // The process leader learns the outcome, in their language.
    (o) => (locale: Locale) => {
      const [group, date, by] = [plain(o.group.shortName), day(o.meeting.date, locale), plain(names(o.record, locale)(o.by))];
      const comment = plain(o.minutes.returnComment ?? '');
      return {
        text: (o.minutes.status === 'approved' ? t.approvedNotice(group, date, by) : t.returnedNotice(group, date, by, comment, typedMeeting(o.group, o.meeting)))[
          locale
        ],
      };
    },
  );
  if (!result.ok) {
    if (result.code === 'unknown-meeting') return reply(turn, meetingTexts.unknownMeeting);
    deps.logger.info('minutes.refused', { org: data.org, group: data.group, code: result.code });
    return reply(turn, failureText(result.code, result.group.shortName));
  }
  const { org, group, meeting, minutes: next, unreachable } = result.value;
  const nameOf = names(result.value.record, turn.locale);
  if (data.verb === 'newMinutesVersion') return reply(turn, t.newVersionCreated(next.version));
  if (data.verb === 'sendMinutes') {
    // Whoever cannot be reached is named to the sender, with what to do; the minutes are saved as sent either way.
    const { undelivered } = result.value;
    const named = (j: string) => (j === result.value.defaulted ? t.defaultJusterare(plain(nameOf(j)))[turn.locale] : plain(nameOf(j)));
    const missed = new Set([...unreachable, ...undelivered]);
    const delivery = {
      delivered: next.justerare.filter((j) => !missed.has(j)).map(named),
      unreachable: unreachable.map(named),
      undelivered: undelivered.map(named),
      ref: typedMeeting(group, meeting),
    };
    deps.logger.info('minutes.sent', {
      org: org.id,
      group: group.id,
      justerare: next.justerare.length,
      unreachable: unreachable.length,
      undelivered: undelivered.length,
    });
    return reply(turn, { sv: sentForJustering(delivery, 'sv'), en: sentForJustering(delivery, 'en') });
  }
  if (data.verb === 'approveMinutes') {
    const card = await refreshMeetingCard({ org: org.id, group: group.id, meetingId: meeting.id }, { ...deps, board: agendaBoard(deps) });
    deps.logger.info('minutes.approved', { org: org.id, group: group.id, card: card?.board });
    return reply(turn, withBoard(t.approved(group.shortName), card?.board ?? 'none', group));
  }
  return reply(turn, t.returnedNote);
}

/** `publicera <möte> <url>`: approved minutes marked as published at a web address; the absent get the link. */
export async function publishMinutes(turn: Turn, deps: MinutesDeps, arg: string): Promise<void> {
  const [ref = '', url = ''] = arg.trim().split(/\s+/);
  const result = await publishMinutesAt({ ref, url }, asker(turn, deps), ports(deps), (p) => (locale: Locale) => ({
    text: t.linkToAbsent(p.group.shortName, p.meeting.date, p.url)[locale],
  }));
  if (result.ok) {
    const m = result.value;
    const card = await refreshMeetingCard({ org: m.org, group: m.group, meetingId: m.meetingId }, { ...deps, board: agendaBoard(deps) });
    return reply(turn, card === null ? t.publishedNote(url) : withBoard(t.publishedNote(url), card.board, card.group));
  }
  if (result.code === 'unknown-meeting') return reply(turn, meetingTexts.unknownMeeting);
  if (result.code === 'bad-url') return reply(turn, t.failures['bad-url']);
  return reply(turn, result.code === 'not-allowed' ? t.notEditor(result.group.shortName) : t.failures[result.code]);
}
