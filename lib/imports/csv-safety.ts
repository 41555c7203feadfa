// A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return hiding one) as a
// formula. Export prefixes such cells with a quote so they open as text; import takes one quote
// back off. Cells already starting with quotes before such a character get one more quote, so the
// pair is exact and an export imports back unchanged.
const RISKY = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return RISKY.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
