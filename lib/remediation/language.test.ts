import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { effectivenessChecks } from "@/db/schema";
import { actorFor, createFixtures, type Fixtures, ok } from "@/lib/complaints/test-fixtures";
import type { Locale } from "@/lib/i18n/locales";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { runEffectivenessCheckByApi } from "./checks";
import { compareRates } from "./effectiveness";
import { readRemediationAction, readRemediationList } from "./reads";
import { storedVerdict } from "./verdict";
import { createRemediationAction, linkRootCause, updateRemediationAction } from "./write";

// Refusals, field messages and the history are said in the language of whoever reads them.

let testDb: TestDatabase;
let f: Fixtures;
const as = (key: keyof Fixtures["users"], locale: Locale) => ({ ...actorFor(f.users[key]), locale });

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => testDb.drop());

async function approvedInProgress() {
  const reviewer = as("reviewer", "en");
  const row = await ok(
    perform(reviewer, createRemediationAction, {
      title: "Rename the account",
      market: "SE",
      ownerId: f.users.pm.id,
      rootCauseIds: [f.rootCauses.unclearName.id],
    }),
  );
  let version = row.version;
  for (const status of ["approved", "in_progress"]) {
    version = (await ok(perform(reviewer, updateRemediationAction, { id: row.id, version, changes: { status } })))
      .version;
  }
  return { id: row.id, version };
}

/** An action shipped on 15 March 2019, moved there by a reviewer reading `locale`. */
async function shippedAction(locale: Locale) {
  const { id, version } = await approvedInProgress();
  await ok(
    perform(as("reviewer", locale), updateRemediationAction, {
      id,
      version,
      changes: { status: "shipped", shippedOn: "2019-03-15" },
    }),
  );
  return id;
}

describe("remediation in the reader's language", () => {
  it("refuses a shipped action without its date, in Swedish and in English", async () => {
    const { id, version } = await approvedInProgress();
    const ship = (locale: Locale) =>
      perform(as("reviewer", locale), updateRemediationAction, { id, version, changes: { status: "shipped" } });
    expect(await ship("sv")).toMatchObject({
      error: { code: "invalid", message: "En levererad åtgärd behöver ett leveransdatum" },
      fieldErrors: { shippedOn: ["Ange datumet då ändringen levererades"] },
    });
    expect(await ship("en")).toMatchObject({
      error: { code: "invalid", message: "A shipped action needs its shipped date" },
      fieldErrors: { shippedOn: ["Enter the date the change shipped"] },
    });
  });

  it("says a root cause is already linked, and the schema's own messages, in the reader's language", async () => {
    const { id } = await approvedInProgress();
    const link = (locale: Locale) =>
      perform(as("reviewer", locale), linkRootCause, { actionId: id, rootCauseId: f.rootCauses.unclearName.id });
    expect(await link("sv")).toMatchObject({
      error: { code: "invalid", message: "Redan kopplad" },
      fieldErrors: { rootCauseId: ["Unclear product name är redan kopplad"] },
    });
    expect(await link("en")).toMatchObject({
      error: { message: "Already linked" },
      fieldErrors: { rootCauseId: ["Unclear product name is already linked"] },
    });
    const untitled = (locale: Locale) =>
      perform(as("reviewer", locale), createRemediationAction, { title: " ", market: "XX" });
    expect(await untitled("sv")).toMatchObject({ fieldErrors: { title: ["Ge åtgärden en rubrik"] } });
    expect(await untitled("en")).toMatchObject({ fieldErrors: { title: ["Give the action a title"] } });
    const unknownMarket = (locale: Locale) =>
      perform(as("reviewer", locale), createRemediationAction, { title: "Rename", market: "XX" });
    expect(await unknownMarket("sv")).toMatchObject({
      error: { message: "Några fält behöver rättas" },
      fieldErrors: { market: ["Okänd marknad XX"] },
    });
    expect(await unknownMarket("en")).toMatchObject({
      error: { message: "Some fields need attention" },
      fieldErrors: { market: ["Unknown market XX"] },
    });
  });

  it("refuses a check, a stranger's change and a bad month count in the reader's language", async () => {
    const { id, version } = await approvedInProgress();
    const check = (locale: Locale, months?: unknown) =>
      perform(as("reviewer", locale), runEffectivenessCheckByApi, { actionId: id, months });
    expect(await check("sv")).toMatchObject({
      error: { message: expect.stringMatching(/^Bara en levererad åtgärd kan utvärderas/) },
    });
    expect(await check("en")).toMatchObject({ error: { message: expect.stringMatching(/^Only a shipped action/) } });
    expect(await check("sv", 30)).toMatchObject({ fieldErrors: { months: ["Högst 24 månader"] } });
    expect(await check("en", 30)).toMatchObject({ fieldErrors: { months: ["At most 24 months"] } });
    const stranger = await ok(
      perform(as("reviewer", "en"), createRemediationAction, { title: "Someone else's", ownerId: f.users.reviewer.id }),
    );
    const edit = (locale: Locale) =>
      perform(as("pm", locale), updateRemediationAction, {
        id: stranger.id,
        version: stranger.version,
        changes: { notes: "mine" },
      });
    expect(await edit("sv")).toMatchObject({
      error: { code: "forbidden", message: "Du kan bara ändra status och anteckningar för åtgärder som du äger" },
    });
    expect(await edit("en")).toMatchObject({
      error: { message: "You can change only the status and notes of actions you own" },
    });
    const stale = (locale: Locale) =>
      perform(as("reviewer", locale), updateRemediationAction, { id, version: version - 1, changes: { notes: "x" } });
    expect(await stale("sv")).toMatchObject({
      error: {
        code: "conflict",
        message: expect.stringMatching(/^Någon har ändrat åtgärden/),
        details: { yourVersion: version - 1 },
      },
    });
  });

  it("tells the history in the reader's language", async () => {
    const id = await shippedAction("sv");
    const read = async (locale: Locale) =>
      (await ok(perform(as("reviewer", locale), readRemediationAction, { id }))).history.map((h) => h.sentence);
    expect(await read("sv")).toEqual([
      "Anna Lind föreslog åtgärden",
      "Anna Lind flyttade den från föreslagen till godkänd",
      "Anna Lind flyttade den från godkänd till pågår",
      "Anna Lind flyttade den från pågår till levererad och ändrade leveransdatumet",
    ]);
    expect(await read("en")).toEqual([
      "Anna Lind proposed the action",
      "Anna Lind moved it from proposed to approved",
      "Anna Lind moved it from approved to in progress",
      "Anna Lind moved it from in progress to shipped and changed the shipped date",
    ]);
  });

  it("says an effectiveness check's verdict in the reader's language, an old English one too", async () => {
    const id = await shippedAction("en");
    // No purchase volumes yet: each check says so, to whoever ran it, in their language.
    const run = (locale: Locale) => ok(perform(as("reviewer", locale), runEffectivenessCheckByApi, { actionId: id }));
    expect(await run("sv")).toMatchObject({
      kind: "not_enough_after",
      verdict: "För lite data ännu (kräver minst en månad med köpvolym efter leveransen)",
    });
    expect(await run("en")).toMatchObject({
      kind: "not_enough_after",
      verdict: "Not enough data yet (needs at least one month after shipping with a volume)",
    });
    // A later check with figures (no complaints after: corrected), and before it one kept as an English sentence.
    const result = compareRates(
      { complaints: 40, purchases: 1_000_000, months: 6 },
      { complaints: 0, purchases: 1_000_000, months: 6 },
    );
    const figures = {
      actionId: id,
      beforeFrom: "2018-09",
      beforeTo: "2019-02",
      afterFrom: "2019-04",
      afterTo: "2019-09",
      beforeComplaints: 40,
      beforePurchases: 1_000_000,
      afterComplaints: 0,
      afterPurchases: 1_000_000,
      rateBefore: result.rateBefore,
      rateAfter: result.rateAfter,
      rateRatio: result.rateRatio,
      ciLow: result.ciLow,
      ciHigh: result.ciHigh,
    };
    const old = "Fewer complaints after shipping: the rate fell 99 % (95 % CI 80–100 %)";
    await db.insert(effectivenessChecks).values([
      { ...figures, verdict: storedVerdict(result.said), computedAt: new Date("2099-01-02T00:00:00Z") },
      { ...figures, verdict: old, computedAt: new Date("2099-01-01T00:00:00Z") },
    ]);
    const checks = async (locale: Locale) =>
      (await ok(perform(as("reviewer", locale), readRemediationAction, { id }))).checks.map((c) => [c.kind, c.verdict]);
    expect(await checks("sv")).toEqual([
      [
        "fewer",
        "Färre klagomål efter leveransen: frekvensen sjönk med 99 % (95 % KI 80–100 %). En av perioderna hade inga klagomål, så 0,5 lades till båda antalen (kontinuitetskorrektion)",
      ],
      ["fewer", "Färre klagomål efter leveransen: frekvensen sjönk med 99 % (95 % KI 80–100 %)"],
      ["not_enough_after", "För lite data ännu (kräver minst en månad med köpvolym efter leveransen)"],
      ["not_enough_after", "För lite data ännu (kräver minst en månad med köpvolym efter leveransen)"],
    ]);
    expect((await checks("en"))[0]).toEqual([
      "fewer",
      "Fewer complaints after shipping: the rate fell 99 % (95 % CI 80–100 %). One window had no complaints, so 0.5 was added to both counts (continuity correction)",
    ]);
    const latest = async (locale: Locale) => {
      const list = await ok(
        perform(as("reviewer", locale), readRemediationList, new URLSearchParams({ status: "shipped" })),
      );
      return list.rows.find((row) => row.id === id)?.latestCheck;
    };
    expect(await latest("sv")).toMatchObject({
      kind: "fewer",
      verdict: expect.stringMatching(/^Färre klagomål .*0,5 lades/),
    });
    expect(await latest("en")).toMatchObject({
      kind: "fewer",
      verdict: expect.stringMatching(/^Fewer complaints .*0\.5 was/),
    });
  });

  it("refuses a bad filter in the reader's language", async () => {
    const list = (locale: Locale) =>
      perform(as("reviewer", locale), readRemediationList, new URLSearchParams({ status: "nope" }));
    const sv = await list("sv");
    expect(JSON.stringify(sv)).toContain("Ingen åtgärdsstatus som listan känner till");
    expect(JSON.stringify(await list("en"))).toContain("Not a remediation status this list knows");
  });
});
