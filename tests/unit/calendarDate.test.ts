import { zonedToInstant } from '../../src/domain/calendarDate';

const STOCKHOLM = 'Europe/Stockholm';
const at = (date: string, time: string, zone = STOCKHOLM) => zonedToInstant(date, time, zone)?.toISOString() ?? null;

describe('zonedToInstant: local meeting times in Europe/Stockholm', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(at('2026-12-08', '13:00')).toBe('2026-12-08T12:00:00.000Z');
    expect(at('2026-06-15', '13:00')).toBe('2026-06-15T11:00:00.000Z');
  });

  it('on the spring switch (2026-03-29) keeps the times either side of the gap', () => {
    expect(at('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(at('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '13:00')).toBe('2026-03-29T11:00:00.000Z');
  });

  it('moves 2026-03-29 02:30, which does not exist, forward by the hour skipped (03:30 summer time)', () => {
    expect(at('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('resolves 2026-10-25 02:30, which happens twice, to the first occurrence (summer time, UTC+2)', () => {
    expect(at('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
  });

  it('on the autumn switch keeps the unambiguous times either side', () => {
    expect(at('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(at('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(at('2026-10-25', '13:00')).toBe('2026-10-25T12:00:00.000Z');
  });

  it('handles the same switches in another zone and a zone without DST', () => {
    expect(at('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(at('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(at('2026-03-29', '02:30', 'UTC')).toBe('2026-03-29T02:30:00.000Z');
  });

  it('refuses an invalid date or time with null', () => {
    expect(at('2026-02-29', '10:00')).toBeNull();
    expect(at('2026-03-29', '24:00')).toBeNull();
    expect(at('2026-03-29', '10:60')).toBeNull();
    expect(at('2026-03-29', '9:00')).toBeNull();
  });
});
