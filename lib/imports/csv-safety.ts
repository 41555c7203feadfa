// A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return hiding one) as a
// formula. Export prefixes such cells with a quote so they open as text; import takes one quote
// back off. Cells already starting with quotes before such a character get one more quote, so the
// pair is exact and an export imports back unchanged.
const RISKY = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

// Every cell passes through here, so the regular expressions run only on cells whose first
// character could start a match: ' = + - @ tab CR.
const QUOTE = 39;
function mayBeRisky(first: number): boolean {
  return first === QUOTE || first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

export function neutraliseCell(value: string): string {
  return mayBeRisky(value.charCodeAt(0)) && RISKY.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.charCodeAt(0) === QUOTE && NEUTRALISED.test(value) ? value.slice(1) : value;
}
