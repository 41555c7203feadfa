/** Luhn (mod 10) over a string of digits: Swedish personal identity numbers and card numbers use it. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * A Swedish personal identity (or coordination) number: YYMMDD or YYYYMMDD, then four digits whose
 * last is the Luhn check over the ten-digit form. Coordination numbers add 60 to the day.
 */
export function personnummerValid(digits: string): boolean {
  if (digits.length !== 10 && digits.length !== 12) return false;
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (digits.length === 12 && !["18", "19", "20"].includes(digits.slice(0, 2))) return false;
  return luhnValid(ten);
}
