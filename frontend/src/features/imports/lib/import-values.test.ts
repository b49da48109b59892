import { formatOf, importKindsFor, mayUpsert, sortProblems } from './import-values';

describe('import values', () => {
  it('tells the format from the file name, whatever its case', () => {
    expect(formatOf('stakeholders.csv')).toBe('csv');
    expect(formatOf('Export.XLSX')).toBe('xlsx');
    expect(formatOf('rows.ndjson')).toBe('ndjson');
    expect(formatOf('rows.jsonl')).toBe('ndjson');
    expect(formatOf('rows.json')).toBe('json');
    expect(formatOf('notes.pdf')).toBeNull();
    expect(formatOf('no-extension')).toBeNull();
  });

  it('offers each role the kinds the server lets it import, in the page’s order', () => {
    const records = ['stakeholders', 'impediments', 'prep_items'];
    expect(importKindsFor('admin')).toEqual([...records, 'topics', 'wto_notifications', 'consultation_responses']);
    expect(importKindsFor('delegate')).toEqual([...records, 'consultation_responses']);
    expect(importKindsFor('focal_point')).toEqual([...records, 'consultation_responses']);
    expect(importKindsFor('analyst')).toEqual(['wto_notifications']);
    expect(importKindsFor('stakeholder')).toEqual([]);
    expect(importKindsFor('a-role-from-a-newer-server')).toEqual([]);
  });

  it('offers upsert only for a kind with external ids', () => {
    expect(mayUpsert('stakeholders')).toBe(true);
    expect(mayUpsert('impediments')).toBe(false);
    expect(mayUpsert('consultation_responses')).toBe(false);
  });

  it('orders problems by row, keeping one row’s problems in report order', () => {
    const p = (row: number, column: string) => ({ row, column, code: 'invalid', message: 'x' });
    expect(sortProblems([p(4, 'size_class'), p(3, 'country'), p(4, 'country')]).map((x) => `${x.row}:${x.column}`)).toEqual(
      ['3:country', '4:size_class', '4:country'],
    );
  });
});
