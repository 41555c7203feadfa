// Numbers as people and spreadsheets write them; small enough for the browser's form validation too.

/** Whole numbers as spreadsheets write them: "1 234 567", "1,234,567" (not with a comma delimiter) or "1234567". */
export function parsePurchases(raw: string, delimiter: string): number | null {
  let text = raw.replace(/[\s\u00a0\u202f_']/g, "");
  if (delimiter !== "," && /^\d{1,3}(,\d{3})+$/.test(text)) text = text.replace(/,/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** A whole number as a person types it into a form: "4 900 000", "4,900,000", "4.900.000" or "4900000". */
export function parseWholeNumber(raw: string): number | null {
  return parsePurchases(raw.trim(), "");
}
