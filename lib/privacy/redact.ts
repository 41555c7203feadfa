import { ibanValid, luhnValid, personnummerValid } from "./checksums";

export const REDACTED = {
  email: "[email]",
  iban: "[IBAN]",
  card: "[card number]",
  personnummer: "[personal number]",
  phone: "[phone]",
} as const;

// Digits must not run on into the match on either side, or we would cut numbers in half.
const NOT_DIGIT_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_DIGIT_AFTER = "(?![\\p{L}\\p{N}])";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Compact (SE4550000000058398257466) or printed in groups of four (SE45 5000 0000 0583 9825 7466).
const IBAN = new RegExp(
  `${NOT_DIGIT_BEFORE}[A-Za-z]{2}\\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?)${NOT_DIGIT_AFTER}`,
  "gu",
);
// 13–19 digits, optionally grouped by single spaces or dashes.
const CARD = new RegExp(`${NOT_DIGIT_BEFORE}\\d(?:[ -]?\\d){12,18}${NOT_DIGIT_AFTER}`, "gu");
// 199001011234, 19900101-1234, 900101-1234, 900101+1234 (over 100 years old), 9001011234.
const PERSONNUMMER = new RegExp(`${NOT_DIGIT_BEFORE}(?:\\d{2})?\\d{6}[-+ ]?\\d{4}${NOT_DIGIT_AFTER}`, "gu");
// International (+46 70 123 45 67, 0046…) or national with a trunk zero (070-123 45 67, 08-123 456 78).
const PHONE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}+])\\+|${NOT_DIGIT_BEFORE}(?=0))[\\d()][\\d ()-]{5,18}\\d${NOT_DIGIT_AFTER}`,
  "gu",
);

function digitsOf(s: string): string {
  return s.replace(/\D/g, "");
}

function replaceIban(text: string): string {
  return text.replace(IBAN, (match) => {
    if (ibanValid(match)) return REDACTED.iban;
    // A grouped IBAN may have swallowed a following four-letter word: try without the last group.
    const shorter = match.replace(/ [A-Za-z0-9]{1,4}$/, "");
    if (shorter !== match && ibanValid(shorter)) return REDACTED.iban + match.slice(shorter.length);
    return match;
  });
}

/**
 * Removes personal data from free text: Swedish personal identity numbers (checksum-verified),
 * e-mail addresses, phone numbers, card numbers (Luhn) and IBANs (mod 97). Numbers that fail their
 * checksum are left alone, so order numbers and amounts stay readable.
 */
export function redactText(text: string): string {
  if (!text) return text;
  let out = text.replace(EMAIL, REDACTED.email);
  out = replaceIban(out);
  out = out.replace(CARD, (match) => {
    const digits = digitsOf(match);
    return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) ? REDACTED.card : match;
  });
  out = out.replace(PERSONNUMMER, (match) => (personnummerValid(digitsOf(match)) ? REDACTED.personnummer : match));
  out = out.replace(PHONE, (match) => {
    const digits = digitsOf(match);
    return digits.length >= 7 && digits.length <= 15 ? REDACTED.phone : match;
  });
  return out;
}

type Redactable = { customerRef?: string | null; summary?: string | null; narrative?: string | null };

/** A complaint as a product manager may see it: no customer reference, personal data cut from the text. */
export function redactComplaint<T extends Redactable>(row: T): T {
  const out = { ...row };
  if ("customerRef" in out) out.customerRef = null;
  if (typeof out.summary === "string") out.summary = redactText(out.summary);
  if (typeof out.narrative === "string") out.narrative = redactText(out.narrative);
  return out;
}
