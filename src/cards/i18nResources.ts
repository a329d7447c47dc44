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
    moten_one: '{{count}} möte',
    moten_other: '{{count}} möten',
    deadlines_one: '{{count}} deadline',
    deadlines_other: '{{count}} deadlines',
    // Sending minutes for justering: who got them, who could not be reached (names, not a number).
    justeringNadd_one: '{{names}} har fått dem i en personlig chatt.',
    justeringNadd_other: '{{names}} har fått dem i en personlig chatt.',
    justeringOnadd_one:
      '{{names}} kunde inte nås: hen har ingen personlig chatt med mig än. När hen har öppnat Samverkansboten i Teams (installerat den) öppnar hen dem med **minnesanteckningar {{ref}}**. Ordföranden kan också utse en annan justerare.',
    justeringOnadd_other:
      '{{names}} kunde inte nås: de har ingen personlig chatt med mig än. När de har öppnat Samverkansboten i Teams (installerat den) öppnar de dem med **minnesanteckningar {{ref}}**. Ordföranden kan också utse en annan justerare.',
    justeringOlevererad_one:
      'Kortet kunde inte levereras till {{names}} just nu, inte heller när jag försökte igen. Be hen skriva **minnesanteckningar {{ref}}** i chatten med mig, eller skicka dem igen om en stund.',
    justeringOlevererad_other:
      'Kortet kunde inte levereras till {{names}} just nu, inte heller när jag försökte igen. Be dem skriva **minnesanteckningar {{ref}}** i chatten med mig, eller skicka dem igen om en stund.',
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
    moten_one: '{{count}} meeting',
    moten_other: '{{count}} meetings',
    deadlines_one: '{{count}} deadline',
    deadlines_other: '{{count}} deadlines',
    justeringNadd_one: '{{names}} has them in a personal chat.',
    justeringNadd_other: '{{names}} have them in their personal chats.',
    justeringOnadd_one:
      '{{names}} could not be reached: they have no personal chat with me yet. Once they have opened Samverkansboten in Teams (installed it), they open the minutes with **minutes {{ref}}**. The chair can also name another approver.',
    justeringOnadd_other:
      '{{names}} could not be reached: they have no personal chat with me yet. Once they have opened Samverkansboten in Teams (installed it), they open the minutes with **minutes {{ref}}**. The chair can also name another approver.',
    justeringOlevererad_one:
      'The card could not be delivered to {{names}} just now, not even when I tried again. Ask them to type **minutes {{ref}}** in their chat with me, or send the minutes again in a while.',
    justeringOlevererad_other:
      'The card could not be delivered to {{names}} just now, not even when I tried again. Ask them to type **minutes {{ref}}** in their chat with me, or send the minutes again in a while.',
  },
} as const;

export type CountedKey = keyof (typeof countedResources)['sv'] extends `${infer K}_${'one' | 'other'}` ? K : never;
