/**
 * The counted texts, Swedish and English, in i18next's plural form (`_one`, `_other`, chosen by
 * Intl.PluralRules for the language). Every text that shows a number of things lives here.
 */
export const countedResources = {
  sv: {
    synpunkter_one: '{{count}} synpunkt',
    synpunkter_other: '{{count}} synpunkter',
    dagar_one: '{{count}} dag',
    dagar_other: '{{count}} dagar',
    manader_one: '{{count}} månad',
    manader_other: '{{count}} månader',
    beslut_one: '{{count}} beslut',
    beslut_other: '{{count}} beslut',
    planeradeMoten_one: '{{count}} planerat möte',
    planeradeMoten_other: '{{count}} planerade möten',
    kommer_one: '{{count}} kommer',
    kommer_other: '{{count}} kommer',
    forhinder_one: '{{count}} har förhinder',
    forhinder_other: '{{count}} har förhinder',
    ejSvarat_one: '{{count}} har inte svarat',
    ejSvarat_other: '{{count}} har inte svarat',
    sammanfattning_one: '{{count}} med förhinder får en sammanfattning',
    sammanfattning_other: '{{count}} med förhinder får en sammanfattning',
  },
  en: {
    synpunkter_one: '{{count}} comment',
    synpunkter_other: '{{count}} comments',
    dagar_one: '{{count}} day',
    dagar_other: '{{count}} days',
    manader_one: '{{count}} month',
    manader_other: '{{count}} months',
    beslut_one: '{{count}} decision',
    beslut_other: '{{count}} decisions',
    planeradeMoten_one: '{{count}} planned meeting',
    planeradeMoten_other: '{{count}} planned meetings',
    kommer_one: '{{count}} attending',
    kommer_other: '{{count}} attending',
    forhinder_one: '{{count}} absent',
    forhinder_other: '{{count}} absent',
    ejSvarat_one: '{{count}} has not answered',
    ejSvarat_other: '{{count}} have not answered',
    sammanfattning_one: '{{count}} absent member gets a summary',
    sammanfattning_other: '{{count}} absent members get a summary',
  },
} as const;

export type CountedKey = keyof (typeof countedResources)['sv'] extends `${infer K}_${'one' | 'other'}` ? K : never;
