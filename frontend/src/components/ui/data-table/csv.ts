// A CSV file a spreadsheet opens correctly: UTF-8 with a byte-order mark (so Excel reads non-Latin
// names), CRLF line ends, every cell quoted when it needs to be, and text that a spreadsheet would run
// as a formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe, so an
// exported field can never execute (CSV injection).

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: empty for null, an apostrophe before a would-be formula, quoted if needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers stay numbers (a negative count is not a formula); text is neutralised.
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a BOM, the header row, then one row per record. */
export function buildCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `impediments-2026-03-14.csv`: the list's name and the local date of the export. */
export function csvFileName(list: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${list}-${date}.csv`;
}
