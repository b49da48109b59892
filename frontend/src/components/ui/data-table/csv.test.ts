import { buildCsv, csvCell, csvFileName } from './csv';

describe('buildCsv', () => {
  it('starts with a BOM, ends rows with CRLF and quotes what needs quoting', () => {
    const csv = buildCsv(
      ['Title', 'Partner', 'Severity'],
      [
        ['Shrimp, frozen', 'European Union (EU)', 4],
        ['Said "no"', 'Viet Nam (VNM)', null],
        ['Two\nlines', 'Nepal (NPL)', 1],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe(
      'Title,Partner,Severity\r\n' +
        '"Shrimp, frozen",European Union (EU),4\r\n' +
        '"Said ""no""",Viet Nam (VNM),\r\n' +
        '"Two\nlines",Nepal (NPL),1\r\n',
    );
  });

  it('keeps names in any script', () => {
    expect(buildCsv(['Name'], [['বাংলাদেশ চা বোর্ড']])).toBe('\uFEFFName\r\nবাংলাদেশ চা বোর্ড\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(csvCell('+1-555')).toBe("'+1-555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers as numbers, negative ones included, and writes nothing for null', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('quotes text with leading or trailing spaces so they survive', () => {
    expect(csvCell(' padded ')).toBe('" padded "');
  });
});

describe('csvFileName', () => {
  it('names the file after the list and the date', () => {
    expect(csvFileName('impediments', new Date(2026, 2, 4, 23, 59))).toBe('impediments-2026-03-04.csv');
  });
});
