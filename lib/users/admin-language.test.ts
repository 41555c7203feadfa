import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { type Actor, CLI_ACTOR } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import { exportIdOf } from "@/lib/exports/view";
import type { Locale } from "@/lib/i18n/locales";
import { ensureMarkets } from "@/lib/metric/fixtures.test-util";
import { deleteMetricTarget, importPurchaseVolumes, setMetricTarget, setPurchaseVolume } from "@/lib/metric/operations";
import { type Operation, perform } from "@/lib/operations";
import { mutationErrorOf } from "@/lib/operations/result";
import { eraseComplaint, saveRetentionRule } from "@/lib/privacy/retention";
import { readBodyLimited } from "@/lib/security/body";
import { createProduct, deleteProduct, setProductActive } from "@/lib/taxonomies/products";
import { invalidFilters, readUrlState, sortField } from "@/lib/utils/url-state";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { createUserAccount, updateUserAccount } from "./operations";

// Every refusal an admin reads is in their language: the actor's locale, English by default.

const as = (locale?: Locale): Actor => ({ ...CLI_ACTOR, ...(locale ? { locale } : {}) });

async function refused<S extends z.ZodType, R>(op: Operation<S, R>, input: unknown, locale?: Locale) {
  const result = await perform(as(locale), op, input);
  if (!("error" in result)) throw new Error(`${op.name} was expected to refuse`);
  return { ...result.error, fieldErrors: result.fieldErrors };
}

async function ok<S extends z.ZodType, R>(op: Operation<S, R>, input: unknown): Promise<R> {
  const result = await perform(CLI_ACTOR, op, input);
  if ("error" in result) throw new Error(`${op.name}: ${result.error.message}`);
  return result.data;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE");
});
afterAll(() => database.drop());

describe("users and tokens", () => {
  it("refuses an e-mail already used, in Swedish and in English", async () => {
    await ok(createUserAccount, { email: "kim@bank.example", name: "Kim", role: "reviewer" });
    const again = { email: "Kim@Bank.Example", name: "Kim 2", role: "reviewer" };
    expect(await refused(createUserAccount, again, "sv")).toMatchObject({
      code: "invalid",
      message: "Det finns redan en användare med den e-postadressen",
      fieldErrors: { email: ["Det finns redan en användare med den e-postadressen"] },
    });
    expect(await refused(createUserAccount, again, "en")).toMatchObject({
      message: "A user with that e-mail already exists",
      fieldErrors: { email: ["A user with that e-mail already exists"] },
    });
  });

  it("names each wrong field in the reader's language", async () => {
    const input = { email: "not-an-email", name: " ", role: "boss", password: "short" };
    expect((await refused(createUserAccount, input, "sv")).fieldErrors).toEqual({
      email: ["Ange en giltig e-postadress"],
      name: ["Ange ett namn"],
      role: ["Välj en roll"],
      password: ["Minst 10 tecken"],
    });
    expect((await refused(createUserAccount, input)).fieldErrors).toEqual({
      email: ["Enter a valid e-mail address"],
      name: ["Enter a name"],
      role: ["Choose a role"],
      password: ["At least 10 characters"],
    });
  });

  it("keeps an active admin and says a missing user is missing", async () => {
    const admin = await ok(createUserAccount, { email: "only@bank.example", name: "Only", role: "admin" });
    const demote = { id: admin.id, name: "Only", role: "reviewer", active: true };
    expect(await refused(updateUserAccount, demote, "sv")).toMatchObject({
      message: "Minst en aktiv administratör måste finnas kvar",
      fieldErrors: { role: ["Minst en aktiv administratör måste finnas kvar"] },
    });
    const ghost = { id: crypto.randomUUID(), name: "Ghost", role: "reviewer", active: true };
    expect(await refused(updateUserAccount, ghost, "sv")).toMatchObject({
      code: "not_found",
      message: "Användaren finns inte",
    });
    expect(await refused(updateUserAccount, ghost)).toMatchObject({ message: "User not found" });
  });
});

describe("taxonomies", () => {
  it("refuses a product name already used, and a product still in use, in Swedish", async () => {
    const product = await ok(createProduct, { name: "Delbetalning", paymentService: true });
    expect(await refused(createProduct, { name: "delbetalning", paymentService: false }, "sv")).toMatchObject({
      message: "”delbetalning” är redan namnet på en produkt",
      fieldErrors: { name: ["”delbetalning” är redan namnet på en produkt"] },
    });
    expect((await refused(createProduct, { name: " ", paymentService: false }, "sv")).fieldErrors).toEqual({
      name: ["Ange ett produktnamn"],
    });

    await ok(setPurchaseVolume, { market: "SE", month: "2020-01", productId: product.id, purchases: 1000 });
    const deleted = await refused(deleteProduct, { id: product.id }, "sv");
    expect(deleted).toMatchObject({
      code: "conflict",
      message:
        "Delbetalning används av 1 köpvolym, så den kan inte raderas. Inaktivera den i stället: den finns kvar på befintliga poster men erbjuds inte längre.",
    });
    expect(await refused(deleteProduct, { id: product.id })).toMatchObject({
      message:
        "Delbetalning is used by 1 purchase volume, so it cannot be deleted. Deactivate it instead: it stays on existing records but is no longer offered.",
    });
  });

  it("says an item that is not there is not there", async () => {
    const missing = { id: crypto.randomUUID(), active: false };
    expect(await refused(setProductActive, missing, "sv")).toMatchObject({
      code: "not_found",
      message: "Produkten finns inte",
    });
    expect(await refused(setProductActive, missing)).toMatchObject({ message: "Product not found" });
  });
});

describe("purchase volumes and targets", () => {
  it("refuses a volume typed badly, field by field", async () => {
    const input = { market: "S", month: "2020-13", purchases: "många" };
    expect((await refused(setPurchaseVolume, input, "sv")).fieldErrors).toEqual({
      market: ["Ange marknaden med en landskod på två bokstäver, t.ex. SE"],
      month: ["Ange en månad som ÅÅÅÅ-MM, t.ex. 2019-03"],
      purchases: ["Antal köp måste vara ett heltal, till exempel 4 900 000"],
    });
    expect((await refused(setPurchaseVolume, input, "en")).fieldErrors).toEqual({
      market: ["Use a two-letter market code, e.g. SE"],
      month: ["Use a month as YYYY-MM, e.g. 2019-03"],
      purchases: ["Purchases must be a whole number, such as 4 900 000"],
    });
  });

  it("refuses an import with every bad line, in the reader's language", async () => {
    const text = "market,month,purchases\nSE,2020-02,tusen\nDK,2020-03,5\n";
    const sv = await refused(importPurchaseVolumes, { text }, "sv");
    expect(sv.message).toBe(
      "Inget importerades: 2 fel, det första på rad 2 (purchases): ”tusen” är inget heltal för antal köp",
    );
    expect(sv.details).toEqual([
      { path: "line 2.purchases", message: "”tusen” är inget heltal för antal köp" },
      {
        path: "line 3.market",
        message: "Okänd marknad DK (importera med --create-missing (”Skapa det som saknas”) för att skapa den)",
      },
    ]);
    const en = await refused(importPurchaseVolumes, { text });
    expect(en.message).toBe(
      'Nothing was imported: 2 problems, first on line 2 (purchases): "tusen" is not a whole number of purchases',
    );
    expect(en.details).toContainEqual({
      path: "line 3.market",
      message: "Unknown market DK (import with --create-missing (“Create what is missing”) to create it)",
    });
  });

  it("refuses a target for a year out of range, and says a missing target is missing", async () => {
    const input = { market: "SE", year: 1999, kind: "reduction", value: 120 };
    expect((await refused(setMetricTarget, input, "sv")).fieldErrors).toEqual({
      year: ["Året måste vara 2000 eller senare"],
      value: ["En minskning måste vara under 100 %"],
    });
    expect((await refused(setMetricTarget, input)).fieldErrors).toEqual({
      year: ["Year must be 2000 or later"],
      value: ["A reduction is below 100 %"],
    });
    expect(await refused(deleteMetricTarget, { market: "SE", year: 2031 }, "sv")).toMatchObject({
      code: "not_found",
      message: "Det finns inget mål för SE 2031",
    });
  });
});

describe("privacy", () => {
  it("refuses a retention rule out of range or for an unknown market, and an unknown complaint", async () => {
    expect((await refused(saveRetentionRule, { market: "SE", anonymiseAfterMonths: 0 }, "sv")).fieldErrors).toEqual({
      anonymiseAfterMonths: ["Minst 1 månad"],
    });
    expect(await refused(saveRetentionRule, { market: "XX", anonymiseAfterMonths: 24 }, "sv")).toMatchObject({
      message: "Okänd marknad",
      fieldErrors: { market: ["Marknaden XX finns inte"] },
    });
    const erase = { id: crypto.randomUUID(), reason: "Kundens begäran" };
    expect(await refused(eraseComplaint, erase, "sv")).toMatchObject({ message: "Klagomålet finns inte" });
    expect(await refused(eraseComplaint, erase)).toMatchObject({ message: "Complaint not found" });
  });
});

describe("refusals made outside an operation's schema", () => {
  it("are said in each reader's language", async () => {
    expect(forbidden().in("sv").message).toBe("Du har inte behörighet att göra det här");
    expect(forbidden().message).toBe("You do not have permission to do this");
    expect(notFound("Complaint").in("sv").message).toBe("Complaint not found");
    expect(notFound("adminRules.notFound.market").in("sv").message).toBe("Marknaden finns inte");

    const badId = (() => {
      try {
        exportIdOf("nope");
      } catch (error) {
        return error;
      }
    })();
    expect(mutationErrorOf(badId, "read", "sv").error).toEqual({
      code: "invalid",
      message: "Inget giltigt export-id",
      details: [{ path: "id", message: "Inget giltigt export-id" }],
    });

    const big = new Request("http://localhost/", { method: "POST", body: "x".repeat(200_000) });
    const tooLarge = await readBodyLimited(big, 100_000, "The file").catch((error: unknown) => error);
    expect(mutationErrorOf(tooLarge, "write", "sv").error.message).toBe("Filen är större än 0.1 MB");
  });

  it("name a list's refused filters in the reader's language", () => {
    const fields = { sort: sortField(["receivedOn"], { key: "receivedOn", direction: "desc" }) };
    const { problems } = readUrlState(fields, { sort: "sort" }, { sort: "colour" }, "sv");
    expect(problems).toMatchObject([{ param: "sort", message: "Sortera efter något av: receivedOn" }]);
    expect(problems[0]?.explanation).toMatch(/^listan kan inte sorteras så/);
    expect(invalidFilters(problems).in("sv").message).toBe("Några filter är ogiltiga");
    expect(readUrlState(fields, { sort: "sort" }, { sort: "colour" }).problems[0]?.message).toBe(
      "Sort by one of: receivedOn",
    );
  });
});
