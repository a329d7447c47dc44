import type { SettingsView } from '../app/groupSettings';
import type { Locale } from '../domain/organisation';
import { card, textBlock, type AdaptiveCard } from './adaptive';
import { plain } from './escape';
import { both } from './texts';

export const settingsTexts = {
  title: (group: string) => both(`Inställningar – ${group}`, `Settings – ${group}`),
  intro: both('Tomt eller ”som i organisationsfilen” behåller det som filen säger.', 'Empty or "as in the organisation file" keeps what the file says.'),
  asFile: (value: string) => both(`Som i organisationsfilen: ${value}`, `As in the organisation file: ${value}`),
  notSet: both('inte angivet', 'not set'),
  noneLower: both('ingen', 'none'),
  yesLower: both('ja', 'yes'),
  noLower: both('nej', 'no'),
  term: both('termin', 'term'),
  deputies: both('Ersättare', 'Deputies'),
  yes: both('Ja, gruppen har ersättare', 'Yes, the group has deputies'),
  no: both('Nej, ersättare utses inte', 'No, deputies are not appointed'),
  guidanceMin: both('Mötesvägledning: minst antal möten (visas, krävs inte)', 'Meeting guidance: fewest meetings (shown, not enforced)'),
  guidanceMax: both('Mötesvägledning: högst antal möten', 'Meeting guidance: most meetings'),
  guidancePer: both('Per år eller halvår', 'Per year or half-year'),
  year: both('år', 'year'),
  halfYear: both('halvår', 'half-year'),
  cadence: both('Rapporttakt', 'Report cadence'),
  quarterly: both('Kvartalsvis', 'Quarterly'),
  halfYearly: both('Halvårsvis', 'Half-yearly'),
  justerare: both('Justerare som föreslås', 'Proposed justerare'),
  none: both('Ingen', 'None'),
  cutoff: both('Sista tid för synpunkter, timmar före mötet (förval på mötesformuläret)', 'Input cut-off, hours before the meeting (default on the meeting form)'),
  save: both('Spara', 'Save'),
  saved: (group: string) => both(`Inställningarna för ${group} är sparade.`, `The settings of ${group} are saved.`),
  notAllowed: (group: string) =>
    both(
      `Bara gruppens processledare och administratörer kan ändra inställningarna för ${group}. Inget ändrades.`,
      `Only the group's process leader and admins can change the settings of ${group}. Nothing was changed.`,
    ),
  unknownJusterare: both('Justeraren ska vara med i gruppen. Inget ändrades.', 'The justerare must be in the group. Nothing was changed.'),
};

/** The value of the "as in the organisation file" choice; the submission reads it (and '' from older cards) as "keep what the file says". */
export const AS_FILE = 'file';

/** What the organisation file says for each choice, in words, for "Som i organisationsfilen: …". */
function fileValues(v: SettingsView, locale: Locale): { deputies: string; per: string; cadence: string; justerare: string } {
  const t = settingsTexts;
  const f = v.file;
  const cadence = v.org.reportCadence[f.kind];
  const justerare = f.justerareDefault === undefined ? undefined : v.members.find((m) => m.aadObjectId === f.justerareDefault);
  return {
    deputies: (f.deputies === null ? t.notSet : f.deputies.appointed ? t.yesLower : t.noLower)[locale],
    per: (f.meetings === null ? t.notSet : f.meetings.per === 'year' ? t.year : f.meetings.per === 'half-year' ? t.halfYear : t.term)[locale],
    cadence: cadence === undefined ? t.noneLower[locale] : (cadence === 'quarterly' ? t.quarterly : t.halfYearly)[locale].toLowerCase(),
    justerare: justerare === undefined ? t.noneLower[locale] : plain(justerare.displayName),
  };
}

/** The settings card of `inställningar <grupp>`, filled with what is in force now. */
export function settingsCard(v: SettingsView, locale: Locale): AdaptiveCard {
  const t = settingsTexts;
  const g = v.group;
  const guidance = g.meetings?.kind === 'guidance' ? g.meetings : null;
  // "As in the file" is a choice with a value of its own: Teams shows a compact ChoiceSet whose value is '' as blank.
  const choice = (id: string, label: string, value: string, fromFile: string, choices: [string, string][]) => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    value: value === '' ? AS_FILE : value,
    choices: [{ title: t.asFile(fromFile)[locale], value: AS_FILE }, ...choices.map(([title, v2]) => ({ title, value: v2 }))],
  });
  const file = fileValues(v, locale);
  return card(
    locale,
    t.title(plain(g.shortName))[locale],
    [
      textBlock(t.intro[locale], { isSubtle: true }),
      choice('deputies', t.deputies[locale], g.deputies === null ? '' : String(g.deputies.appointed), file.deputies, [
        [t.yes[locale], 'true'],
        [t.no[locale], 'false'],
      ]),
      { type: 'Input.Number', id: 'guidanceMin', label: t.guidanceMin[locale], value: guidance?.min, min: 0, max: 52 },
      { type: 'Input.Number', id: 'guidanceMax', label: t.guidanceMax[locale], value: guidance?.max ?? undefined, min: 0, max: 52 },
      choice('guidancePer', t.guidancePer[locale], guidance === null ? '' : guidance.per === 'year' ? 'year' : 'half-year', file.per, [
        [t.year[locale], 'year'],
        [t.halfYear[locale], 'half-year'],
      ]),
      choice('reportCadence', t.cadence[locale], g.reportCadence ?? v.org.reportCadence[g.kind] ?? '', file.cadence, [
        [t.quarterly[locale], 'quarterly'],
        [t.halfYearly[locale], 'half-yearly'],
      ]),
      choice(
        'justerare',
        t.justerare[locale],
        g.justerareDefault ?? '',
        file.justerare,
        v.members.map((m) => [plain(m.displayName), m.aadObjectId]),
      ),
      { type: 'Input.Number', id: 'cutoffHours', label: t.cutoff[locale], value: g.inputCutoffHours, min: 0, max: 336 },
    ],
    [{ type: 'Action.Submit', title: t.save[locale], data: { verb: 'saveSettings', org: v.org.id, group: g.id } }],
  );
}
