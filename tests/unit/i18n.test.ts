import { counted } from '../../src/cards/i18n';

describe('the counted-text catalog (i18next)', () => {
  it.each([
    ['synpunkter', 0, 'sv', '0 synpunkter'],
    ['synpunkter', 1, 'sv', '1 synpunkt'],
    ['synpunkter', 2, 'sv', '2 synpunkter'],
    ['synpunkter', 1, 'en', '1 comment'],
    ['synpunkter', 3, 'en', '3 comments'],
    ['dagar', 1, 'sv', '1 dag'],
    ['dagar', 39, 'sv', '39 dagar'],
    ['manader', 1, 'sv', '1 månad'],
    ['planeradeMoten', 1, 'sv', '1 planerat möte'],
    ['planeradeMoten', 2, 'sv', '2 planerade möten'],
    ['ejSvarat', 1, 'en', '1 has not answered'],
    ['ejSvarat', 2, 'en', '2 have not answered'],
    ['sammanfattning', 1, 'en', '1 absent member gets a summary'],
    ['beslut', 1, 'en', '1 decision'],
  ] as const)('%s × %i in %s reads "%s"', (key, n, locale, expected) => {
    expect(counted(key, n, locale)).toBe(expected);
  });
});
