import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { respondToReminder } from '../app/annualCycle';
import { cycleOverview } from '../app/cycleOverview';
import { changeCycle, cycleEditForm } from '../app/editCycle';
import { saveSettings, settingsForm } from '../app/groupSettings';
import { AS_FILE, settingsCard, settingsTexts } from '../cards/settingsCards';
import type {
  CalendarTokenStore,
  Clock,
  ConversationRepository,
  CycleEditRepository,
  GroupSettingsRepository,
  GroupStateRepository,
  ReminderResponses,
} from '../app/ports';
import { cycleChangedText, cycleEditCard, cycleEditTexts, MAX_EXTRA_TITLE } from '../cards/cycleEditCards';
import { cycleCard, reminderTexts } from '../cards/reminderCards';
import { chairTexts } from '../cards/chairTexts';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { isIsoDate } from '../domain/calendarDate';
import { CYCLE_AUDIENCES } from '../domain/organisation';
import type { Logger } from '../logger';
import { reply, replyText, sendCard, type Turn } from './turn';

export interface CycleDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly ledger: ReminderResponses;
  readonly calendarTokens: CalendarTokenStore;
  readonly publicBaseUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
/** A real calendar date in 2000–2100. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => isIsoDate(d) && d >= '2000-01-01' && d <= '2100-12-31');

export const reminderSubmission = z.object({
  verb: z.enum(['reminderDone', 'reminderAck']),
  org: slug,
  group: slug,
  // `{item}|{date, year, meeting:{id} or term:{id}}`, as occurrence keys are made in src/domain/annualCycle.ts.
  occurrence: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}\|[A-Za-z0-9:._-]{1,120}$/),
  deadline: calendarDate,
});

/** `årshjul [grupp]`: the group's coming deadlines (a year ahead) and its calendar link. */
export async function showCycle(turn: Turn, deps: CycleEditHandlerDeps, arg: string): Promise<void> {
  const edit = /^(.*?)(?:^|\s+)(ändra|andra|edit)$/iu.exec(arg.trim());
  if (edit !== null) return showCycleEditForm(turn, deps, edit[1]);
  const r = await cycleOverview({ user: turn.user, channel: turn.ref, query: arg, now: deps.clock.now(), days: 365 }, deps);
  if (!r.ok) {
    if (r.code === 'no-groups') return reply(turn, chairTexts.noGroupsForChair);
    return reply(
      turn,
      r.code === 'group-ambiguous' ? texts.groupAmbiguous(plain(r.query), r.orgs, r.groups === null ? null : plain(r.groups)) : texts.groupNotFound(plain(r.query)),
    );
  }
  for (const { group, deadlines, calendarToken } of r.value)
    await sendCard(
      turn,
      cycleCard(
        group.shortName,
        deadlines.slice(0, 15),
        `${deps.publicBaseUrl}/ics/${calendarToken}.ics`,
        turn.locale,
        `${deps.publicBaseUrl}/arshjul/${calendarToken}.png${turn.locale === 'en' ? '?lang=en' : ''}`,
      ),
    );
}

/** The reminder card's buttons: "done" stops reminders for everyone, "seen" for the one who pressed it. */
export async function submitReminderResponse(turn: Turn, deps: CycleDeps, data: z.infer<typeof reminderSubmission>): Promise<void> {
  const verb = data.verb === 'reminderDone' ? 'done' : 'seen';
  const result = await respondToReminder(
    { response: { verb, org: data.org, group: data.group, occurrence: data.occurrence }, user: turn.user, now: deps.clock.now() },
    { catalog: deps.catalog, groupState: deps.groupState, ledger: deps.ledger },
  );
  if (!result.ok) {
    deps.logger.info('reminder.refused', { org: data.org, group: data.group, verb, code: result.code });
    if (result.code === 'unknown-occurrence') return reply(turn, texts.badCard);
    const group = plain(result.group.shortName);
    return reply(turn, result.code === 'not-allowed' ? reminderTexts.notAllowedDone(plain(result.item.title[turn.locale]), group) : reminderTexts.notInGroup(group));
  }
  const { org, group, item } = result.value;
  deps.logger.info(verb === 'done' ? 'reminder.done' : 'reminder.seen', { org: org.id, group: group.id, item: item.id });
  if (verb === 'done') return reply(turn, reminderTexts.markedDone(plain(item.title[turn.locale]), plain(group.shortName)));
  return reply(turn, reminderTexts.acknowledged(plain(item.title[turn.locale])));
}

const audienceList = z
  .string()
  .max(100)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  )
  .pipe(z.array(z.enum(CYCLE_AUDIENCES)).max(4));
const dayList = z
  .string()
  .max(50)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  )
  .pipe(z.array(z.coerce.number().int().min(0).max(365)).max(5));

/** The årshjul edit card's submission: every field bounded; empty inputs arrive as '' or not at all. */
export const cycleEditSubmission = z.object({
  verb: z.literal('editCycle'),
  action: z.enum(['confirm', 'move', 'remove', 'add']),
  org: slug,
  group: slug,
  target: z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}\|\d{4}-\d{2}-\d{2}$/)]).optional(),
  date: z.union([z.literal(''), calendarDate]).optional(),
  title: z.string().max(MAX_EXTRA_TITLE).optional(),
  audience: audienceList.optional(),
  remind: dayList.optional(),
  orgWide: z.enum(['true', 'false']).optional(),
});

export interface CycleEditHandlerDeps extends CycleDeps {
  readonly cycleEdits: CycleEditRepository;
}

/** `årshjul <grupp> ändra`: the edit card, or why not. */
export async function showCycleEditForm(turn: Turn, deps: CycleEditHandlerDeps, query: string): Promise<void> {
  const r = await cycleEditForm({ user: turn.user, query, now: deps.clock.now() }, deps);
  if (r.ok) return sendCard(turn, cycleEditCard(r.value, turn.locale));
  if (r.code === 'not-allowed') return reply(turn, cycleEditTexts.notAllowed(plain(r.group.shortName)));
  if (r.code === 'no-group-named') return reply(turn, chairTexts.noGroupsForChair);
  return reply(turn, r.code === 'group-ambiguous' ? texts.groupAmbiguous(plain(r.query), r.orgs) : texts.groupNotFound(plain(r.query)));
}

/** A press on the edit card: the use case decides and stores; the answer says what changed. */
export async function submitCycleEdit(turn: Turn, deps: CycleEditHandlerDeps, d: z.infer<typeof cycleEditSubmission>): Promise<void> {
  const change = {
    org: d.org,
    group: d.group,
    action: d.action,
    target: d.target === undefined || d.target === '' ? null : d.target,
    date: d.date === undefined || d.date === '' ? null : d.date,
    title: d.title ?? null,
    audience: d.audience ?? [],
    remindDaysBefore: [...new Set(d.remind ?? [])].sort((a, b) => b - a),
    orgWide: d.orgWide === 'true',
  };
  const r = await changeCycle(change, { user: turn.user, now: deps.clock.now(), newId: randomUUID }, deps);
  if (!r.ok) {
    deps.logger.info('cycle.edit-refused', { org: d.org, group: d.group, code: r.code });
    switch (r.code) {
      case 'group-gone':
        return reply(turn, texts.badCard);
      case 'not-allowed':
        return reply(turn, cycleEditTexts.notAllowed(plain(r.group.shortName)));
      case 'not-allowed-org':
        return reply(turn, cycleEditTexts.notAllowedOrg(plain(r.group.shortName)));
      case 'choose-date':
        return reply(turn, cycleEditTexts.chooseDate);
      case 'need-date':
        return reply(turn, cycleEditTexts.needDate);
      case 'need-title':
        return reply(turn, cycleEditTexts.needTitle);
    }
  }
  const { edit, occurrence, group, org } = r.value;
  deps.logger.info('cycle.edited', { org: org.id, group: group.id, kind: edit.kind });
  const item = edit.kind === 'add' ? null : org.annualCycle.find((i) => edit.target.startsWith(`${i.id}|`));
  const what = plain(edit.kind === 'add' ? edit.title : (item?.title[turn.locale] ?? edit.target));
  const proposed = edit.kind === 'add' ? edit.date : (edit.target.split('|')[1] ?? '');
  const date = edit.kind === 'move' || edit.kind === 'add' ? edit.date : proposed;
  return replyText(turn, cycleChangedText({ kind: edit.kind, what, proposed, occurrence, group: plain(group.shortName), date }, turn.locale));
}

const optionalInt = (max: number) => z.union([z.literal(''), z.coerce.number().int().min(0).max(max)]).optional();

/** The settings card's submission: every field bounded; "Som i organisationsfilen" (`file`, or '' from older cards) keeps what the file says. */
export const settingsSubmission = z.object({
  verb: z.literal('saveSettings'),
  org: slug,
  group: slug,
  deputies: z.enum(['', AS_FILE, 'true', 'false']).optional(),
  guidanceMin: optionalInt(52),
  guidanceMax: optionalInt(52),
  guidancePer: z.enum(['', AS_FILE, 'year', 'half-year']).optional(),
  reportCadence: z.enum(['', AS_FILE, 'quarterly', 'half-yearly']).optional(),
  justerare: z.union([z.literal(''), z.literal(AS_FILE), z.string().regex(/^[0-9a-f-]{36,37}$/)]).optional(),
  cutoffHours: optionalInt(336),
});

export interface SettingsHandlerDeps extends CycleDeps {
  readonly settings: GroupSettingsRepository;
}

/** `inställningar <grupp>`: the settings card, or why not. */
export async function showSettings(turn: Turn, deps: SettingsHandlerDeps, query: string): Promise<void> {
  const r = await settingsForm({ user: turn.user, query, now: deps.clock.now() }, deps);
  if (r.ok) return sendCard(turn, settingsCard(r.value, turn.locale));
  if (r.code === 'not-allowed') return reply(turn, settingsTexts.notAllowed(plain(r.group.shortName)));
  if (r.code === 'no-group-named') return reply(turn, chairTexts.noGroupsForChair);
  return reply(turn, r.code === 'group-ambiguous' ? texts.groupAmbiguous(plain(r.query), r.orgs) : texts.groupNotFound(plain(r.query)));
}

/** A press on the settings card's save button. */
export async function submitSettings(turn: Turn, deps: SettingsHandlerDeps, d: z.infer<typeof settingsSubmission>): Promise<void> {
  const num = (v: number | '' | undefined) => (v === undefined || v === '' ? null : v);
  const min = num(d.guidanceMin);
  const r = await saveSettings(
    {
      org: d.org,
      group: d.group,
      deputies: d.deputies === 'true' ? true : d.deputies === 'false' ? false : null,
      meetingGuidance: min === null ? null : { min, max: num(d.guidanceMax), per: d.guidancePer === 'half-year' ? 'half-year' : 'year' },
      reportCadence: d.reportCadence === 'quarterly' || d.reportCadence === 'half-yearly' ? d.reportCadence : null,
      justerareDefault: d.justerare === undefined || d.justerare === '' || d.justerare === AS_FILE ? null : d.justerare,
      inputCutoffHours: num(d.cutoffHours),
    },
    { user: turn.user, now: deps.clock.now() },
    deps,
  );
  if (!r.ok) {
    deps.logger.info('settings.refused', { org: d.org, group: d.group, code: r.code });
    if (r.code === 'group-gone') return reply(turn, texts.badCard);
    return reply(turn, r.code === 'not-allowed' ? settingsTexts.notAllowed(plain(r.group.shortName)) : settingsTexts.unknownJusterare);
  }
  deps.logger.info('settings.saved', { org: r.value.org.id, group: r.value.group.id });
  return reply(turn, settingsTexts.saved(plain(r.value.group.shortName)));
}
