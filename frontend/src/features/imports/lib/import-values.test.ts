import { formatOf, mayUpsert, sortProblems } from './import-values';

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

  it('offers upsert only for a kind with external ids', () => {
    expect(mayUpsert('stakeholders')).toBe(true);
    expect(mayUpsert('impediments')).toBe(false);
  });

  it('orders problems by row, keeping one row’s problems in report order', () => {
    const p = (row: number, column: string) => ({ row, column, code: 'invalid', message: 'x' });
    expect(sortProblems([p(4, 'size_class'), p(3, 'country'), p(4, 'country')]).map((x) => `${x.row}:${x.column}`)).toEqual(
      ['3:country', '4:size_class', '4:country'],
    );
  });
});
