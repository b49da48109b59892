import { needsAttention, orderRows } from './alignment-values';

const row = (code: string, status: string, concern: number) => ({ topic: { code }, status, concern });

describe('the alignment report order', () => {
  it('lists blind spots and unsupported positions first, by concern', () => {
    const rows = [
      row('AG', 'covered', 9),
      row('FISH', 'blind_spot', 4),
      row('SCM', 'quiet', 0),
      row('ECOM', 'unsupported', 1),
      row('NAMA', 'blind_spot', 7),
      row('MA', 'odd', 1),
    ];
    expect(orderRows(rows).map((r) => r.topic.code)).toEqual(['NAMA', 'FISH', 'ECOM', 'AG', 'SCM', 'MA']);
  });

  it('breaks ties by topic code', () => {
    expect(orderRows([row('B', 'covered', 1), row('A', 'covered', 1)]).map((r) => r.topic.code)).toEqual(['A', 'B']);
  });

  it('names what needs attention', () => {
    expect(needsAttention('blind_spot')).toBe(true);
    expect(needsAttention('unsupported')).toBe(true);
    expect(needsAttention('covered')).toBe(false);
  });
});
