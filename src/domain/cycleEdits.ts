import { yearOf } from './calendarDate';
import { GROUP_KINDS, type CycleEdit, type CycleItem, type GroupId, type Organisation } from './organisation';

export type { CycleEdit } from './organisation';

/** The occurrence key (`item|nominal date`) an edit is about; a one-off item's own key. */
export const editTarget = (e: CycleEdit): string => (e.kind === 'add' ? `${e.item}|${e.date}` : e.target);

/** The year of an occurrence key whose second part is a date (`item|2027-03-01`), else null. */
export function yearOfKey(key: string): number | null {
  const date = key.split('|')[1] ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? yearOf(date) : null;
}

/** The edit in force for an occurrence of a group: the group's latest, else the organisation's latest; null when none. */
export function editFor(edits: readonly CycleEdit[], group: GroupId, key: string): CycleEdit | null {
  const latest = (scope: GroupId | null) =>
    edits
      .filter((e) => e.kind !== 'add' && e.group === scope && editTarget(e) === key)
      .reduce<CycleEdit | null>((best, e) => (best === null || e.at >= best.at ? e : best), null);
  return latest(group) ?? latest(null);
}

/** The one-off items that edits added, as årshjul items of the organisation (or of one group). */
export function oneOffItems(edits: readonly CycleEdit[]): CycleItem[] {
  return edits.flatMap((e): CycleItem[] =>
    e.kind !== 'add'
      ? []
      : [
          {
            id: e.item,
            title: { sv: e.title, en: e.title },
            appliesTo: e.group === null ? { kinds: [...GROUP_KINDS], groups: [] } : { kinds: [], groups: [e.group] },
            schedule: { kind: 'once', date: e.date },
            remindDaysBefore: e.remindDaysBefore,
            audience: e.audience,
            status: 'confirmed',
            cadence: null,
            quote: null,
            source: 'Teams',
          },
        ],
  );
}

/** The organisation as it stands with its Teams edits: the shipped items plus one-off ones, and the edits for `occurrences` to apply. */
export function withCycleEdits(org: Organisation, edits: readonly CycleEdit[]): Organisation {
  const base = org.annualCycle.filter((i) => i.schedule.kind !== 'once');
  return { ...org, annualCycle: [...base, ...oneOffItems(edits)], cycleEdits: edits };
}
