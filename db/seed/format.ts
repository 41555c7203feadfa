/** 12499 → "12 499", by hand so demo texts do not depend on the runtime's locale data. */
export function groupThousands(amount: number, separator = " "): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
