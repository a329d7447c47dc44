import type { ChairView } from '../app/chairs';
import { isOpenEnded, type Term, type TermRole } from '../domain/chairTerms';
import { groupOf, type Locale, type Organisation } from '../domain/organisation';
import { quoteWithTitles, sourceTitles } from '../domain/sourceDocuments';
import { daysLeft, nextOpenTerm, type RuleBreach } from '../domain/rotation';
import { card, commandButton, facts, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { plain } from './escape';
import { REASON_MAX } from './formTexts';
import { breachText, chairTexts as t, originName, principalReason, roleName, ruleTitle, type Namer } from './chairTexts';

/**
 * Turns ids into the names users know, in their language: escaped for card and message text,
 * or as typed (`escaped` false) for choice titles, which Teams shows without markdown.
 */
export function namer(org: Organisation, locale: Locale, escaped = true): Namer {
  const out = escaped ? plain : (s: string) => s;
  return {
    locale,
    // An id the organisation file no longer has is shown as "–": a person never sees the id.
    principal: (id) => out(org.principals.find((p) => p.id === id)?.name[locale] ?? '–'),
    party: (id) => out(org.parties.find((p) => p.id === id)?.name ?? '–'),
    group: (id) => out(groupOf(org, id)?.shortName ?? '–'),
  };
}

/** A term's last day, or "until the next chair is recorded" for an open-ended term. */
const endText = (term: Term, locale: Locale): string => (isOpenEnded(term) ? t.untilNext[locale] : (term.actualEnd ?? term.plannedEnd));

const word = (locale: Locale, sv: string, en: string) => (locale === 'sv' ? sv : en);

function holderText(term: Term | null, n: Namer): string {
  if (term === null) return t.nobody[n.locale];
  return `${plain(term.holder.displayName)}, ${n.party(term.holder.party)} (${n.principal(term.holder.principal)})`;
}

/** One group's chair section: holders, term, days left, who is next by the rules and why. */
function chairSection(v: ChairView, locale: Locale): CardElement[] {
  const n = namer(v.org, locale);
  const { chair, viceChair, nextChair } = v.presidium;
  const rule = v.group.chairRule;
  const rows: [string, string][] = [
    [roleName('chair')[locale], holderText(chair, n)],
    [roleName('viceChair')[locale], holderText(viceChair, n)],
  ];
  if (chair !== null) {
    rows.push([t.term[locale], `${chair.start} – ${endText(chair, locale)}`]);
    if (!isOpenEnded(chair)) rows.push([t.daysLeft[locale], String(daysLeft(chair, v.today))]);
  }
  if (nextChair !== null) rows.push([t.alreadyAppointed[locale], `${holderText(nextChair, n)}, ${nextChair.start} – ${endText(nextChair, locale)}`]);
  const body: CardElement[] = [textBlock(`**${plain(v.group.shortName)}**`, { size: 'Medium', spacing: 'Medium' })];
  if (rule === null) return [...body, facts(rows), textBlock(t.noRule[locale], { isSubtle: true })];
  if (v.next !== null) {
    // No term length in the documents: the group, not the rules, decides when the next change is.
    if (v.next.decidedByGroup) rows.push([t.nextChange[locale], t.decidedByGroup[locale]]);
    else rows.push([t.nextTerm[locale], `${v.next.startsOn} – ${v.next.plannedEnd}`]);
    rows.push([t.nextByRules[locale], v.next.principal.next === null ? t.anyPrincipal[locale] : n.principal(v.next.principal.next)]);
    if (rule.rotateAmongParties && v.next.candidateParties.length > 0)
      rows.push([
        t.partiesInTurn[locale],
        v.next.candidateParties
          .slice(0, 3)
          .map((p) => n.party(p))
          .join(', '),
      ]);
    if (v.next.vicePrincipal !== null) rows.push([t.nextVice[locale], n.principal(v.next.vicePrincipal)]);
  }
  body.push(facts(rows));
  if (v.next !== null) body.push(textBlock(principalReason(v.next.principal, n, rule.rotateAmongParties)));
  const quoted = quoteWithTitles(rule.quote[locale]);
  body.push(
    // The documents by title: after each passage when the quote marks them, else after the organisation.
    textBlock(`${t.rule[locale]} (${plain(v.org.shortName)}${quoted === rule.quote[locale] ? `, ${plain(sourceTitles(rule.source))}` : ''}): ”${quoted}”`, {
      isSubtle: true,
      size: 'Small',
    }),
  );
  return body;
}

/** The chair card for one or several groups, with history and (when allowed) appoint buttons. */
export function chairCard(views: readonly ChairView[], locale: Locale): AdaptiveCard {
  const title = views.length === 1 ? t.title(plain(views[0].group.shortName))[locale] : t.titleMany[locale];
  const body = views.flatMap((v, i) => (i === 0 ? chairSection(v, locale) : [{ type: 'Container', separator: true, items: chairSection(v, locale) }]));
  const actions = views.length === 1 ? groupActions(views[0], locale) : [];
  return card(locale, title, body, actions);
}

function groupActions(v: ChairView, locale: Locale): CardElement[] {
  const actions = [commandButton(t.buttonHistory[locale], `${word(locale, 'historik', 'history')} ${v.org.id}/${v.group.id}`)];
  if (v.canAppoint) actions.push(commandButton(t.buttonAppoint[locale], `${word(locale, 'utse', 'appoint')} ${v.org.id}/${v.group.id}`));
  return actions;
}

/** Every term of the group, newest first, with how it began, early ends and recorded exceptions. */
export function historyCard(v: ChairView, locale: Locale): AdaptiveCard {
  const n = namer(v.org, locale);
  const terms = [...v.terms].sort((a, b) => b.start.localeCompare(a.start) || a.role.localeCompare(b.role));
  const title = t.historyTitle(plain(v.group.shortName))[locale];
  if (terms.length === 0) return card(locale, title, [textBlock(t.historyEmpty[locale])]);
  const items = terms.map((term): CardElement => {
    const lines = [
      `**${term.start} – ${term.plannedEnd === '9999-12-31' ? t.untilNext[locale] : term.plannedEnd}** · ${roleName(term.role)[locale]}`,
      `${holderText(term, n)} · ${originName(term.origin)[locale]}`,
    ];
    if (term.actualEnd !== null) lines.push(t.endedEarly(term.actualEnd)[locale]);
    if (term.exception !== null) {
      const rules = term.exception.rules.map((r) => ruleTitle(r)[locale]).join(', ');
      lines.push(t.exception(`${rules}.`, plain(term.exception.reason))[locale]);
    }
    return { type: 'Container', separator: true, items: lines.map((l) => textBlock(l, { spacing: 'None' })) };
  });
  return card(locale, title, items);
}

/** The appointment form, prefilled with the next regular term by the rules. */
/** The appointment form for a post: its dates are that post's next open term (chair by default; `utse <grupp> vice` for the vice chair). */
export function appointCard(v: ChairView, locale: Locale, post: TermRole = 'chair'): AdaptiveCard {
  const n = namer(v.org, locale);
  const asTyped = namer(v.org, locale, false);
  const title = t.appointTitle(plain(v.group.shortName))[locale];
  const rule = v.group.chairRule;
  const eligible = v.members.filter((m): m is ChairView['members'][number] & { party: string } => m.party !== null && m.roles.includes('member'));
  if (rule === null) return card(locale, title, [textBlock(t.noChairRule(plain(v.group.shortName))[locale])]);
  if (eligible.length === 0) return card(locale, title, [textBlock(t.noMembers(plain(v.group.shortName))[locale])]);
  const choice = (id: string, label: string, choices: { title: string; value: string }[], value: string) => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    isRequired: true,
    errorMessage: t.requiredError[locale],
    style: 'compact',
    value,
    choices,
  });
  const roles = [{ title: roleName('chair')[locale], value: 'chair' }, ...(rule.vice === 'none' ? [] : [{ title: roleName('viceChair')[locale], value: 'viceChair' }])];
  const chosen: TermRole = post === 'viceChair' && rule.vice !== 'none' ? 'viceChair' : 'chair';
  // The dates follow the chosen post: the chair's next term by the rotation, the vice's own next open term.
  const dates = chosen === 'chair' ? v.next : nextOpenTerm(v.group, v.terms, 'viceChair', v.today);
  const other: TermRole = chosen === 'chair' ? 'viceChair' : 'chair';
  const switchPost =
    rule.vice === 'none'
      ? []
      : [
          commandButton(
            t.appointOtherPost(roleName(other)[locale])[locale],
            `${locale === 'sv' ? 'utse' : 'appoint'} ${v.org.id}/${v.group.id}${other === 'viceChair' ? ' vice' : ''}`,
          ),
        ];
  const origins = (['rotation', 'replacement', ...(rule.extensionByConsensus ? (['extension'] as const) : [])] as const).map((o) => ({
    title: originName(o)[locale],
    value: o,
  }));
  const body: CardElement[] = [];
  if (v.next !== null) body.push(textBlock(principalReason(v.next.principal, n, rule.rotateAmongParties), { isSubtle: true }));
  body.push(
    choice('role', t.fieldRole[locale], roles, chosen),
    choice(
      'holder',
      t.fieldHolder[locale],
      eligible.map((m) => ({ title: `${m.displayName} – ${asTyped.party(m.party)}`, value: m.aadObjectId })),
      '',
    ),
    choice('origin', t.fieldOrigin[locale], origins, 'rotation'),
    { type: 'Input.Date', id: 'start', label: t.fieldStart[locale], isRequired: true, errorMessage: t.requiredError[locale], value: dates?.startsOn ?? v.today },
    {
      type: 'Input.Date',
      id: 'end',
      label: (v.next?.decidedByGroup === true ? t.fieldEndOpen : t.fieldEnd)[locale],
      isRequired: true,
      errorMessage: t.requiredError[locale],
      value: dates?.plannedEnd ?? '',
    },
    { type: 'Input.Text', id: 'exceptionReason', label: t.fieldReason[locale], isMultiline: true, maxLength: REASON_MAX },
  );
  return card(locale, title, body, [
    { type: 'Action.Submit', title: t.submitAppoint[locale], data: { verb: 'appoint', org: v.org.id, group: v.group.id, version: v.version ?? '' } },
    ...switchPost,
  ]);
}

/** The refusal when an appointment breaks rules: every rule named, and how to record an exception. */
export function ruleBreachText(v: ChairView, breaches: readonly RuleBreach[], locale: Locale): string {
  const n = namer(v.org, locale);
  const months = v.group.chairRule?.termMonths ?? 0;
  return [t.refusedRules[locale], ...breaches.map((b) => `- ${breachText(b, n, months)}`), '', t.refusedRulesHint[locale]].join('\n');
}
