import i18next, { type i18n } from 'i18next';
import type { Locale, LocalizedText } from '../domain/organisation';
import { countedResources, type CountedKey } from './i18nResources';

/**
 * The message catalog for counted texts ("1 synpunkt", "2 synpunkter", "1 comment"): i18next
 * picks the plural form by the language's rules, so no text hand-writes `n === 1 ? … : …`.
 * One instance, initialised synchronously from in-memory resources at import.
 */
const catalog: i18n = i18next.createInstance();
void catalog.init({
  initAsync: false,
  lng: 'sv',
  fallbackLng: 'sv',
  resources: {
    sv: { translation: countedResources.sv },
    en: { translation: countedResources.en },
  },
  // Values are escaped by the caller with plain(); the catalog only counts.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** A number of things in one language: `counted('synpunkter', 1, 'sv')` → "1 synpunkt". */
export function counted(key: CountedKey, count: number, locale: Locale): string {
  return catalog.t(key, { count, lng: locale });
}

/** A counted text about named people ("Anna har …", "Anna och Bo har …"): the count picks the form, the names are joined the language's way. */
export function countedNames(key: CountedKey, names: readonly string[], locale: Locale, values: Readonly<Record<string, string>> = {}): string {
  const joined = new Intl.ListFormat(locale === 'en' ? 'en' : 'sv', { style: 'long', type: 'conjunction' }).format(names);
  return catalog.t(key, { count: names.length, lng: locale, ...values, names: joined });
}

/** The same in both languages, for the `both()` texts. */
export function countedBoth(key: CountedKey, count: number): LocalizedText {
  return { sv: counted(key, count, 'sv'), en: counted(key, count, 'en') };
}
