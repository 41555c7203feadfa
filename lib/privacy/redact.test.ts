import { describe, expect, it } from "vitest";
import { ibanValid, luhnValid, personnummerValid } from "./checksums";
import { redactComplaint, redactText } from "./redact";

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
  it("validates personal identity numbers, including coordination numbers", () => {
    expect(personnummerValid("8112189876")).toBe(true);
    expect(personnummerValid("198112189876")).toBe(true);
    expect(personnummerValid("8112189877")).toBe(false);
    expect(personnummerValid("8113189876")).toBe(false); // month 13
    expect(personnummerValid("7010632391")).toBe(true); // day 63 = coordination number
  });
});

describe("redactText", () => {
  it.each([
    ["Mitt personnummer är 811218-9876.", "Mitt personnummer är [personal number]."],
    ["pnr 19811218-9876 ok", "pnr [personal number] ok"],
    ["pnr 198112189876", "pnr [personal number]"],
    ["pnr 8112189876", "pnr [personal number]"],
    ["born 811218+9876", "born [personal number]"],
  ])("redacts Swedish personal identity numbers: %s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("leaves numbers that fail the checksum", () => {
    expect(redactText("order 811218-9877 from the shop")).toBe("order 811218-9877 from the shop");
    expect(redactText("invoice 1234567890")).toBe("invoice 1234567890");
  });

  it("redacts e-mail addresses", () => {
    expect(redactText("Write to anna.lind+klarna@example.se now")).toBe("Write to [email] now");
    expect(redactText("åsa@företag.se")).toBe("[email]");
  });

  it("redacts phone numbers in Swedish and international forms", () => {
    expect(redactText("Ring 070-123 45 67 idag")).toBe("Ring [phone] idag");
    expect(redactText("call +46 70 123 45 67.")).toBe("call [phone].");
    expect(redactText("tel 08-123 456 78")).toBe("tel [phone]");
    expect(redactText("tel 0046701234567")).toBe("tel [phone]");
  });

  it("keeps dates, amounts and years readable", () => {
    const text = "On 2019-05-06 I paid 1 500 kr (order 4471) in 2018.";
    expect(redactText(text)).toBe(text);
  });

  it("redacts card numbers that pass Luhn, grouped or not", () => {
    expect(redactText("card 4111 1111 1111 1111 was charged")).toBe("card [card number] was charged");
    expect(redactText("card 4111-1111-1111-1111")).toBe("card [card number]");
    expect(redactText("card 5555555555554444")).toBe("card [card number]");
    expect(redactText("ref 4111 1111 1111 1112")).toBe("ref 4111 1111 1111 1112");
  });

  it("redacts IBANs that pass mod 97", () => {
    expect(redactText("IBAN SE45 5000 0000 0583 9825 7466 please")).toBe("IBAN [IBAN] please");
    expect(redactText("to GB82WEST12345698765432.")).toBe("to [IBAN].");
    expect(redactText("konto NO93 8601 1117 947 TACK")).toBe("konto [IBAN] TACK");
    expect(redactText("code SE45 5000 0000 0583 9825 7467")).not.toContain("[IBAN]");
  });

  it("redacts several kinds in one narrative", () => {
    const text = "Jag (811218-9876, anna@example.com, 070-1234567) betalade med 4111111111111111.";
    expect(redactText(text)).toBe("Jag ([personal number], [email], [phone]) betalade med [card number].");
  });
});

describe("redactComplaint", () => {
  it("hides the customer reference and redacts the text fields only", () => {
    const row = {
      id: "x",
      customerRef: "CUST-1",
      summary: "Mail me at a@b.se",
      narrative: "pnr 811218-9876",
      market: "SE",
    };
    expect(redactComplaint(row)).toEqual({
      id: "x",
      customerRef: null,
      summary: "Mail me at [email]",
      narrative: "pnr [personal number]",
      market: "SE",
    });
    expect(row.customerRef).toBe("CUST-1");
  });
  it("keeps a missing narrative missing", () => {
    expect(redactComplaint({ summary: "s", narrative: null, customerRef: null })).toEqual({
      summary: "s",
      narrative: null,
      customerRef: null,
    });
  });
});
