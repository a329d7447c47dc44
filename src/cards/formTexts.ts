import type { LocalizedText } from '../domain/organisation';
import { both } from './texts';

/** Longest display name a person can be given by hand (the add-member form). */
export const NAME_MAX = 100;
/** Longest reason for an exception to the chair rules (the appointment form). */
export const REASON_MAX = 500;

/** What each field a person types must be, by field id, for naming a refused value back to them. */
export type FieldTexts = Readonly<Record<string, LocalizedText | undefined>>;

export const formTexts = {
  refused: (fields: readonly string[]) => ({
    sv: `Formuläret sparades inte: ${fields.join('; ')}. Inget ändrades – rätta och skicka igen.`,
    en: `The form was not saved: ${fields.join('; ')}. Nothing was changed – correct it and send it again.`,
  }),
  appointFields: {
    holder: both('välj personen i listan', 'choose the person in the list'),
    start: both('första dag ska vara ett datum mellan 2000 och 2100', 'the first day must be a date between 2000 and 2100'),
    end: both('sista dag ska vara ett datum mellan 2000 och 2100', 'the last day must be a date between 2000 and 2100'),
    exceptionReason: both(`skälet till undantag får vara högst ${REASON_MAX} tecken`, `the reason for an exception can be at most ${REASON_MAX} characters`),
  } as FieldTexts,
  // Nothing on the add-member form is typed (the person is chosen by name): a bad value means a tampered or stale card.
  addMemberFields: {} as FieldTexts,
};
