import { describe, expect, it } from "vitest";
import {
  cprValid,
  fodselsnummerValid,
  henkilotunnusValid,
  ibanValid,
  luhnValid,
  personnummerDateValid,
  personnummerValid,
  steuerIdValid,
} from "./checksums";
import { findPersonalData, hasPersonalData, redactText } from "./redact";

describe("checksums", () => {
  it("validates Luhn", () => {
    expect(luhnValid("8112189876")).toBe(true);
    expect(luhnValid("8112189875")).toBe(false);
    expect(luhnValid("4111111111111111")).toBe(true);
  });
  it("validates IBANs by mod 97", () => {
    expect(ibanValid("SE45 5000 0000 0583 9825 7466")).toBe(true);
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanValid("NO9386011117947")).toBe(true);
    expect(ibanValid("SE45 5000 0000 0583 9825 7467")).toBe(false);
  });
  it("validates Swedish personal identity numbers by date, and strictly by check digit", () => {
    expect(personnummerValid("8112189876")).toBe(true);
    expect(personnummerValid("198112189876")).toBe(true);
    expect(personnummerValid("8112189877")).toBe(false);
    expect(personnummerDateValid("8112189877")).toBe(true);
    expect(personnummerDateValid("8113189876")).toBe(false); // month 13
    expect(personnummerDateValid("8102301234")).toBe(false); // 30 February
    expect(personnummerValid("7010632391")).toBe(true); // day 63 = coordination number
    expect(personnummerDateValid("171201011234")).toBe(false); // no such century
  });
  it("validates the other markets' identity numbers by their own rules", () => {
    expect(fodselsnummerValid("01018010018")).toBe(true);
    expect(fodselsnummerValid("01018010019")).toBe(false);
    expect(cprValid("0707614285", true)).toBe(true);
    expect(cprValid("3207614285", true)).toBe(false);
    expect(henkilotunnusValid("131052-308T")).toBe(true);
    expect(henkilotunnusValid("131052-308U")).toBe(false);
    expect(steuerIdValid("86095742719")).toBe(true);
    expect(steuerIdValid("86095742718")).toBe(false);
    expect(steuerIdValid("12345678903")).toBe(false); // no digit repeated
  });
});

// [text, what it must read as]: every spelling a customer or a case handler writes.
const POSITIVES: [string, string][] = [
  // Swedish personal identity numbers, check digit right or wrong, with a real date.
  ["Mitt personnummer är 811218-9876.", "Mitt personnummer är [personal number]."],
  ["pnr 19811218-9876 ok", "pnr [personal number] ok"],
  ["pnr 198112189876", "pnr [personal number]"],
  ["pnr 8112189876", "pnr [personal number]"],
  ["born 811218+9876", "born [personal number]"],
  ["pnr 811218 9876", "pnr [personal number]"],
  ["pnr 19800101-1234 (fel kontrollsiffra)", "pnr [personal number] (fel kontrollsiffra)"],
  ["pnr 800101-1234", "pnr [personal number]"],
  ["pnr 1980 01 01-1234", "pnr [personal number]"],
  ["samordningsnummer 701063-2391", "samordningsnummer [personal number]"],
  ["samordningsnummer 701063-2399", "samordningsnummer [personal number]"],
  // Other markets.
  ["fødselsnummer 010180 10018", "fødselsnummer [personal number]"],
  ["fnr 01018010018", "fnr [personal number]"],
  ["CPR 070761-4285", "CPR [personal number]"],
  ["CPR-nr. 0707614285", "CPR-nr. [personal number]"],
  ["hetu 131052-308T.", "hetu [personal number]."],
  ["henkilötunnus 010101A123N", "henkilötunnus [personal number]"],
  ["Steuer-ID 86095742719", "Steuer-ID [personal number]"],
  ["IdNr 86 095 742 719", "IdNr [personal number]"],
  // E-mail.
  ["Write to anna.lind+klarna@example.se now", "Write to [email] now"],
  ["åsa@företag.se", "[email]"],
  ["<ZORRO.KVIST@EXAMPLE.COM>", "<[email]>"],
  // Phones.
  ["Ring 070-123 45 67 idag", "Ring [phone] idag"],
  ["call +46 70 123 45 67.", "call [phone]."],
  ["tel 08-123 456 78", "tel [phone]"],
  ["tel 0046701234567", "tel [phone]"],
  ["tel 0731234567", "tel [phone]"],
  // Ten bare digits with a real date (0701234567) read as a personal number: either way it is masked.
  ["tel 0701234567", "tel [personal number]"],
  ["tel +46 (0)70-123 45 67", "tel [phone]"],
  ["mobil +47 912 34 567", "mobil [phone]"],
  ["Handy +49 30 123456", "Handy [phone]"],
  ["puh. +358 40 1234567", "puh. [phone]"],
  // Cards.
  ["card 4111 1111 1111 1111 was charged", "card [card number] was charged"],
  ["card 4111-1111-1111-1111", "card [card number]"],
  ["card 5555555555554444", "card [card number]"],
  ["amex 3782 822463 10005", "amex [card number]"],
  // IBANs.
  ["IBAN SE45 5000 0000 0583 9825 7466 please", "IBAN [IBAN] please"],
  ["to GB82WEST12345698765432.", "to [IBAN]."],
  ["konto NO93 8601 1117 947 TACK", "konto [IBAN] TACK"],
  // Customer references.
  ["kund CUST-482913 ringde", "kund [customer reference] ringde"],
  ["kund cust482913", "kund [customer reference]"],
  // Several kinds at once.
  [
    "Jag (811218-9876, anna@example.com, 070-1234567) betalade med 4111111111111111.",
    "Jag ([personal number], [email], [phone]) betalade med [card number].",
  ],
];

// Numbers that look like personal data but are not: they stay readable.
const LOOK_ALIKES = [
  "Organisationsnummer 556703-4567",
  "org.nr 5567034567",
  "order 811218-9877 from the shop",
  "ordernummer 19800101-1234",
  "faktura 4111111111111111",
  "invoice 1234567890",
  "OCR 123456789012345678",
  "OCR-nummer 4111 1111 1111 1111",
  "On 2019-05-06 I paid 1 500 kr (order 4471) in 2018.",
  "den 06.05.2019 kl 10:30",
  "belopp 12 345,50 kr",
  "1 500 000 kr",
  "SEK 2500",
  "Postnummer 114 55 Stockholm",
  "SE-114 55 Stockholm",
  "0000-01-01",
  "ref 4111 1111 1111 1112",
  "code SE45 5000 0000 0583 9825 7467",
  "Steuer-ID 12345678903",
  "version 1.2.3",
];

describe("redactText", () => {
  it.each(POSITIVES)("redacts %s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each(LOOK_ALIKES)("keeps %s readable", (text) => {
    expect(redactText(text)).toBe(text);
    expect(hasPersonalData(text)).toBe(false);
  });

  it("finds a complaint's own customer reference however it is written", () => {
    expect(redactText("ref AB/77-1 i ärendet", { customerRefs: ["AB/77-1"] })).toBe(
      "ref [customer reference] i ärendet",
    );
  });

  it("reports where each piece sits, so a search hit can be tested against it", () => {
    const text = "mail a@b.se or 070-123 45 67";
    expect(findPersonalData(text)).toEqual([
      { start: 5, end: 11, kind: "email" },
      { start: 15, end: 28, kind: "phone" },
    ]);
  });
});
