import { carriesText, inWorkflowOrder, isFinalStatus } from './prep-values';

describe('prep item values', () => {
  it('knows which kinds carry a text', () => {
    expect(carriesText('proposal')).toBe(true);
    expect(carriesText('declaration_text')).toBe(true);
    expect(carriesText('position')).toBe(false);
    expect(carriesText('decision')).toBe(false);
  });

  it('knows the final statuses', () => {
    expect(isFinalStatus('outcome_recorded')).toBe(true);
    expect(isFinalStatus('withdrawn')).toBe(true);
    expect(isFinalStatus('tabled')).toBe(false);
  });

  it('orders statuses along the workflow, unknown ones last', () => {
    const ordered = inWorkflowOrder([{ status: 'x' }, { status: 'tabled' }, { status: 'identified' }]);
    expect(ordered.map((s) => s.status)).toEqual(['identified', 'tabled', 'x']);
  });
});
