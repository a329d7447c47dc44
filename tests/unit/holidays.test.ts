import { addDays } from '../../src/domain/calendarDate';
import { isNonWorkday, lastWorkdayOnOrBefore, nonWorkdayReason, shiftDeadline, swedishHoliday } from '../../src/domain/holidays';

/**
 * Swedish non-working days (src/domain/holidays.ts, on top of date-holidays): public holidays
 * ("röda dagar") plus midsommarafton, julafton and nyårsafton, and how a deadline moves off
 * them — to the next weekday as lag 1930:173 does, or to the previous one where the
 * organisation chose that (DOMAIN.md, "Årshjul").
 *
 * Weekdays used below (checked against a calendar): 2025-04-18 Fri, 2025-06-06 Fri,
 * 2026-01-04 Sun, 2026-04-03 Fri, 2026-05-14 Thu, 2026-06-19 Fri, 2026-12-24 Thu,
 * 2026-12-31 Thu, 2027-01-01 Fri, 2027-12-24 Fri.
 */

const weekday = (date: string): string => ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'][new Date(`${date}T12:00:00Z`).getUTCDay()];

describe('weekends', () => {
  // 2026 starts on a Thursday and has 365 days: 52 whole weeks (104 weekend days) and one more Thursday.
  it('counts 104 weekend days and 10 weekday holidays in 2026: 114 days with no deadline', () => {
    let weekend = 0;
    let all = 0;
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (nonWorkdayReason(d) === 'lördag' || nonWorkdayReason(d) === 'söndag') weekend++;
      if (isNonWorkday(d)) all++;
    }
    expect(all).toBe(114);
    // Six weekend days are named by their holiday instead: påskdagen, pingstdagen, nationaldagen,
    // midsommardagen, alla helgons dag and annandag jul.
    expect(weekend).toBe(98);
  });
});

describe('swedishHoliday', () => {
  it.each([
    // Easter: långfredag and annandag påsk, 2025 and 2026.
    ['2025-04-18', 'långfredagen'],
    ['2025-04-20', 'påskdagen'],
    ['2025-04-21', 'annandag påsk'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-05', 'påskdagen'],
    ['2026-04-06', 'annandag påsk'],
    // The de facto days off that lag 1930:173 treats as holidays.
    ['2025-06-20', 'midsommarafton'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
    // Other röda dagar.
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-05-01', 'första maj'],
    ['2025-05-29', 'Kristi himmelsfärdsdag'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'pingstdagen'],
    ['2025-06-06', 'nationaldagen'],
    ['2026-06-06', 'nationaldagen'],
    ['2026-06-20', 'midsommardagen'],
    ['2026-10-31', 'alla helgons dag'],
    ['2026-12-25', 'juldagen'],
    ['2026-12-26', 'annandag jul'],
    ['2027-01-01', 'nyårsdagen'],
  ])('%s is %s', (date, name) => {
    expect(swedishHoliday(date)).toBe(name);
  });

  it.each([
    // "optional" half days in date-holidays: not holidays.
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-10-30', 'allhelgonaafton'],
    // "observance" days: not holidays either.
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-04-04', 'påskafton (a Saturday, but not a holiday)'],
    ['2026-05-23', 'pingstafton (a Saturday, but not a holiday)'],
    ['2025-06-09', 'annandag pingst (no longer a holiday since 2005)'],
    ['2026-05-25', 'annandag pingst (no longer a holiday since 2005)'],
    ['2026-11-06', 'Gustav-Adolf-dagen'],
    ['2026-12-13', 'Luciadagen'],
    ['2026-03-10', 'a plain Tuesday'],
  ])('%s (%s) is not a holiday', (date) => {
    expect(swedishHoliday(date)).toBeNull();
  });
});

describe('isNonWorkday', () => {
  it.each([
    ['2026-04-03', true], // långfredagen
    ['2026-04-06', true], // annandag påsk
    ['2026-06-19', true], // midsommarafton, a Friday
    ['2026-12-24', true], // julafton, a Thursday
    ['2026-12-31', true], // nyårsafton, a Thursday
    ['2026-05-14', true], // Kristi himmelsfärdsdag
    ['2025-06-06', true], // nationaldagen on a Friday
    ['2026-03-07', true], // a plain Saturday
    ['2026-03-08', true], // a plain Sunday
    ['2026-03-10', false], // a plain Tuesday
    ['2026-01-05', false], // trettondagsafton
    ['2026-04-30', false], // valborgsmässoafton
    ['2026-04-02', false], // skärtorsdagen
    ['2026-05-25', false], // annandag pingst
    ['2026-10-30', false], // allhelgonaafton
  ])('%s → %s', (date, expected) => {
    expect(isNonWorkday(date)).toBe(expected);
  });

  it('finds exactly the ten weekday holidays of 2026', () => {
    const found: string[] = [];
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) if (!['lör', 'sön'].includes(weekday(d)) && isNonWorkday(d)) found.push(d);
    expect(found).toEqual([
      '2026-01-01', // nyårsdagen
      '2026-01-06', // trettondedag jul
      '2026-04-03', // långfredagen
      '2026-04-06', // annandag påsk
      '2026-05-01', // första maj
      '2026-05-14', // Kristi himmelsfärdsdag
      '2026-06-19', // midsommarafton
      '2026-12-24', // julafton
      '2026-12-25', // juldagen
      '2026-12-31', // nyårsafton
    ]);
  });
});

describe('nonWorkdayReason', () => {
  it.each([
    ['2026-06-19', 'midsommarafton'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
    ['2026-04-06', 'annandag påsk'],
    // A holiday on a weekend is named by the holiday, not the weekday.
    ['2026-04-05', 'påskdagen'],
    ['2026-06-06', 'nationaldagen'],
    ['2026-12-26', 'annandag jul'],
    // Plain weekend days.
    ['2026-04-04', 'lördag'], // påskafton
    ['2026-03-01', 'söndag'],
    // Working days.
    ['2026-03-02', null],
    ['2026-04-30', null], // valborgsmässoafton
    ['2026-01-05', null], // trettondagsafton
  ])('%s → %s', (date, reason) => {
    expect(nonWorkdayReason(date)).toBe(reason);
  });
});

describe('shiftDeadline', () => {
  it.each([
    // Easter 2025: långfredag 18, påskafton 19, påskdagen 20, annandag påsk 21 → Tuesday 22.
    ['2025-04-18', '2025-04-22'],
    ['2025-04-19', '2025-04-22'],
    ['2025-04-20', '2025-04-22'], // a Sunday before a Monday holiday
    ['2025-04-21', '2025-04-22'],
    // Easter 2026: 3 and 6 April.
    ['2026-04-03', '2026-04-07'],
    ['2026-04-04', '2026-04-07'], // påskafton
    ['2026-04-05', '2026-04-07'], // påskdagen
    ['2026-04-06', '2026-04-07'],
    // Midsommar.
    ['2026-06-19', '2026-06-22'], // midsommarafton, a Friday → Monday
    ['2026-06-20', '2026-06-22'],
    // Jul: julafton Thu, juldagen Fri, annandag jul Sat, Sunday → Monday 28.
    ['2026-12-24', '2026-12-28'],
    ['2026-12-25', '2026-12-28'],
    ['2026-12-26', '2026-12-28'],
    ['2026-12-27', '2026-12-28'],
    ['2027-12-24', '2027-12-27'], // julafton on a Friday
    // Nyår: nyårsafton Thu, nyårsdagen Fri, weekend → Monday 4 January, across the year.
    ['2026-12-31', '2027-01-04'],
    ['2027-01-01', '2027-01-04'],
    // A Sunday before trettondagsafton (a working day) → that Monday.
    ['2026-01-04', '2026-01-05'],
    ['2026-01-06', '2026-01-07'], // trettondedag jul
    ['2026-05-14', '2026-05-15'], // Kristi himmelsfärdsdag → Friday
    ['2025-05-29', '2025-05-30'],
    ['2026-05-01', '2026-05-04'], // första maj on a Friday
    // Nationaldagen on a Friday; pingstafton and pingstdagen follow; annandag pingst is a working day.
    ['2025-06-06', '2025-06-09'],
    ['2026-05-23', '2026-05-25'], // pingstafton → annandag pingst (a working day)
    ['2026-10-31', '2026-11-02'], // alla helgons dag on a Saturday
    ['2026-03-07', '2026-03-09'], // a plain Saturday
    ['2026-03-01', '2026-03-02'], // a plain Sunday
  ])('next-weekday: %s → %s', (date, expected) => {
    expect(shiftDeadline(date, 'next-weekday')).toEqual({ date: expected, movedFrom: date });
  });

  it.each([
    ['2026-06-19', '2026-06-18'], // midsommarafton → Thursday
    ['2026-06-20', '2026-06-18'],
    ['2026-06-21', '2026-06-18'],
    ['2026-12-24', '2026-12-23'],
    ['2026-12-27', '2026-12-23'],
    ['2027-01-01', '2026-12-30'], // nyårsdagen → past nyårsafton, across the year
    ['2027-01-03', '2026-12-30'],
    ['2026-04-06', '2026-04-02'], // annandag påsk → skärtorsdagen (a working day)
    ['2025-04-21', '2025-04-17'],
    ['2026-05-14', '2026-05-13'],
    ['2026-01-06', '2026-01-05'], // trettondedag jul → trettondagsafton (a working day)
    ['2026-03-01', '2026-02-27'],
  ])('previous-weekday: %s → %s', (date, expected) => {
    expect(shiftDeadline(date, 'previous-weekday')).toEqual({ date: expected, movedFrom: date });
  });

  it.each([
    ['2026-03-10', 'a plain Tuesday'],
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-05-25', 'annandag pingst'],
    ['2026-06-18', 'the day before midsommarafton'],
    ['2026-12-30', 'the day before nyårsafton'],
  ])('a working day %s (%s) stays, movedFrom null, in both directions', (date) => {
    expect(shiftDeadline(date, 'next-weekday')).toEqual({ date, movedFrom: null });
    expect(shiftDeadline(date, 'previous-weekday')).toEqual({ date, movedFrom: null });
  });

  it('always lands on a working day, in the right direction and within a week, 2024–2030', () => {
    const wrong: string[] = [];
    for (let d = '2024-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      const next = shiftDeadline(d, 'next-weekday');
      const prev = shiftDeadline(d, 'previous-weekday');
      const moved = isNonWorkday(d) ? d : null;
      const ok =
        !isNonWorkday(next.date) &&
        !isNonWorkday(prev.date) &&
        next.date >= d &&
        next.date <= addDays(d, 6) &&
        prev.date <= d &&
        prev.date >= addDays(d, -6) &&
        next.movedFrom === moved &&
        prev.movedFrom === moved;
      if (!ok) wrong.push(`${d}: next ${JSON.stringify(next)}, previous ${JSON.stringify(prev)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('lastWorkdayOnOrBefore', () => {
  it.each([
    ['2026-03-31', '2026-03-31'], // Tuesday
    ['2026-06-30', '2026-06-30'], // Tuesday
    ['2026-09-30', '2026-09-30'], // Wednesday
    ['2026-12-31', '2026-12-30'], // nyårsafton
    ['2027-12-31', '2027-12-30'], // nyårsafton on a Friday
    ['2028-09-30', '2028-09-29'], // Saturday
    ['2028-12-31', '2028-12-29'], // Sunday; Saturday 30; nyårsafton is the Sunday itself
    ['2027-01-01', '2026-12-30'],
    ['2026-04-06', '2026-04-02'], // annandag påsk → skärtorsdagen
    ['2026-06-21', '2026-06-18'], // midsommar weekend → Thursday
  ])('%s → %s', (date, expected) => {
    expect(lastWorkdayOnOrBefore(date)).toBe(expected);
  });
});
