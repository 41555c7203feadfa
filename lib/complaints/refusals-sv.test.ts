import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/locales";
import { type MutationResult, run } from "@/lib/operations";
import { createAgreementSample } from "@/lib/root-causes/agreement";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { runBulkAction } from "./bulk";
import { linkFamily, tagRootCause } from "./case-work";
import { saveDeadlineRule } from "./deadline-rules";
import { actorFor, createFixtures, type Fixtures, ok } from "./test-fixtures";
import { createComplaint, updateComplaint } from "./write";

// The complaint side's refusals reach a person through the operation door: each is said, with its
// field messages, in the actor's language.

let testDb: TestDatabase;
let f: Fixtures;
const as = (locale: Locale, user: "admin" | "reviewer" | "reviewer2" = "reviewer"): Actor => ({
  ...actorFor(f.users[user]),
  locale,
});

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => testDb.drop());

function refusal(result: MutationResult<unknown>) {
  if ("data" in result) throw new Error("expected a refusal");
  return { code: result.error.code, message: result.error.message, fields: result.fieldErrors };
}

const base = { receivedOn: "2019-04-02", market: "SE", channel: "customer_service", summary: "Kortet spärrades" };

async function complaint(input: Record<string, unknown> = {}) {
  return ok(run(as("en"), createComplaint, { ...base, ...input }));
}

describe("complaint refusals in the reader's language", () => {
  it("an external id already used", async () => {
    const first = await complaint({ externalId: "SV-1" });
    const sv = refusal(await run(as("sv"), createComplaint, { ...base, externalId: "SV-1" }));
    expect(sv).toEqual({
      code: "invalid",
      message: "Det externa id:t används redan",
      fields: { externalId: [`${first.reference} har redan det externa id:t SV-1`] },
    });
    const en = refusal(await run(as("en"), createComplaint, { ...base, externalId: "SV-1" }));
    expect(en).toEqual({
      code: "invalid",
      message: "The external id is already used",
      fields: { externalId: [`${first.reference} already has the external id SV-1`] },
    });
  });

  it("nothing to change (the schema's own message, read in the reader's language)", async () => {
    const row = await complaint();
    const input = { id: row.id, version: row.version, changes: {} };
    expect(refusal(await run(as("sv"), updateComplaint, input))).toEqual({
      code: "invalid",
      message: "Några fält behöver rättas",
      fields: { changes: ["Inget att ändra"] },
    });
    expect(refusal(await run(as("en"), updateComplaint, input))).toMatchObject({
      message: "Some fields need attention",
      fields: { changes: ["Nothing to change"] },
    });
  });

  it("an authority of another market, naming the channel in the reader's words", async () => {
    const input = { ...base, channel: "consumer_agency", authorityId: f.authorities.forbruker.id };
    expect(refusal(await run(as("sv"), createComplaint, input))).toEqual({
      code: "invalid",
      message: "Några fält behöver rättas",
      fields: { authorityId: ["Forbrukertilsynet är ingen myndighet för kanalen Konsumentverket i SE"] },
    });
    expect(refusal(await run(as("en"), createComplaint, input)).fields).toEqual({
      authorityId: ["Forbrukertilsynet is not a consumer agency authority in SE"],
    });
  });

  it("a root cause already tagged", async () => {
    const row = await complaint();
    const input = { complaintId: row.id, rootCauseId: f.rootCauses.slowRefund.id };
    await ok(run(as("sv"), tagRootCause, input));
    expect(refusal(await run(as("sv"), tagRootCause, input))).toEqual({
      code: "invalid",
      message: "Redan kopplad",
      fields: { rootCauseId: ["Grundorsaken är redan kopplad till klagomålet"] },
    });
    expect(refusal(await run(as("en"), tagRootCause, input))).toEqual({
      code: "invalid",
      message: "Already tagged",
      fields: { rootCauseId: ["This root cause is already tagged"] },
    });
  });

  it("a family link to a reference no complaint has", async () => {
    const row = await complaint();
    const input = { complaintId: row.id, otherReference: "C-1999-000001" };
    expect(refusal(await run(as("sv"), linkFamily, input))).toEqual({
      code: "invalid",
      message: "Klagomålet finns inte",
      fields: { otherReference: ["Det finns inget klagomål med referensen C-1999-000001"] },
    });
    expect(refusal(await run(as("en"), linkFamily, input)).fields).toEqual({
      otherReference: ["No complaint has the reference C-1999-000001"],
    });
  });

  it("a stale edit names who changed the complaint, joined in the reader's language", async () => {
    const row = await complaint();
    const edit = (actor: Actor, version: number, summary: string) =>
      run(actor, updateComplaint, { id: row.id, version, changes: { summary } });
    await ok(edit(as("en"), 1, "Ändrad av Anna"));
    await ok(edit(as("en", "reviewer2"), 2, "Ändrad av Erik"));
    const sv = refusal(await edit(as("sv"), 1, "För sent"));
    expect(sv).toMatchObject({
      code: "conflict",
      message: "Anna Lind och Erik Berg har ändrat klagomålet sedan du öppnade det",
    });
    const en = refusal(await edit(as("en"), 1, "Too late"));
    expect(en.message).toBe("Anna Lind and Erik Berg changed this complaint since you opened it");
  });
});

describe("bulk refusals in the reader's language", () => {
  it("an original no complaint has", async () => {
    const row = await complaint();
    const input = { target: { ids: [row.id] }, action: { kind: "duplicate_of", reference: "C-1999-000002" } };
    expect(refusal(await run(as("sv"), runBulkAction, input))).toEqual({
      code: "invalid",
      message: "Klagomålet finns inte",
      fields: { "action.reference": ["Det finns inget klagomål med referensen C-1999-000002"] },
    });
    expect(refusal(await run(as("en"), runBulkAction, input))).toEqual({
      code: "invalid",
      message: "No such complaint",
      fields: { "action.reference": ["No complaint has the reference C-1999-000002"] },
    });
  });

  it("an empty selection (the schema's own message)", async () => {
    const input = { target: { ids: [] }, action: { kind: "status", status: "triaged" } };
    expect(refusal(await run(as("sv"), runBulkAction, input)).fields).toEqual({
      "target.ids": ["Välj minst ett klagomål"],
    });
    expect(refusal(await run(as("en"), runBulkAction, input)).fields).toEqual({
      "target.ids": ["Select at least one complaint"],
    });
  });

  it("a filter whose value the list does not know", async () => {
    const input = { target: { filter: "status=lost" }, action: { kind: "status", status: "triaged" } };
    // The list's refusal (lib/utils/url-state) names each parameter in its details.
    const details = async (locale: Locale) => {
      const result = await run(as(locale), runBulkAction, input);
      return "error" in result ? result.error.details : undefined;
    };
    expect(await details("sv")).toEqual([{ path: "status.0", message: "Ingen status som listan känner till" }]);
    expect(await details("en")).toEqual([{ path: "status.0", message: "Not a complaint status this list knows" }]);
  });
});

describe("root-cause and deadline refusals in the reader's language", () => {
  it("an agreement sample with one coder twice", async () => {
    const input = { name: "Kv1 2019", coderA: f.users.reviewer.id, coderB: f.users.reviewer.id, size: 10 };
    expect(refusal(await run(as("sv"), createAgreementSample, input)).fields).toEqual({
      coderB: ["Välj två olika kodare"],
    });
    expect(refusal(await run(as("en"), createAgreementSample, input)).fields).toEqual({
      coderB: ["Choose two different coders"],
    });
  });

  it("a deadline rule for a market that does not exist", async () => {
    const input = {
      market: "XX",
      channel: "customer_service",
      acknowledgeDays: 5,
      acknowledgeBusinessDays: true,
      finalResponseDays: 0,
      finalResponseBusinessDays: false,
    };
    expect(refusal(await run(as("sv", "admin"), saveDeadlineRule, input)).fields).toEqual({
      finalResponseDays: ["Minst 1 dag"],
    });
    const unknown = { ...input, finalResponseDays: 30 };
    expect(refusal(await run(as("sv", "admin"), saveDeadlineRule, unknown))).toEqual({
      code: "invalid",
      message: "Okänd marknad",
      fields: { market: ["Marknaden XX finns inte"] },
    });
    expect(refusal(await run(as("en", "admin"), saveDeadlineRule, unknown))).toEqual({
      code: "invalid",
      message: "Unknown market",
      fields: { market: ["No market XX"] },
    });
  });
});
