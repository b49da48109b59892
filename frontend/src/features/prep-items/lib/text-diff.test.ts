import { diffParts, diffSummary } from './text-diff';

describe('the text diff', () => {
  it('merges adjacent runs of the same kind and drops empty ones', () => {
    expect(
      diffParts([
        { op: 'equal', text: 'Members ' },
        { op: 'equal', text: 'shall ' },
        { op: 'delete', text: 'not ' },
        { op: 'insert', text: '' },
        { op: 'insert', text: 'refrain ' },
        { op: 'insert', text: 'from ' },
        { op: 'equal', text: 'grant' },
      ]),
    ).toEqual([
      { kind: 'equal', text: 'Members shall ' },
      { kind: 'delete', text: 'not ' },
      { kind: 'insert', text: 'refrain from ' },
      { kind: 'equal', text: 'grant' },
    ]);
  });

  it('drops an operation it does not know rather than showing it as unchanged', () => {
    expect(diffParts([{ op: 'replace', text: 'x' }, { op: 'equal', text: 'y' }])).toEqual([{ kind: 'equal', text: 'y' }]);
  });

  it('counts the words added and removed', () => {
    const parts = diffParts([
      { op: 'delete', text: 'three old words ' },
      { op: 'insert', text: 'two new' },
      { op: 'equal', text: 'same text here' },
    ]);
    expect(diffSummary(parts)).toEqual({ inserted: 2, deleted: 3 });
  });
});
