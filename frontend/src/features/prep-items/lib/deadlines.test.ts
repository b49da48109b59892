import { addDays, deadlineState, dueWithin, isOverdue, todayIso } from './deadlines';

describe('deadlines', () => {
  it("reads today as the user's calendar date", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('marks an open item overdue only after its deadline day', () => {
    expect(isOverdue('2026-11-29', 'drafting', '2026-11-30')).toBe(true);
    expect(isOverdue('2026-11-30', 'drafting', '2026-11-30')).toBe(false);
    expect(isOverdue(null, 'drafting', '2026-11-30')).toBe(false);
  });

  it('never marks a final item overdue', () => {
    expect(isOverdue('2020-01-01', 'outcome_recorded', '2026-11-30')).toBe(false);
    expect(isOverdue('2020-01-01', 'withdrawn', '2026-11-30')).toBe(false);
  });

  it('tells overdue, due soon, later, none and closed apart', () => {
    const today = '2026-11-30';
    expect(deadlineState('2026-11-29', 'identified', today)).toBe('overdue');
    expect(deadlineState('2026-11-30', 'identified', today)).toBe('due_soon');
    expect(deadlineState('2026-12-07', 'identified', today)).toBe('due_soon');
    expect(deadlineState('2026-12-08', 'identified', today)).toBe('later');
    expect(deadlineState(undefined, 'identified', today)).toBe('none');
    expect(deadlineState('2026-11-01', 'withdrawn', today)).toBe('closed');
  });

  it('lists the open items due this week and the overdue ones, soonest first', () => {
    const items = [
      { id: 'later', deadline: '2026-12-20', status: 'drafting' },
      { id: 'friday', deadline: '2026-12-04', status: 'drafting' },
      { id: 'late', deadline: '2026-11-20', status: 'capital_review' },
      { id: 'done', deadline: '2026-12-01', status: 'outcome_recorded' },
      { id: 'none', deadline: null, status: 'drafting' },
      { id: 'today', deadline: '2026-11-30', status: 'identified' },
    ];
    expect(dueWithin(items, '2026-11-30').map((item) => item.id)).toEqual(['late', 'today', 'friday']);
  });
});
