import { formatInstant, formatPlainDate } from './format-date';

describe('formatInstant', () => {
  it('shows an instant in the given zone, with the zone named, in the locale', () => {
    expect(formatInstant('2026-03-14T09:05:00Z', { locales: 'en-GB', timeZone: 'Asia/Dhaka' })).toBe(
      '14 Mar 2026, 15:05 GMT+6',
    );
    expect(formatInstant('2026-03-14T09:05:00Z', { locales: 'en-US', timeZone: 'Europe/Zurich' })).toBe(
      'Mar 14, 2026, 10:05 AM GMT+1',
    );
    expect(formatInstant('2026-03-14T09:05:00Z', { locales: 'de-CH', timeZone: 'UTC' })).toBe('14. März 2026, 09:05 UTC');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatInstant('soon')).toBe('soon');
  });
});

describe('formatPlainDate', () => {
  it('shows the calendar date without a zone, the same day wherever the user is', () => {
    expect(formatPlainDate('2026-01-31', { locales: 'en-GB' })).toBe('31 Jan 2026');
    expect(formatPlainDate('2026-01-31', { locales: 'en-US' })).toBe('Jan 31, 2026');
    expect(formatPlainDate('2026-01-31T23:30:00-05:00', { locales: 'en-GB' })).toBe('31 Jan 2026');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatPlainDate('n/a')).toBe('n/a');
  });
});
