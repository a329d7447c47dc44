import type { RuleCode, TermOrigin, TermRole } from '../domain/chairTerms';
import type { Locale, LocalizedText } from '../domain/organisation';
import type { PrincipalReason, RuleBreach } from '../domain/rotation';
import { both } from './texts';
import { counted } from './i18n';

type Pair = LocalizedText;

/** Names for the values a user sees. `principal` and `party` turn ids into names. */
export interface Namer {
  readonly locale: Locale;
  principal(id: string): string;
  party(id: string): string;
  group(id: string): string;
}

export const roleName = (role: TermRole): Pair => (role === 'chair' ? both('Ordförande', 'Chair') : both('Vice ordförande', 'Vice chair'));

export const originName = (origin: TermOrigin): Pair =>
  origin === 'rotation'
    ? both('Ordinarie period', 'Regular term')
    : origin === 'replacement'
      ? both('Ersättare för resten av perioden', 'Replacement for the rest of the term')
      : both('Förlängning genom konsensus', 'Extension by consensus');

/** The reason a principal must take the next chair term, in plain words. */
export function principalReason(r: PrincipalReason, n: Namer, rotatesAmongParties: boolean): string {
  const t: Pair = (() => {
    switch (r.kind) {
      case 'alternate':
        return both(
          `Ordförandeskapet växlar mellan huvudmännen. Senaste ordföranden kommer från ${n.principal(r.previous)}, så nästa ska komma från ${n.principal(r.next)}.`,
          `The chair alternates between the principals. The latest chair is from ${n.principal(r.previous)}, so the next must come from ${n.principal(r.next)}.`,
        );
      case 'alternate-first':
        return both(
          'Ingen tidigare ordförande är registrerad, så regeln avgör inte vilken huvudman som börjar.',
          'No earlier chair is registered, so the rule does not decide which principal starts.',
        );
      case 'follow':
        return r.projected
          ? both(
              `Ordförandeskapet följer ${r.group.shortName}, där ordföranden enligt rotationen kommer från ${n.principal(r.next)} när perioden börjar.`,
              `The chair follows ${r.group.shortName}, whose chair by rotation comes from ${n.principal(r.next)} when the term starts.`,
            )
          : both(
              `Ordförandeskapet följer ${r.group.shortName}, där ordföranden kommer från ${n.principal(r.next)} när perioden börjar.`,
              `The chair follows ${r.group.shortName}, whose chair comes from ${n.principal(r.next)} when the term starts.`,
            );
      case 'follow-fallback':
        return both(
          `Ordförandeskapet följer ${r.group?.shortName ?? 'en annan grupp'}, men där finns ingen ordförande registrerad, så det växlar mot gruppens egen senaste ordförande (${n.principal(r.previous)}): nästa ska komma från ${n.principal(r.next)}.`,
          `The chair follows ${r.group?.shortName ?? 'another group'}, but no chair is registered there, so it alternates against the group's own latest chair (${n.principal(r.previous)}): the next must come from ${n.principal(r.next)}.`,
        );
      case 'follow-unknown':
        return both(
          `Ordförandeskapet följer ${r.group.shortName}, men där finns ingen ordförande registrerad ännu.`,
          `The chair follows ${r.group.shortName}, but no chair is registered there yet.`,
        );
      case 'any':
        return rotatesAmongParties
          ? both(
              'Regeln bestämmer inte huvudman; ordförandeskapet roterar bland parterna.',
              'The rule does not decide the principal; the chair rotates among the parties.',
            )
          : both('Regeln bestämmer inte vilken huvudman som tar nästa period.', 'The rule does not decide which principal takes the next term.');
    }
  })();
  return t[n.locale];
}

/** A rule's short name, for the history of exceptions. */
export function ruleTitle(rule: RuleCode): Pair {
  const titles: Record<RuleCode, Pair> = {
    'term-length': both('mandatperiodens längd', 'term length'),
    'principal-alternation': both('växling mellan huvudmännen', 'alternation between principals'),
    'principal-follows-group': both('huvudman som följer annan grupp', 'principal following another group'),
    'party-rotation': both('rotation bland parterna', 'rotation among parties'),
    'vice-other-principal': both('vice ordförande från andra huvudmannen', 'vice chair from the other principal'),
    'vice-not-allowed': both('ingen vice ordförande', 'no vice chair'),
    'replacement-same-principal': both('ersättare från samma huvudman', 'replacement from the same principal'),
    'replacement-end': both('ersättare för resten av perioden', 'replacement for the rest of the term'),
    'replacement-without-term': both('ersättare kräver en pågående period', 'a replacement needs a term in progress'),
    'extension-not-allowed': both('förlängning medges inte', 'extension not allowed'),
    'extension-start': both('förlängning direkt efter perioden', 'extension right after the term'),
    'starts-at-new-year': both('tillträde vid årsskiftet', 'taking office at the new year'),
    'overlaps-current-term': both('överlappar pågående period', 'overlaps the current term'),
  };
  return titles[rule];
}

/** One broken rule in plain words, naming what the rule expects. */
export function breachText(b: RuleBreach, n: Namer, termMonths: number | null): string {
  const name = (v: string) => (v === '' ? '–' : v);
  const texts: Record<RuleCode, Pair> = {
    'term-length': both(
      `Mandatperioden ska vara ${counted('manader', termMonths ?? 0, 'sv')} och sluta ${b.expected}, inte ${b.actual}.`,
      `The term must be ${counted('manader', termMonths ?? 0, 'en')} and end on ${b.expected}, not ${b.actual}.`,
    ),
    'principal-alternation': both(
      `Ordförandeskapet växlar mellan huvudmännen: nästa ordförande ska komma från ${n.principal(b.expected)}, inte ${n.principal(b.actual)}.`,
      `The chair alternates between the principals: the next chair must come from ${n.principal(b.expected)}, not ${n.principal(b.actual)}.`,
    ),
    'principal-follows-group': both(
      `Ordförandeskapet följer en annan grupps huvudman: ordföranden ska komma från ${n.principal(b.expected)}, inte ${n.principal(b.actual)}.`,
      `The chair follows another group's principal: the chair must come from ${n.principal(b.expected)}, not ${n.principal(b.actual)}.`,
    ),
    'party-rotation': both(
      `Ordförandeskapet roterar bland parterna: ${n.party(b.actual)} hade just ordförandeskapet.`,
      `The chair rotates among the parties: ${n.party(b.actual)} just held the chair.`,
    ),
    'vice-other-principal': both(
      `Vice ordförande ska komma från den huvudman som inte har ordförandeskapet (${n.principal(b.expected)}), inte ${n.principal(b.actual)}.`,
      `The vice chair must come from the principal not holding the chair (${n.principal(b.expected)}), not ${n.principal(b.actual)}.`,
    ),
    'vice-not-allowed': both('Gruppen har ingen vice ordförande enligt sina regler.', 'By its rules the group has no vice chair.'),
    'replacement-same-principal': both(
      `En ersättare utses av den avgående ordförandens huvudman (${n.principal(b.expected)}), inte ${n.principal(b.actual)}.`,
      `A replacement is appointed by the leaving chair's principal (${n.principal(b.expected)}), not ${n.principal(b.actual)}.`,
    ),
    'replacement-end': both(
      `En ersättare sitter resten av perioden, till och med ${b.expected}, inte ${b.actual}.`,
      `A replacement serves the rest of the term, until ${b.expected}, not ${b.actual}.`,
    ),
    'replacement-without-term': both(
      'Det finns ingen pågående period på posten den dagen som en ersättare kan slutföra.',
      'There is no term in progress on that post that day for a replacement to complete.',
    ),
    'extension-not-allowed': both('Gruppens regler medger inte att ordförandeskapet förlängs.', "The group's rules do not allow extending the chair's term."),
    'extension-start': both(
      `En förlängning gäller samma person och börjar dagen efter att perioden slutar (${name(b.expected)}), inte ${b.actual}.`,
      `An extension is for the same person and starts the day after the term ends (${name(b.expected)}), not ${b.actual}.`,
    ),
    'starts-at-new-year': both(
      `Ordföranden utses vid årets sista möte och tillträder vid årsskiftet (${b.expected}), inte ${b.actual}.`,
      `The chair is appointed at the year's last meeting and takes office at the new year (${b.expected}), not ${b.actual}.`,
    ),
    'overlaps-current-term': both(
      `Någon har redan posten den dagen; en ny ordinarie period kan börja tidigast ${b.expected}. Välj "ersättare" om någon slutar i förtid.`,
      `Someone already holds the post that day; a new regular term can start on ${b.expected} at the earliest. Choose "replacement" if someone leaves early.`,
    ),
  };
  return texts[b.rule][n.locale];
}

export const chairTexts = {
  title: (group: string) => both(`Ordförandeskap – ${group}`, `Chair – ${group}`),
  titleMany: both('Ordförandeskap i dina grupper', 'Chairs of your groups'),
  nobody: both('Ingen registrerad', 'Nobody registered'),
  term: both('Mandatperiod', 'Term'),
  daysLeft: both('Dagar kvar', 'Days left'),
  nextTerm: both('Nästa period', 'Next term'),
  nextChange: both('Nästa byte', 'Next change'),
  decidedByGroup: both('fastställs av gruppen', 'decided by the group'),
  untilNext: both('tills nästa ordförande registreras', 'until the next chair is recorded'),
  fieldEndOpen: both(
    'Sista dag (9999-12-31 = tills nästa ordförande registreras; mandattid anges inte i dokumenten)',
    'Last day (9999-12-31 = until the next chair is recorded; the documents give no term length)',
  ),
  nextByRules: both('Nästa enligt reglerna', 'Next by the rules'),
  anyPrincipal: both('Valfri huvudman', 'Any principal'),
  partiesInTurn: both('Parter i tur', 'Parties next in turn'),
  nextVice: both('Vice ordförande nästa period', 'Vice chair next term'),
  alreadyAppointed: both('Redan utsedd', 'Already appointed'),
  rule: both('Regel', 'Rule'),
  noRule: both(
    'Gruppen har ingen egen ordföranderegel (den leds av en annan grupps presidium).',
    "The group has no chair rule of its own (it is led by another group's presidium).",
  ),
  buttonHistory: both('Visa historik', 'Show history'),
  buttonAppoint: both('Utse ordförande', 'Appoint chair'),
  noGroupsForChair: both(
    'Ange en grupp, t.ex. **ordförande LGS**. Du är inte med i någon grupp och kanalen är inte kopplad till någon.',
    'Name a group, e.g. **chair LGS**. You are not in any group and this channel is not linked to one.',
  ),
  historyTitle: (group: string) => both(`Historik – ordförandeskap i ${group}`, `History – chairs of ${group}`),
  historyEmpty: both('Inga perioder är registrerade ännu.', 'No terms are registered yet.'),
  endedEarly: (date: string) => both(`Avslutad i förtid ${date}`, `Ended early on ${date}`),
  exception: (rules: string, reason: string) => both(`Undantag från regeln: ${rules} Skäl: ${reason}`, `Exception to the rule: ${rules} Reason: ${reason}`),
  appointTitle: (group: string) => both(`Utse ordförande eller vice – ${group}`, `Appoint chair or vice – ${group}`),
  fieldRole: both('Post', 'Post'),
  fieldHolder: both('Person (ledamot i gruppen)', 'Person (member of the group)'),
  fieldOrigin: both('Slag av period', 'Kind of term'),
  fieldStart: both('Första dag', 'First day'),
  fieldEnd: both('Sista dag', 'Last day'),
  fieldReason: both(
    'Skäl till undantag (fyll bara i om gruppen beslutat att frångå reglerna, t.ex. förlängning i konsensus)',
    'Reason for an exception (only if the group decided to depart from the rules, e.g. extension by consensus)',
  ),
  submitAppoint: both('Registrera', 'Record'),
  requiredError: both('Obligatoriskt fält.', 'Required field.'),
  noMembers: (group: string) =>
    both(
      `Gruppen har inga ledamöter registrerade. Lägg först till dem: **lägg till ${group}**.`,
      `The group has no registered members. Add them first: **add ${group}**.`,
    ),
  appointed: (role: string, name: string, group: string, start: string, end: string) =>
    both(`${role} i ${group}: ${name}, ${start} – ${end}. Registrerat.`, `${role} of ${group}: ${name}, ${start} – ${end}. Recorded.`),
  appointedException: both(
    'Registrerat som undantag från reglerna, med skälet sparat i historiken.',
    'Recorded as an exception to the rules, with the reason kept in the history.',
  ),
  refusedRules: both('Utnämningen följer inte gruppens regler och registrerades inte:', "The appointment does not follow the group's rules and was not recorded:"),
  refusedRulesHint: both(
    'Om gruppen har beslutat att frångå regeln (t.ex. förlängning i konsensus): skicka formuläret igen med ett skäl till undantag.',
    'If the group has decided to depart from the rule (e.g. extension by consensus), submit the form again with a reason for the exception.',
  ),
  notAllowedAppoint: (group: string) =>
    both(
      `Bara en administratör, processledaren för ${group} eller ordföranden i den grupp som utser kan registrera ordförande. Inget ändrades.`,
      `Only an administrator, the process leader of ${group} or the chair of the appointing group can record chairs. Nothing was changed.`,
    ),
  holderNotMember: both(
    'Personen är inte ledamot i gruppen med en part angiven. Inget ändrades.',
    'The person is not a member of the group with a party. Nothing was changed.',
  ),
  badDates: both(
    'Datumen är ogiltiga: sista dag måste vara samma dag som eller efter första dag. Inget ändrades.',
    'The dates are invalid: the last day must be on or after the first day. Nothing was changed.',
  ),
  nothingToReplace: both(
    'Det finns ingen på posten den dagen att ersätta. Välj ordinarie period i stället. Inget ändrades.',
    'Nobody holds the post that day to replace. Choose a regular term instead. Nothing was changed.',
  ),
  noChairRule: (group: string) =>
    both(`${group} har ingen egen ordföranderegel, så ordförande registreras inte här.`, `${group} has no chair rule of its own, so chairs are not recorded here.`),
  appointOtherPost: (post: string) => both(`Utse ${post.toLowerCase()} i stället`, `Appoint the ${post.toLowerCase()} instead`),
  conflict: both(
    'Någon annan ändrade ordförandeskapet i gruppen medan du fyllde i formuläret, så ditt förslag sparades inte. Så här ser det ut nu – öppna formuläret igen om du vill fortsätta:',
    "Someone else changed the group's chairs while you filled in the form, so your proposal was not saved. This is the current state – open the form again to continue:",
  ),
  notice: (role: string, group: string, end: string, days: number) =>
    both(
      `Påminnelse: perioden som ${role.toLowerCase()} i ${group} slutar ${end} (om ${counted('dagar', days, 'sv')}).`,
      `Reminder: the term as ${role.toLowerCase()} of ${group} ends on ${end} (in ${counted('dagar', days, 'en')}).`,
    ),
} as const;
