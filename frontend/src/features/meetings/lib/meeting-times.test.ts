import { formatLocalTimes, formatWallRange, formatWallTime, offsetGap, zoneCity } from './meeting-times';

describe('meeting times', () => {
  it('words a wall time as sent, whatever the browser zone', () => {
    expect(formatWallTime('2027-03-25T14:45')).toBe('Thu 25 Mar 2027, 14:45');
    expect(formatWallTime('2027-03-30T13:45')).toBe('Tue 30 Mar 2027, 13:45');
    expect(formatWallTime('not a time')).toBe('not a time');
  });

  it('shows only the end time on the same day and the whole end across midnight', () => {
    expect(formatWallRange('2027-03-25T10:00', '2027-03-25T11:30')).toBe('Thu 25 Mar 2027, 10:00–11:30');
    expect(formatWallRange('2027-03-25T23:30', '2027-03-26T00:30')).toBe(
      'Thu 25 Mar 2027, 23:30–Fri 26 Mar 2027, 00:30',
    );
  });

  it('names the zone and its offset on every line', () => {
    const line = formatLocalTimes({
      starts_local: '2027-03-25T14:45',
      ends_local: '2027-03-25T16:15',
      time_zone: 'Asia/Kathmandu',
      utc_offset: '+05:45',
    });
    expect(line).toBe('Thu 25 Mar 2027, 14:45–16:15 — Kathmandu (Asia/Kathmandu, UTC+05:45)');
    expect(zoneCity('America/Argentina/Salta')).toBe('Salta');
    expect(zoneCity('America/Port_of_Spain')).toBe('Port of Spain');
  });

  it('gives the gap between Geneva and Kathmandu before and after Geneva changes its clocks', () => {
    expect(offsetGap('+01:00', '+05:45')).toBe('+4:45');
    expect(offsetGap('+02:00', '+05:45')).toBe('+3:45');
    expect(offsetGap('+05:45', '+01:00')).toBe('−4:45');
    expect(offsetGap('+06:30', '+06:30')).toBe('+0:00');
  });
});
