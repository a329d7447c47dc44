import type { OpenForankring } from '../app/ports';
import type { Locale, LocalizedText } from '../domain/organisation';
import { card, facts, textBlock, type AdaptiveCard } from './adaptive';
import { plain } from './escape';
import { both } from './texts';
import { day } from './meetingTexts';

export const forankringReminderTexts = {
  title: (number: string) => both(`Förankring väntar: ${number}`, `Anchoring pending: ${number}`),
  decision: both('Beslut', 'Decision'),
  date: both('Datum', 'Date'),
  holder: both('Förankras hos', 'To be anchored by'),
  note: both(
    'Beslutet behöver fattas formellt i din organisation. Meddela gruppens processledare när det är gjort, så registreras förankringen.',
    'The decision needs to be taken formally in your organisation. Tell the group’s process leader when it is done, and the anchoring is recorded.',
  ),
};

/** The förankring reminder: which decision, since when, by whom it is to be anchored, and what to do. */
export function forankringReminderCard(d: OpenForankring, holder: LocalizedText, locale: Locale): AdaptiveCard {
  const t = forankringReminderTexts;
  return card(locale, t.title(d.number)[locale], [
    facts([
      [t.decision[locale], `${d.number} – ${plain(d.title)}`],
      [t.date[locale], day(d.date, locale)],
      [t.holder[locale], plain(holder[locale])],
    ]),
    textBlock(plain(d.text)),
    textBlock(t.note[locale], { isSubtle: true }),
  ]);
}
