import i18n from '@/lib/i18n';

import { targetFacts } from './evidence-target';

const names = { country: (c: string) => `country ${c}`, partner: (c: string) => `partner ${c}` };

describe("an impediment target's facts", () => {
  it('names status, severity, country and partner', () => {
    const t = i18n.t.bind(i18n);
    const facts = targetFacts(t, { status: 'validated', severity: 4, country: 'BGD', partner: 'IND' }, names);
    expect(facts[0]).toBe('Status: Validated');
    expect(facts[1]).toMatch(/^4/);
    expect(facts.slice(2)).toEqual(['from country BGD', 'Partner partner IND']);
  });

  it('shows an unknown status as it came and leaves absent facts out', () => {
    const t = i18n.t.bind(i18n);
    expect(targetFacts(t, { status: 'archived' }, names)).toEqual(['Status: archived']);
    expect(targetFacts(t, {}, names)).toEqual([]);
  });
});
