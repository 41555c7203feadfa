import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { previewBulkAction, runBulkAction } from "@/lib/complaints/bulk";
import { refusalMessage, statusRefusal } from "@/lib/complaints/bulk-refusals";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "@/lib/complaints/test-fixtures";
import { updateComplaint } from "@/lib/complaints/write";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { readPublicationReview } from "@/lib/metric/operations";
import { createRemediationAction, updateRemediationAction } from "@/lib/remediation/write";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { perform } from "./index";
import { mutationErrorOf } from "./result";

// Messages the server composes reach a person in the language they read: the actor's locale.

const row = (status: "new" | "triaged" | "in_analysis" | "analysed" | "closed", more = {}) => ({
  reference: "C-2019-000123",
  status,
  excludedReason: null,
  hasRootCause: true,
  ...more,
});

describe("bulk refusals in the reader's language", () => {
  it("explains each refusal in Swedish, and in English by default", () => {
    expect(statusRefusal(row("new"), "in_analysis", "sv")).toBe(
      "är fortfarande nytt — sortera det innan analysen påbörjas",
    );
    expect(statusRefusal(row("new"), "in_analysis")).toBe("is still new — triage it before starting the analysis");
    expect(statusRefusal(row("triaged"), "analysed", "sv")).toBe(
      "är fortfarande sorterat — påbörja analysen innan det markeras som analyserat",
    );
    expect(statusRefusal(row("in_analysis", { hasRootCause: false }), "analysed", "sv")).toBe(
      "saknar grundorsak — lägg till en innan det markeras som analyserat",
    );
    expect(statusRefusal(row("closed"), "analysed", "sv")).toBe(
      "är stängt — öppna det igen innan det markeras som analyserat på nytt",
    );
    expect(statusRefusal(row("analysed"), "triaged", "sv")).toBe("är redan analyserat — bara nya klagomål sorteras");
    expect(statusRefusal(row("closed"), "new", "sv")).toBe(
      "är redan stängt — ett klagomål kan aldrig gå tillbaka till ny",
    );
    expect(statusRefusal(row("new"), "closed", "sv")).toBe(
      "är nytt och inte analyserat än — markera det som analyserat innan det stängs",
    );
    expect(statusRefusal(row("analysed"), "closed", "sv")).toBeNull();
  });

  it("counts and names the refused complaints of a batch in Swedish", () => {
    const refusals = Array.from({ length: 12 }, (_, i) => ({
      id: String(i),
      reference: `C-2019-0000${10 + i}`,
      reason: "är nytt och inte analyserat än — markera det som analyserat innan det stängs",
    }));
    const message = refusalMessage(refusals, "closed", 10, "sv");
    expect(message).toMatch(/^12 klagomål kan inte få status stängd: C-2019-000010 är nytt och inte analyserat än/);
    expect(message).toMatch(/; och 2 till$/);
    expect(refusalMessage(refusals.slice(0, 1), "closed", 10, "sv")).toMatch(/^1 klagomål kan inte få status stängd: /);
    expect(refusalMessage(refusals.slice(0, 1), "closed")).toMatch(/^1 complaint cannot become closed: /);
  });
});

describe("an AppError with a wording per language", () => {
  it("says its message and details in the reader's language, English being its own", () => {
    const error = new AppError("invalid", (locale: Locale) => ({
      message: locale === "sv" ? "Fel" : "Wrong",
      details: { field: [locale === "sv" ? "Fältet är fel" : "The field is wrong"] },
    }));
    expect(error.message).toBe("Wrong");
    expect(error.details).toEqual({ field: ["The field is wrong"] });
    expect(mutationErrorOf(error, "write", "sv")).toEqual({
      error: { code: "invalid", message: "Fel", details: { field: ["Fältet är fel"] } },
      fieldErrors: { field: ["Fältet är fel"] },
    });
    // A plain-text error stays as written for every reader.
    expect(mutationErrorOf(new AppError("conflict", "Taken"), "write", "sv").error.message).toBe("Taken");
  });

  it("says the generic failures in Swedish", () => {
    const failed = mutationErrorOf(new Error("boom"), "write", "sv");
    expect(failed.error).toEqual({ code: "internal", message: "Något gick fel; inget sparades" });
    expect(mutationErrorOf(new Error("boom"), "read").error.message).toBe("Something went wrong");
  });
});

describe("operations run for a Swedish reader", () => {
  let testDb: TestDatabase;
  let f: Fixtures;
  const as = (user: Fixtures["users"][keyof Fixtures["users"]], locale?: Locale): Actor => ({
    ...actorFor(user),
    ...(locale ? { locale } : {}),
  });

  beforeAll(async () => {
    testDb = await useTestDatabase();
    f = await createFixtures();
  });
  afterAll(async () => testDb.drop());

  it("refuses without permission, or without a sign-in, in Swedish, with the same codes", async () => {
    const input = { market: "SE" };
    expect(await perform(as(f.users.reviewer, "sv"), readPublicationReview, input)).toEqual({
      error: { code: "forbidden", message: "Du har inte behörighet att göra det här" },
    });
    expect(await perform(null, readPublicationReview, input, "sv")).toEqual({
      error: { code: "unauthenticated", message: "Logga in för att fortsätta" },
    });
    expect(await perform(as(f.users.reviewer), readPublicationReview, input)).toMatchObject({
      error: { code: "forbidden", message: "You do not have permission to do this" },
    });
  });

  it("says a field's validation message in Swedish, and in English to an English reader", async () => {
    expect(await perform(as(f.users.admin, "sv"), readPublicationReview, { market: " " })).toEqual({
      error: { code: "invalid", message: "Några fält behöver rättas", details: { market: ["Marknad måste anges"] } },
      fieldErrors: { market: ["Marknad måste anges"] },
    });
    expect(await perform(as(f.users.admin, "en"), readPublicationReview, { market: " " })).toMatchObject({
      error: { message: "Some fields need attention" },
      fieldErrors: { market: ["Market is required"] },
    });
    // Text the database cannot hold is refused in the reader's language too.
    expect(await perform(as(f.users.admin, "sv"), readPublicationReview, { market: "S\u0000E" })).toMatchObject({
      fieldErrors: { market: ["Texten får inte innehålla NUL-tecknet"] },
    });
  });

  it("refuses a complaint's and an action's workflow step in Swedish", async () => {
    const [fresh] = await insertComplaints([{ summary: "ny", status: "new" }]);
    if (!fresh) throw new Error("a complaint expected");
    const skip = { id: fresh.id, version: 1, changes: { status: "closed" } };
    expect(await perform(as(f.users.reviewer, "sv"), updateComplaint, skip)).toEqual({
      error: {
        code: "invalid",
        message: "Ett klagomål med status ny kan inte få status stängd",
        details: { status: ["Från status ny kan nästa status bara vara sorterad"] },
      },
      fieldErrors: { status: ["Från status ny kan nästa status bara vara sorterad"] },
    });
    expect(await perform(as(f.users.reviewer), updateComplaint, skip)).toMatchObject({
      error: { message: "A new complaint cannot become closed" },
      fieldErrors: { status: ["From new the next status is triaged"] },
    });

    const action = await ok(perform(as(f.users.reviewer), createRemediationAction, { title: "Tydligare faktura" }));
    const ship = { id: action.id, version: action.version, changes: { status: "verified" } };
    expect(await perform(as(f.users.reviewer, "sv"), updateRemediationAction, ship)).toMatchObject({
      error: { code: "invalid", message: "En åtgärd med status föreslagen kan inte få status verifierad" },
      fieldErrors: { status: ["Från status föreslagen kan nästa status bara vara godkänd eller avbruten"] },
    });
  });

  it("previews and refuses a bulk move in Swedish", async () => {
    const [fresh, untagged] = await insertComplaints([
      { summary: "ny", status: "new" },
      { summary: "utan orsak", status: "in_analysis" },
    ]);
    if (!fresh || !untagged) throw new Error("two complaints expected");
    const target = { ids: [fresh.id, untagged.id] };
    const swede = as(f.users.reviewer, "sv");
    const preview = await ok(
      perform(swede, previewBulkAction, { target, action: { kind: "status", status: "analysed" } }),
    );
    expect(preview.refusals).toEqual(
      expect.arrayContaining([
        {
          id: fresh.id,
          reference: fresh.reference,
          reason: "är fortfarande nytt — påbörja analysen innan det markeras som analyserat",
        },
        {
          id: untagged.id,
          reference: untagged.reference,
          reason: "saknar grundorsak — lägg till en innan det markeras som analyserat",
        },
      ]),
    );
    const refused = await perform(swede, runBulkAction, { target, action: { kind: "status", status: "closed" } });
    expect(refused).toMatchObject({
      error: {
        code: "invalid",
        message: expect.stringMatching(/^2 klagomål kan inte få status stängd: /),
      },
      fieldErrors: {
        "action.status": expect.arrayContaining([
          `${fresh.reference} är nytt och inte analyserat än — markera det som analyserat innan det stängs`,
          `${untagged.reference} är under analys och inte analyserat än — markera det som analyserat innan det stängs`,
        ]),
      },
    });
    // Marking analysed without a root cause names the complaint, in Swedish.
    const uncaused = await perform(swede, runBulkAction, {
      target: { ids: [untagged.id] },
      action: { kind: "status", status: "analysed" },
    });
    expect(uncaused).toMatchObject({
      error: {
        message: `${untagged.reference} saknar grundorsak: lägg till minst en innan det markeras som analyserat`,
      },
    });
  });
});
