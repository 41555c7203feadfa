import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH as patchComplaint } from "@/app/api/v1/complaints/[id]/route";
import { GET as listComplaints, POST as postComplaint } from "@/app/api/v1/complaints/route";
import { GET as metrics } from "@/app/api/v1/metrics/zero-mission/route";
import { POST as runCheck } from "@/app/api/v1/remediation-actions/[id]/effectiveness-checks/route";
import { PATCH as patchAction } from "@/app/api/v1/remediation-actions/[id]/route";
import { POST as postAction } from "@/app/api/v1/remediation-actions/route";
import { db } from "@/db";
import { auditLog, complaints, remediationActions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { createFixtures, type Fixtures } from "@/lib/complaints/test-fixtures";
import { idParams, jsonRequest, noParams, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";

// Server actions run as a signed-in admin (every permission), so only the input decides the answer.
let sessionUser: SessionUser | null = null;
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => sessionUser,
}));

let t: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string>;
let complaintId: string;
let actionId: string;

const counts = async () => ({
  complaints: await db.$count(complaints),
  actions: await db.$count(remediationActions),
  audit: await db.$count(auditLog),
});

beforeAll(async () => {
  t = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
  const { admin } = f.users;
  sessionUser = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
  const created = await postComplaint(
    jsonRequest("/api/v1/complaints", { method: "POST", token: tokens.admin, body: validComplaint("SEED-1") }),
    noParams,
  );
  complaintId = (await created.json()).id;
  const action = await postAction(
    jsonRequest("/api/v1/remediation-actions", { method: "POST", token: tokens.admin, body: { title: "Fix it" } }),
    noParams,
  );
  actionId = (await action.json()).id;
});
afterAll(() => t.drop());

function validComplaint(externalId: string) {
  return {
    externalId,
    receivedOn: "2024-03-01",
    market: "SE",
    channel: "customer_service",
    summary: "Refund is slow",
    narrative: "The refund took six weeks",
    customerRef: "CUST-1",
  };
}

const NUL = "a\u0000b";
const LONE = "a\ud800b";
let deep: unknown = "x";
for (let i = 0; i < 5000; i++) deep = { a: deep };
const DEEP_JSON = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;

type Case = { name: string; call: () => Promise<Response>; field: string | null; status?: number };
const post = (url: string, body: unknown, token = () => tokens.admin) =>
  jsonRequest(url, { method: "POST", token: token(), body });
const patch = (url: string, body: unknown) => jsonRequest(url, { method: "PATCH", token: tokens.admin, body });

const complaintCases: Case[] = [
  ...["externalId", "market", "summary", "narrative", "customerRef", "receivedOn", "channel"].flatMap((field) => [
    {
      name: `POST complaint: NUL in ${field}`,
      call: () => postComplaint(post("/api/v1/complaints", { ...validComplaint("H-1"), [field]: NUL }), noParams),
      field,
    },
    {
      name: `POST complaint: lone surrogate in ${field}`,
      call: () => postComplaint(post("/api/v1/complaints", { ...validComplaint("H-2"), [field]: LONE }), noParams),
      field,
    },
  ]),
  ...["0000-01-01", "1850-06-01", "9999-12-31", "2024-02-30", "2024-1-1"].map((date) => ({
    name: `POST complaint: receivedOn ${date}`,
    call: () => postComplaint(post("/api/v1/complaints", { ...validComplaint("H-3"), receivedOn: date }), noParams),
    field: "receivedOn",
  })),
  {
    name: "POST complaint: a 900 KB summary",
    call: () =>
      postComplaint(
        post("/api/v1/complaints", { ...validComplaint("H-4"), summary: "x".repeat(900 * 1024) }),
        noParams,
      ),
    field: "summary",
  },
  {
    name: "POST complaint: summary of the wrong type",
    call: () => postComplaint(post("/api/v1/complaints", { ...validComplaint("H-5"), summary: 42 }), noParams),
    field: "summary",
  },
  {
    name: "POST complaint: summary missing",
    call: () => {
      const { summary: _, ...rest } = validComplaint("H-6");
      return postComplaint(post("/api/v1/complaints", rest), noParams);
    },
    field: "summary",
  },
  {
    name: "POST complaint: nested 5,000 deep",
    call: () =>
      postComplaint(
        post("/api/v1/complaints", `{"externalId":"H-7","summary":"s","narrative":${DEEP_JSON}}`),
        noParams,
      ),
    field: "narrative.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a",
  },
  {
    name: "POST complaint: a 2 MB body",
    call: () => postComplaint(post("/api/v1/complaints", { blob: "x".repeat(2 * 1024 * 1024) }), noParams),
    field: null,
    status: 413,
  },
  {
    name: "POST complaint: [{}] as the body",
    call: () => postComplaint(post("/api/v1/complaints", [{}]), noParams),
    field: null,
  },
  {
    name: "PATCH complaint: version 2147483648",
    call: () =>
      patchComplaint(
        patch(`/api/v1/complaints/${complaintId}`, { version: 2147483648, summary: "x" }),
        idParams(complaintId),
      ),
    field: "version",
  },
  {
    name: "PATCH complaint: lone surrogate in summary",
    call: () =>
      patchComplaint(patch(`/api/v1/complaints/${complaintId}`, { version: 1, summary: LONE }), idParams(complaintId)),
    field: "summary",
  },
  ...["acknowledgedAt", "respondedAt"].map((field) => ({
    name: `PATCH complaint: ${field} in the year 0000`,
    call: () =>
      patchComplaint(
        patch(`/api/v1/complaints/${complaintId}`, { version: 1, [field]: "0000-01-01T00:00:00Z" }),
        idParams(complaintId),
      ),
    field,
  })),
  {
    name: "PATCH complaint: acknowledgedAt not a date-time",
    call: () =>
      patchComplaint(
        patch(`/api/v1/complaints/${complaintId}`, { version: 1, acknowledgedAt: "garbage" }),
        idParams(complaintId),
      ),
    field: "acknowledgedAt",
  },
  {
    name: "PATCH complaint: respondedAt in 2999",
    call: () =>
      patchComplaint(
        patch(`/api/v1/complaints/${complaintId}`, { version: 1, respondedAt: "2999-01-01T00:00:00Z" }),
        idParams(complaintId),
      ),
    field: "respondedAt",
  },
];

const remediationCases: Case[] = [
  ...["title", "description", "notes", "market"].map((field) => ({
    name: `POST remediation: NUL in ${field}`,
    call: () => postAction(post("/api/v1/remediation-actions", { title: "T", [field]: NUL }), noParams),
    field,
  })),
  ...["0000-01-01", "9999-12-31"].map((dueOn) => ({
    name: `POST remediation: dueOn ${dueOn}`,
    call: () => postAction(post("/api/v1/remediation-actions", { title: "T", dueOn }), noParams),
    field: "dueOn",
  })),
  {
    name: "PATCH remediation: version 2147483648",
    call: () =>
      patchAction(
        patch(`/api/v1/remediation-actions/${actionId}`, { version: 2147483648, notes: "x" }),
        idParams(actionId),
      ),
    field: "version",
  },
  {
    name: "POST effectiveness check: NUL in months",
    call: () =>
      runCheck(
        post(`/api/v1/remediation-actions/${actionId}/effectiveness-checks`, { months: NUL }),
        idParams(actionId),
      ),
    field: "months",
  },
];

const get = (url: string) => jsonRequest(url, { token: tokens.admin });
const queryCases: Case[] = [
  {
    name: "GET complaints: NUL in q",
    call: () => listComplaints(get("/api/v1/complaints?q=a%00b"), noParams),
    field: "q",
  },
  {
    name: "GET complaints: NUL in product",
    call: () => listComplaints(get("/api/v1/complaints?product=%00"), noParams),
    field: "product",
  },
  {
    name: "GET complaints: receivedFrom in the year 0000",
    call: () => listComplaints(get("/api/v1/complaints?receivedFrom=0000-01-01"), noParams),
    field: "received_from",
  },
  {
    name: "GET metrics: from=0000-01",
    call: () => metrics(get("/api/v1/metrics/zero-mission?from=0000-01"), noParams),
    field: "from",
  },
];

describe("hostile input over every API write: 400 naming the field, nothing written", () => {
  for (const c of [...complaintCases, ...remediationCases, ...queryCases]) {
    it(c.name, async () => {
      const before = await counts();
      const response = await c.call();
      expect(response.status).toBe(c.status ?? 400);
      const body = await response.json();
      if (c.field) expect(body.error.details.map((d: { path: string }) => d.path)).toContain(c.field);
      expect(await counts()).toEqual(before);
    });
  }

  it("SQL and HTML payloads and odd Unicode are stored as text, never a 5xx", async () => {
    for (const summary of ["'; drop table complaints; --", "<script>alert(1)</script>", "😀\u200b\u202e﷽ ok"]) {
      const response = await postComplaint(
        post("/api/v1/complaints", { ...validComplaint(`ODD-${summary.length}`), summary }),
        noParams,
      );
      expect(response.status).toBe(201);
      expect((await response.json()).summary).toBe(summary);
    }
  });
});

/** Every server action module under lib/, found on disk, so a new one is covered without an edit here. */
function serverActionModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (
        /\.ts$/.test(name) &&
        !name.endsWith(".test.ts") &&
        /^["']use server["']/.test(readFileSync(full, "utf8"))
      )
        found.push(full);
    }
  };
  walk(path.join(process.cwd(), "lib"));
  return found.sort();
}

describe("hostile input over every server action: refused by name, nothing written", () => {
  const modules = serverActionModules();
  it("finds the server action modules", () => {
    expect(modules.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of modules) {
    const relative = path.relative(process.cwd(), file);
    it(relative, async () => {
      const exports = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(exports)) {
        if (typeof fn !== "function") continue;
        if (relative.endsWith("sign-in-actions.ts")) {
          // A hand-made request can post JSON where a form is expected: an answer, never a throw.
          if (name === "signInAction") {
            expect(await (fn as (a: unknown, b: unknown) => Promise<unknown>)(undefined, [{}])).toMatchObject({
              error: expect.any(String),
            });
          }
          continue;
        }
        const before = await counts();
        for (const [input, field] of [
          [{ jobId: NUL, id: NUL, complaintId: NUL, name: NUL, dryRun: false }, null],
          [{ summary: LONE }, "summary"],
          [deep, null],
        ] as const) {
          const result = (await (fn as (input: unknown) => Promise<unknown>)(input)) as {
            error?: { code: string };
            fieldErrors?: Record<string, string[]>;
          };
          expect(result.error?.code, `${name}(${field ?? "…"})`).toBe("invalid");
          if (field && result.fieldErrors) expect(Object.keys(result.fieldErrors)).toContain(field);
        }
        expect(await counts(), name).toEqual(before);
      }
    });
  }
});
