import { findPhoneNumbersInText } from "libphonenumber-js";
import {
  cprValid,
  fodselsnummerValid,
  henkilotunnusValid,
  ibanValid,
  luhnValid,
  personnummerDateValid,
  steuerIdValid,
} from "./checksums";

export const REDACTED = {
  email: "[email]",
  iban: "[IBAN]",
  card: "[card number]",
  personnummer: "[personal number]",
  phone: "[phone]",
  customerRef: "[customer reference]",
} as const;

export type PersonalDataKind = keyof typeof REDACTED;

/** Where a piece of personal data sits in a text: [start, end) in UTF-16 units, as String.slice. */
export type PersonalDataSpan = { start: number; end: number; kind: PersonalDataKind };

// Letters and digits must not run on into the match on either side, or we would cut numbers in half.
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Compact (SE4550000000058398257466) or printed in groups of four (SE45 5000 0000 0583 9825 7466).
const IBAN = new RegExp(
  `${B}[A-Za-z]{2}\\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?)${E}`,
  "gu",
);
// The product's own customer references (CUST-123456), wherever they are written out.
const CUSTOMER_REF = new RegExp(`${B}CUST-?\\d{4,}${E}`, "giu");
// Swedish: 19811218-9876, 811218-9876, 811218+9876, 811218 9876, 8112189876, 198112189876, 1981 12 18-9876.
const SWEDISH_ID = new RegExp(`${B}(?:(?:18|19|20)\\d{2}|\\d{2})[ .-]?\\d{2}[ .-]?\\d{2}[-+ ]?\\d{4}${E}`, "gu");
// Norwegian DDMMYY IIIKK and German tax ids written out in groups (12 345 678 901) or bare.
const ELEVEN_DIGITS = new RegExp(`${B}(?:\\d{6} ?\\d{5}|\\d{2} \\d{3} \\d{3} \\d{3})${E}`, "gu");
// Danish DDMMYY-SSSS and bare.
const CPR = new RegExp(`${B}\\d{6}(-?)\\d{4}${E}`, "gu");
// Finnish DDMMYYCZZZQ.
const HETU = new RegExp(`${B}\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y]${E}`, "giu");
// 13–19 digits, optionally grouped by single spaces or dashes, starting as a card scheme does (2–6).
const CARD = new RegExp(`${B}[2-6](?:[ -]?\\d){12,18}${E}`, "gu");
// A number labelled as something else (order, invoice, OCR, organisation number) is not personal data.
const LABELLED =
  /(?:order|ordernr|ordernummer|invoice|faktura|fakturanr|fakturanummer|ocr|ocr-nummer|referens|reference|org\.?\s?nr|organisationsnummer|ärende|case)[\s.:#-]*(?:no\.?|nr\.?|nummer|number)?[\s.:#-]*$/i;
// Dates printed with a leading zero look like national phone numbers to the phone parser.
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

function digitsOf(s: string): string {
  return s.replace(/\D/g, "");
}

type Collect = (start: number, end: number, kind: PersonalDataKind) => void;

function scan(
  text: string,
  re: RegExp,
  accept: (match: RegExpExecArray) => boolean,
  kind: PersonalDataKind,
  add: Collect,
) {
  for (const m of text.matchAll(re)) {
    if (accept(m)) add(m.index, m.index + m[0].length, kind);
  }
}

function labelled(text: string, at: number): boolean {
  return LABELLED.test(text.slice(Math.max(0, at - 30), at));
}

export type DetectOptions = {
  /** Customer references known to belong to the text's complaint, found however written. */
  customerRefs?: (string | null | undefined)[];
};

/**
 * Finds the personal data in free text: identity numbers of the product's markets (Swedish personal
 * and coordination numbers by their date, whatever the check digit; Norwegian, Danish, Finnish and
 * German ones by their own rules), e-mail addresses, phone numbers (libphonenumber, Swedish national
 * and international forms), card numbers (Luhn), IBANs (mod 97) and customer references. Spans do
 * not overlap; where two rules claim the same characters the earlier rule wins.
 */
export function findPersonalData(text: string, options: DetectOptions = {}): PersonalDataSpan[] {
  if (!text) return [];
  const spans: PersonalDataSpan[] = [];
  const add: Collect = (start, end, kind) => {
    if (spans.some((s) => start < s.end && end > s.start)) return;
    spans.push({ start, end, kind });
  };
  scan(text, EMAIL, () => true, "email", add);
  for (const ref of options.customerRefs ?? []) {
    if (!ref || ref.length < 3) continue;
    const lower = text.toLowerCase();
    const needle = ref.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      add(at, at + needle.length, "customerRef");
    }
  }
  scan(text, CUSTOMER_REF, () => true, "customerRef", add);
  for (const m of text.matchAll(IBAN)) {
    if (ibanValid(m[0])) add(m.index, m.index + m[0].length, "iban");
    else {
      // A grouped IBAN may have swallowed a following four-letter word: try without the last group.
      const shorter = m[0].replace(/ [A-Za-z0-9]{1,4}$/, "");
      if (shorter !== m[0] && ibanValid(shorter)) add(m.index, m.index + shorter.length, "iban");
    }
  }
  const free = (m: RegExpExecArray) => !labelled(text, m.index);
  scan(text, HETU, (m) => henkilotunnusValid(m[0]), "personnummer", add);
  scan(text, SWEDISH_ID, (m) => free(m) && personnummerDateValid(digitsOf(m[0])), "personnummer", add);
  scan(
    text,
    ELEVEN_DIGITS,
    (m) => free(m) && (fodselsnummerValid(digitsOf(m[0])) || steuerIdValid(digitsOf(m[0]))),
    "personnummer",
    add,
  );
  scan(text, CPR, (m) => free(m) && cprValid(digitsOf(m[0]), m[1] === "-"), "personnummer", add);
  scan(
    text,
    CARD,
    (m) => {
      const digits = digitsOf(m[0]);
      return free(m) && digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
    },
    "card",
    add,
  );
  findPhones(text, spans, add);
  return spans.sort((a, b) => a.start - b.start);
}

function findPhones(text: string, found: PersonalDataSpan[], add: Collect) {
  // Hide what is already found (same length, so offsets hold) so the parser cannot read it again.
  let masked = text;
  for (const s of found) masked = masked.slice(0, s.start) + "x".repeat(s.end - s.start) + masked.slice(s.end);
  for (const hit of findPhoneNumbersInText(masked, { defaultCountry: "SE" })) {
    const raw = text.slice(hit.startsAt, hit.endsAt);
    // International (+46…, 0046…) or national with its trunk zero: a bare group of digits is an amount.
    if (!/^[+(]|^0/.test(raw.trim())) continue;
    if (DATE_LIKE.test(raw.trim())) continue;
    const digits = digitsOf(raw);
    if (digits.length < 7 || digits.length > 17) continue;
    if (labelled(text, hit.startsAt)) continue;
    add(hit.startsAt, hit.endsAt, "phone");
  }
}

/** Replaces every span with its placeholder. */
export function applyRedaction(text: string, spans: PersonalDataSpan[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + REDACTED[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}

/** Free text with every piece of personal data replaced by a placeholder naming its kind. */
export function redactText(text: string, options: DetectOptions = {}): string {
  if (!text) return text;
  const spans = findPersonalData(text, options);
  return spans.length ? applyRedaction(text, spans) : text;
}

/** Whether the text holds any personal data at all (a search term, a stored message). */
export function hasPersonalData(text: string, options: DetectOptions = {}): boolean {
  return findPersonalData(text, options).length > 0;
}
