import type { AgendaItem, Meeting } from '../../src/domain/meetings';
import { actionSubmit, personalMessage, USERS } from './activities';
import type { TestBot } from './testBot';

/** A meeting form submission with every field of the first `items` rows filled in. */
export function meetingForm(org: string, group: string, over: Record<string, unknown> = {}, items = 2): Record<string, unknown> {
  const rows = Object.fromEntries(
    Array.from({ length: items }, (_, i): [string, string][] => [
      [`title_${i}`, `Punkt ${i + 1}`],
      [`kind_${i}`, 'information'],
      [`presenter_${i}`, 'Processledare'],
      [`minutes_${i}`, '15'],
    ]).flat(),
  );
  return { verb: 'saveMeeting', org, group, meetingId: '', version: '', date: '2026-12-08', time: '13:00', place: 'Teams-möte', cutoffHours: '24', ...rows, ...over };
}

/**
 * Creates a meeting the way a lead does: `möte <grupp>` shows the form (its key recorded by the
 * server), then the form is submitted. Returns `org/group/id` and the agenda item ids.
 */
export async function createMeeting(
  bot: TestBot,
  user: string,
  target: { org: string; group: string; query: string },
  over: Record<string, unknown> = {},
  items = 2,
): Promise<{ ref: string; id: string; itemIds: string[] }> {
  const opts = { user, serviceUrl: bot.connector.url };
  const before = bot.connector.sent.length;
  await bot.post(personalMessage(`möte ${target.query}`, opts));
  const form = bot.connector.sent.slice(before).flatMap((s) => s.activity.attachments ?? [])[0]?.content as { actions: { data: { formKey: string } }[] } | undefined;
  if (form === undefined) throw new Error('no meeting form was shown');
  const known = new Set(((await bot.running.repos.groupState.groups(target.org, [target.group])).get(target.group)?.meetings ?? []).map((m) => m.id));
  await bot.post(actionSubmit(meetingForm(target.org, target.group, { formKey: form.actions[0].data.formKey, ...over }, items), opts));
  const created = ((await bot.running.repos.groupState.groups(target.org, [target.group])).get(target.group)?.meetings ?? []).find((m) => !known.has(m.id));
  if (created === undefined) throw new Error(`the meeting was not created: ${bot.connector.texts().slice(-1)[0]}`);
  return { ref: `${target.org}/${target.group}/${created.id}`, id: created.id, itemIds: created.agenda.map((i) => i.id) };
}

/** An agenda item titled "Punkt <id>": information, 15 minutes, no documents, not withdrawn, unless `over` says otherwise. */
export function agendaItem(id: string, over: Partial<AgendaItem> = {}): AgendaItem {
  return { id, title: `Punkt ${id}`, kind: 'information', presenter: 'Processledare', minutes: 15, documents: [], source: null, withdrawn: false, ...over };
}

/** A planned meeting of NOSAM Väster on 20 May 2026 with items a, b and c, unless `over` says otherwise. */
export function buildMeeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    org: 'gbg',
    group: 'nosam-vast',
    date: '2026-05-20',
    startsAt: '2026-05-20T08:00:00.000Z',
    title: 'NOSAM Väster',
    cancelled: false,
    place: 'Stadshuset, rum 3',
    agenda: [agendaItem('a'), agendaItem('b'), agendaItem('c')],
    revision: 0,
    status: 'planned',
    cutoffHours: 24,
    posted: null,
    summaries: {},
    createdBy: 'pl',
    ...over,
  };
}

/** A held LGS meeting on 8 December 2026 at 13:00, created by LGS's process leader, as written straight to storage. */
export function heldLgsMeeting(id: string, agenda: AgendaItem[]): Meeting {
  return buildMeeting({
    id,
    org: 'goteborgsomradet',
    group: 'lgs',
    date: '2026-12-08',
    startsAt: '2026-12-08T12:00:00Z',
    title: 'LGS',
    place: 'Teams',
    status: 'held',
    createdBy: USERS.processLeaderLgs,
    agenda,
  });
}
