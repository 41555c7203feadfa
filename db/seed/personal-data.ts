import type { MarketCode } from "./context";
import type { Rng } from "./random";

// Values that look real to the redaction rules (valid checksums) but belong to nobody:
// e-mail domains are the reserved example domains, Swedish phone numbers come from the range PTS keeps for fiction.

const FIRST_NAMES = [
  "anna",
  "erik",
  "maria",
  "lars",
  "karin",
  "johan",
  "sara",
  "anders",
  "emma",
  "nils",
  "ingrid",
  "ola",
  "kari",
  "mats",
];
const LAST_NAMES = [
  "andersson",
  "johansson",
  "karlsson",
  "nilsson",
  "eriksson",
  "larsson",
  "olsen",
  "hansen",
  "berg",
  "lund",
  "holm",
  "strand",
];
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];

function digits(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => rng.int(0, 9)).join("");
}

/** Luhn check digit for the given digits (the check digit itself not yet appended). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Double every second digit counted from the right of the full number, i.e. from the payload's last digit.
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A Swedish personal identity number, YYMMDD-NNNC, with a valid check digit. */
export function personnummer(rng: Rng): string {
  const year = rng.int(1950, 2000);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const date = `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
  const serial = digits(rng, 3);
  const check = luhnCheckDigit(date + serial);
  return rng.chance(0.3) ? `${String(year).slice(0, 2)}${date}-${serial}${check}` : `${date}-${serial}${check}`;
}

function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return String(98 - Number(BigInt(rearranged) % 97n)).padStart(2, "0");
}

/** A Swedish (24 characters) or Norwegian (15 characters, with its national mod-11 digit) IBAN. */
export function iban(rng: Rng, market: MarketCode): string {
  let bban: string;
  if (market === "SE") {
    bban = rng.pick(["500", "600", "800", "300"]) + digits(rng, 17);
  } else {
    for (;;) {
      const body = digits(rng, 10);
      const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
      const rest = weights.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11;
      const check = rest === 0 ? 0 : 11 - rest;
      if (check === 10) continue;
      bban = body + check;
      break;
    }
  }
  const full = `${market}${ibanCheckDigits(market, bban)}${bban}`;
  return full.replace(/(.{4})/g, "$1 ").trim();
}

export function phoneNumber(rng: Rng, market: MarketCode): string {
  if (market === "NO") return `+47 ${rng.int(400, 999)} ${digits(rng, 2)} ${digits(rng, 3)}`;
  const last = String(rng.int(5, 99)).padStart(2, "0");
  return rng.chance(0.5) ? `070-174 06 ${last}` : `+46 70 174 06 ${last}`;
}

export function emailAddress(rng: Rng): string {
  const suffix = rng.chance(0.5) ? String(rng.int(50, 99)) : "";
  return `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}${suffix}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** A 16-digit Visa-style card number with a valid Luhn digit, grouped in fours. */
export function cardNumber(rng: Rng): string {
  const payload = `4${digits(rng, 14)}`;
  const full = payload + luhnCheckDigit(payload);
  return full.replace(/(.{4})/g, "$1 ").trim();
}
