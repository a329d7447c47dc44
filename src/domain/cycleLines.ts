import type { Occurrence } from './annualCycle';
import type { TermRole } from './chairTerms';
import type { LocalizedText } from './organisation';

/** Whose term a term-end line is about: the chair's, the vice chair's, or both when they end the same day. */
export type TermEndPosts = TermRole | 'both';

/** The names of term-end lines: the organisation's item title says only "the term", these say whose. */
export const TERM_END_TITLES: Readonly<Record<TermEndPosts, LocalizedText>> = {
  chair: { sv: 'Ordförandens period löper ut – förbered nästa ordförande', en: "The chair's term ends – prepare the next chair" },
  viceChair: { sv: 'Vice ordförandens period löper ut – förbered nästa vice ordförande', en: "The vice chair's term ends – prepare the next vice chair" },
  both: {
    sv: 'Ordförandens och vice ordförandens perioder löper ut – förbered nästa ordförande och vice ordförande',
    en: "The chair's and vice chair's terms end – prepare the next chair and vice chair",
  },
};

/** One line of the årshjul (card or calendar): an occurrence and its name. */
export interface CycleLine {
  /** For the chair's and vice's terms ending the same day, the chair's occurrence. */
  readonly occurrence: Occurrence;
  readonly title: LocalizedText;
}

/**
 * The årshjul's lines in the given order: a term end says whose term ends, and the chair's and the
 * vice's ending the same day are one line; other occurrences keep the item's own title.
 */
export function cycleLines(deadlines: readonly Occurrence[]): CycleLine[] {
  const out: { occurrence: Occurrence; title: LocalizedText }[] = [];
  for (const o of deadlines) {
    if (o.post === undefined) {
      out.push({ occurrence: o, title: o.item.title });
      continue;
    }
    const post = o.post;
    const twin = out.find(
      (l) => l.occurrence.item.id === o.item.id && l.occurrence.deadline === o.deadline && l.occurrence.post !== undefined && l.occurrence.post !== post,
    );
    if (twin === undefined) out.push({ occurrence: o, title: TERM_END_TITLES[post] });
    else {
      twin.title = TERM_END_TITLES.both;
      // The chair's occurrence stands for the pair, so the calendar event keeps the chair's identity.
      if (post === 'chair') twin.occurrence = o;
    }
  }
  return out;
}
