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

/** Whether day/month exist in some year: without the century, 29 February counts as existing. */
export function dateExists(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year == null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  // month is 1..12 here (checked above).
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * A Swedish personal identity (or coordination) number's date: YYMMDD or YYYYMMDD, then four digits.
 * Coordination numbers add 60 to the day. The check digit is not required: a customer's mistyped
 * number is still their personal data, and the date alone tells it from other ten-digit numbers.
 */
export function personnummerDateValid(digits: string): boolean {
  if (digits.length !== 10 && digits.length !== 12) return false;
  const century = digits.length === 12 ? digits.slice(0, 2) : null;
  if (century && !["18", "19", "20"].includes(century)) return false;
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  const year = century ? Number(century + ten.slice(0, 2)) : null;
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60;
  return dateExists(year, Number(ten.slice(2, 4)), day);
}

/** A Swedish personal identity number with its Luhn check digit right (the stricter test). */
export function personnummerValid(digits: string): boolean {
  if (!personnummerDateValid(digits)) return false;
  return luhnValid(digits.length === 12 ? digits.slice(2) : digits);
}

function weightedMod11(digits: string, weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11;
}

/**
 * Norwegian fødselsnummer (DDMMYYIIIKK): a date (D-numbers add 40 to the day, H-numbers 40 to the
 * month) and two mod-11 check digits.
 */
export function fodselsnummerValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let day = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  if (day > 40) day -= 40;
  if (month > 40) month -= 40;
  if (!dateExists(null, month, day)) return false;
  const k1 = (11 - weightedMod11(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2])) % 11;
  const k2 = (11 - weightedMod11(digits, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11;
  return k1 !== 10 && k2 !== 10 && k1 === Number(digits[9]) && k2 === Number(digits[10]);
}

/**
 * Danish CPR number (DDMMYY-SSSS). Since 2007 not every CPR number passes the old mod-11 test, so
 * the dashed form needs only a real date; the bare ten digits must also pass mod 11, or every
 * ten-digit order number with a date-like start would be taken for one.
 */
export function cprValid(digits: string, dashed: boolean): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  if (!dateExists(null, Number(digits.slice(2, 4)), Number(digits.slice(0, 2)))) return false;
  return dashed || weightedMod11(digits, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) === 0;
}

const HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const HETU_CENTURY: Record<string, number> = { "+": 1800, "-": 1900, A: 2000 };

/** Finnish henkilötunnus (DDMMYYCZZZQ): a date, a century sign, and a mod-31 check character. */
export function henkilotunnusValid(id: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/i.exec(id);
  if (!m) return false;
  // Every group is mandatory: a match has all six (the defaults are never used).
  const [, day = "", month = "", year = "", signChar = "", serial = "", check = ""] = m;
  const sign = signChar.toUpperCase();
  const century = HETU_CENTURY[sign] ?? ("BCDEF".includes(sign) ? 2000 : 1900);
  if (!dateExists(century + Number(year), Number(month), Number(day))) return false;
  return HETU_CHECK[Number(day + month + year + serial) % 31] === check.toUpperCase();
}

/**
 * German tax identification number (Steuer-IdNr): eleven digits, no leading zero, one digit of the
 * first ten used twice or three times and no other repeated, and an ISO 7064 mod 11,10 check digit.
 */
export function steuerIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (const d of digits.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}
