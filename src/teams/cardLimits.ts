import type { z } from 'zod';
import type { LocalizedText } from '../domain/organisation';
import { digits } from '../cards/digits';
import { texts } from '../cards/texts';

/**
 * Turns the first problem zod found in a card submission into a clear answer: a text over its
 * limit names the field, the limit and what was sent, so nothing is cut without the user knowing.
 */
export function explainCardIssue(error: z.ZodError, labels: Readonly<Partial<Record<string, LocalizedText>>>, data: unknown): LocalizedText {
  const issue = error.issues.at(0);
  const field = String(issue?.path.at(0) ?? '');
  const label = labels[field];
  const sent = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field] : undefined;
  if (issue?.code === 'too_big' && issue.type === 'string' && label !== undefined) {
    const max = Number(issue.maximum);
    const got = typeof sent === 'string' ? sent.length : 0;
    return {
      sv: `${label.sv} får vara högst ${digits(max, ' ')} tecken (${digits(got, ' ')} skickades). Inget sparades.`,
      en: `${label.en} may be at most ${digits(max, ',')} characters (${digits(got, ',')} were sent). Nothing was saved.`,
    };
  }
  if (field === 'date')
    return {
      sv: 'Datumet måste vara ett riktigt datum mellan år 2000 och 2100. Inget sparades.',
      en: 'The date must be a real date between the years 2000 and 2100. Nothing was saved.',
    };
  if (field === 'link')
    return {
      sv: 'Länken måste vara en webbadress som börjar med https:// eller http://. Inget sparades.',
      en: 'The link must be a web address starting with https:// or http://. Nothing was saved.',
    };
  return texts.badCard;
}
