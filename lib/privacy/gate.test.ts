import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComplaint, PATCH as patchComplaint } from "@/app/api/v1/complaints/[id]/route";
import { GET as exportCsv } from "@/app/api/v1/complaints/export/route";
import { GET as listComplaintsApi, POST as postComplaint } from "@/app/api/v1/complaints/route";
import { GET as getAction, PATCH as patchAction } from "@/app/api/v1/remediation-actions/[id]/route";
import { GET as listActions, POST as postAction } from "@/app/api/v1/remediation-actions/route";
import { db } from "@/db";
import { addComment } from "@/lib/complaints/case-work";
import { getComplaintDetail } from "@/lib/complaints/detail-query";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { listMentions } from "@/lib/complaints/inbox";
import { listComplaints } from "@/lib/complaints/list-query";
import { actorFor, createFixtures, type Fixtures, ok } from "@/lib/complaints/test-fixtures";
import type { Role } from "@/lib/domain/values";
import { perform } from "@/lib/operations";
import { getRemediationDetail } from "@/lib/remediation/detail-query";
import { linkEvidence } from "@/lib/remediation/write";
import { idParams, jsonRequest, noParams, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { gateComplaint, gateText, personalDataAccessOf } from "./gate";

// Every kind of personal data, in forms a customer writes; none may reach a product manager or leadership.
const PERSONAL = {
  personnummer: "19800101-1234",
  email: "zorro.kvist@example.se",
  card: "4111 1111 1111 1111",
  phone: "070-174 06 55",
  iban: "SE45 5000 0000 0583 9825 7466",
  customerRef: "CUST-778899",
};
// Pieces a leak would show even when cut or highlighted on its own.
const LEAK_MARKERS = ["19800101", "800101", "zorro", "kvist", "4111", "174 06", "0583", "778899"];

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value).toLowerCase();
  return LEAK_MARKERS.filter((m) => text.includes(m));
}

let testDb: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string>;
let complaintId: string;
let reference: string;
let actionId: string;

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
  const created = await postComplaint(
    jsonRequest("/api/v1/complaints", {
      method: "POST",
      token: tokens.reviewer,
      body: {
        externalId: "GATE-1",
        receivedOn: "2019-04-10",
        market: "SE",
        channel: "customer_service",
        summary: `Dubbelfaktura: mail ${PERSONAL.email}`,
        narrative: `Dubbelfaktura dragen två gånger. Personnummer ${PERSONAL.personnummer}, kort ${PERSONAL.card}, ring ${PERSONAL.phone}, konto ${PERSONAL.iban}, kundnummer ${PERSONAL.customerRef}.`,
        customerRef: PERSONAL.customerRef,
      },
    }),
    noParams,
  );
  const body = await created.json();
  complaintId = body.id;
  reference = body.reference;
  // An edit puts the narrative into the history's before and after.
  const patched = await patchComplaint(
    jsonRequest(`/api/v1/complaints/${complaintId}`, {
      method: "PATCH",
      token: tokens.reviewer,
      body: { version: 1, narrative: `Dubbelfaktura igen, pnr ${PERSONAL.personnummer} och ${PERSONAL.email}` },
    }),
    idParams(complaintId),
  );
  expect(patched.status).toBe(200);
  await ok(
    perform(actorFor(f.users.reviewer), addComment, {
      complaintId,
      body: `@Petra Holm kunden (${PERSONAL.email}, ${PERSONAL.phone}) vill ha svar`,
    }),
  );
  const action = await postAction(
    jsonRequest("/api/v1/remediation-actions", {
      method: "POST",
      token: tokens.reviewer,
      body: {
        title: `Stop double charges (see ${reference})`,
        notes: `Customer ${PERSONAL.email} on ${reference}`,
      },
    }),
    noParams,
  );
  expect(action.status).toBe(201);
  actionId = (await action.json()).id;
  await ok(perform(actorFor(f.users.reviewer), linkEvidence, { actionId, reference }));
});
afterAll(async () => testDb.drop());

describe("the gate", () => {
  it("gives each role its access", () => {
    const access = (role: Role) => personalDataAccessOf(role);
    expect([access("admin"), access("reviewer"), access("product_manager"), access("leadership")]).toEqual([
      "full",
      "full",
      "masked",
      "none",
    ]);
  });
  it("masks personal data for masked readers and complaint references too for none", () => {
    const text = `see C-2019-005171, pnr ${PERSONAL.personnummer}`;
    expect(gateText("full", text)).toBe(text);
    expect(gateText("masked", text)).toBe("see C-2019-005171, pnr [personal number]");
    expect(gateText("none", text)).toBe("see [complaint], pnr [personal number]");
    expect(gateComplaint("masked", { customerRef: "X-1", summary: "ref X-1", narrative: null })).toEqual({
      customerRef: null,
      summary: "ref [customer reference]",
      narrative: null,
    });
  });
});

describe("as a reviewer", () => {
  it("reads the personal data (the test's markers are really there)", async () => {
    const one = await (await getComplaint(jsonRequest("/x", { token: tokens.reviewer }), idParams(complaintId))).json();
    expect(leaks(one).length).toBeGreaterThan(3);
    const found = await (
      await listComplaintsApi(jsonRequest("/api/v1/complaints?q=zorro", { token: tokens.reviewer }), noParams)
    ).json();
    expect(found.total).toBe(1);
  });
});

describe("as a product manager, every read is masked", () => {
  const pm = () => tokens.pm;
  it("the list API, with and without a search; matches and snippets included", async () => {
    for (const q of ["", "dubbelfaktura", "igen"]) {
      const response = await listComplaintsApi(
        jsonRequest(`/api/v1/complaints?q=${encodeURIComponent(q)}`, { token: pm() }),
        noParams,
      );
      const body = await response.json();
      expect(body.total, q).toBe(1);
      expect(leaks(body), q).toEqual([]);
    }
  });
  it("a search on personal data finds nothing, whole or by its first characters", async () => {
    for (const q of [
      "zorro",
      "zorro.kvist@example.se",
      "kvist",
      PERSONAL.personnummer,
      "19800101",
      "4111",
      PERSONAL.card,
      "0701740655",
      "778899",
      PERSONAL.customerRef,
      "SE45",
    ]) {
      const body = await (
        await listComplaintsApi(jsonRequest(`/api/v1/complaints?q=${encodeURIComponent(q)}`, { token: pm() }), noParams)
      ).json();
      expect(body.total, q).toBe(0);
      expect(body.data, q).toEqual([]);
    }
    const direct = await listComplaints(db, parseComplaintFilters(new URLSearchParams("q=kvist")), {
      access: "masked",
    });
    expect(direct.total).toBe(0);
  });
  it("one complaint, its page (history, comments) and the inbox", async () => {
    const one = await (await getComplaint(jsonRequest("/x", { token: pm() }), idParams(complaintId))).json();
    expect(one.summary).toContain("[email]");
    expect(leaks(one)).toEqual([]);
    const page = await getComplaintDetail(db, complaintId, { access: personalDataAccessOf("product_manager") });
    expect(page?.history.length).toBeGreaterThan(1);
    expect(page?.comments[0]?.body).toContain("[email]");
    expect(leaks(page)).toEqual([]);
    const inbox = await listMentions(db, f.users.pm.id, { access: personalDataAccessOf("product_manager") });
    expect(inbox).toHaveLength(1);
    expect(leaks(inbox)).toEqual([]);
  });
  it("the export, and an export searching personal data is empty", async () => {
    const csv = await (await exportCsv(jsonRequest("/api/v1/complaints/export", { token: pm() }), noParams)).text();
    expect(csv).toContain("GATE-1");
    expect(leaks(csv)).toEqual([]);
    const searched = await (
      await exportCsv(jsonRequest("/api/v1/complaints/export?q=kvist", { token: pm() }), noParams)
    ).text();
    expect(searched).not.toContain("GATE-1");
  });
  it("remediation: list, detail, evidence and history", async () => {
    const listed = await (await listActions(jsonRequest("/x", { token: pm() }), noParams)).json();
    const one = await (await getAction(jsonRequest("/x", { token: pm() }), idParams(actionId))).json();
    expect(one.evidence[0].summary).toContain("[email]");
    expect(one.notes).toContain("[email]");
    expect(leaks([listed, one])).toEqual([]);
  });
});

describe("writing back what the gate showed", () => {
  it("a product manager saving an action's masked notes unchanged keeps the stored personal data", async () => {
    const created = await postAction(
      jsonRequest("/api/v1/remediation-actions", {
        method: "POST",
        token: tokens.reviewer,
        body: { title: "Owned by the PM", notes: `Call ${PERSONAL.email}`, ownerId: f.users.pm.id },
      }),
      noParams,
    );
    const { id } = await created.json();
    const shown = await (await getAction(jsonRequest("/x", { token: tokens.pm }), idParams(id))).json();
    expect(shown.notes).toBe("Call [email]");
    const saved = await patchAction(
      jsonRequest("/x", { method: "PATCH", token: tokens.pm, body: { version: shown.version, notes: shown.notes } }),
      idParams(id),
    );
    expect(saved.status).toBe(200);
    const stored = await (await getAction(jsonRequest("/x", { token: tokens.reviewer }), idParams(id))).json();
    expect(stored.notes).toBe(`Call ${PERSONAL.email}`);
  });
});

describe("as leadership, no complaint and no complaint reference", () => {
  it("complaint reads are refused", async () => {
    expect((await listComplaintsApi(jsonRequest("/x", { token: tokens.leadership }), noParams)).status).toBe(403);
    expect((await getComplaint(jsonRequest("/x", { token: tokens.leadership }), idParams(complaintId))).status).toBe(
      403,
    );
    expect((await exportCsv(jsonRequest("/x", { token: tokens.leadership }), noParams)).status).toBe(403);
    expect(await getComplaintDetail(db, complaintId, { access: "none" })).toBeNull();
    expect(await listMentions(db, f.users.leadership.id, { access: "none" })).toEqual([]);
  });
  it("remediation list, detail and history carry no complaint reference or personal data", async () => {
    const listed = await (await listActions(jsonRequest("/x", { token: tokens.leadership }), noParams)).json();
    const one = await (await getAction(jsonRequest("/x", { token: tokens.leadership }), idParams(actionId))).json();
    const page = await getRemediationDetail(db, actionId, { access: "none", withEvidence: false });
    for (const read of [listed, one, page]) {
      expect(JSON.stringify(read)).not.toContain(reference);
      expect(leaks(read)).toEqual([]);
    }
    expect(one.title).toBe("Stop double charges (see [complaint])");
    expect(one.history.map((h: { sentence: string }) => h.sentence)).toContain(
      "Anna Lind added a complaint as evidence",
    );
  });
});
