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
  addMemberFields: {
    person: both(
      'AAD-objekt-id ska vara ett GUID, t.ex. 0f8fad5b-d9cb-469f-a165-70867728950e',
      'the AAD object id must be a GUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e',
    ),
    displayName: both(`namnet ska vara 1–${NAME_MAX} tecken på en rad`, `the name must be 1–${NAME_MAX} characters on one line`),
  } as FieldTexts,
};
