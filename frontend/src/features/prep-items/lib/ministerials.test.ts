import { currentMinisterial } from './ministerials';

const conferences = [
  { code: 'MC13', starts_on: '2024-02-26' },
  { code: 'MC12', starts_on: '2022-06-12' },
  { code: 'MC14', starts_on: '2026-03-26' },
];

describe('the conference the tracker opens on', () => {
  it('is the next to start', () => {
    expect(currentMinisterial(conferences, '2025-01-01')).toBe('MC14');
  });

  it('else the most recent', () => {
    expect(currentMinisterial(conferences, '2026-11-30')).toBe('MC14');
    expect(currentMinisterial(conferences.slice(0, 2), '2026-11-30')).toBe('MC13');
  });

  it('else the first listed, or none', () => {
    expect(currentMinisterial([{ code: 'MC15' }])).toBe('MC15');
    expect(currentMinisterial([])).toBeUndefined();
  });
});
