import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq, ne } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { apiTokens, auditLog, authThrottle, complaints, remediationActions, users } from "@/db/schema";
import { routeOperationOf } from "@/lib/api/route";
import { can, type Permission } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { createFixtures, type Fixtures } from "@/lib/complaints/test-fixtures";
import type { Role } from "@/lib/domain/values";
import { exactly } from "@/lib/must";
import { operationOf } from "@/lib/operations/action";
import { operations } from "@/lib/operations/registry";
import { tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";

/**
 * Generated from the code: every page, route handler and server action is found on disk, must have an
 * entry below (a new one without one fails), and is called as nobody, each role, a deactivated user, a
 * revoked, a forged and an unknown token, and (with a session cookie) from a foreign origin. Denials
 * change nothing: row counts and the audit log stay as they were.
 */
let sessionUser: SessionUser | null = null;
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => sessionUser,
}));

const ROOT = process.cwd();
const ROLES: Role[] = ["admin", "reviewer", "product_manager", "leadership"];

const PUBLIC = "public" as const;
const SIGNED_IN = "signed-in" as const;
type Access = Permission | typeof PUBLIC | typeof SIGNED_IN;

const PAGES: Record<string, Access> = {
  "app/(app)/admin/audit/page.tsx": "admin:manage",
  "app/(app)/admin/deadlines/page.tsx": "admin:manage",
  "app/(app)/admin/privacy/page.tsx": "admin:manage",
  "app/(app)/admin/publication/page.tsx": "admin:manage",
  "app/(app)/admin/retention/page.tsx": "admin:manage",
  "app/(app)/admin/taxonomies/page.tsx": "admin:manage",
  "app/(app)/admin/users/page.tsx": "admin:manage",
  "app/(app)/admin/volumes/page.tsx": "admin:manage",
  "app/(app)/agreement/[id]/page.tsx": "complaints:write",
  "app/(app)/agreement/page.tsx": "complaints:write",
  "app/(app)/complaints/[id]/page.tsx": "complaints:read",
  "app/(app)/complaints/new/page.tsx": "complaints:write",
  "app/(app)/complaints/(list)/page.tsx": "complaints:read",
  "app/(app)/dashboard/page.tsx": "reports:read",
  "app/(app)/exports/page.tsx": "exports:run",
  "app/(app)/imports/[id]/page.tsx": "imports:run",
  "app/(app)/imports/page.tsx": "imports:run",
  "app/(app)/inbox/page.tsx": "complaints:comment",
  "app/(app)/remediation/[id]/page.tsx": "remediation:read",
  "app/(app)/remediation/new/page.tsx": "remediation:propose",
  "app/(app)/remediation/(list)/page.tsx": "remediation:read",
  "app/(app)/reports/root-causes/page.tsx": "reports:read",
  "app/(auth)/sign-in/page.tsx": PUBLIC,
  "app/page.tsx": SIGNED_IN,
  "app/zero-mission/page.tsx": PUBLIC,
};

const ROUTES: Record<string, Record<string, Access>> = {
  "app/api/auth/[...nextauth]/route.ts": { GET: PUBLIC, POST: PUBLIC },
  "app/api/health/route.ts": { GET: PUBLIC },
  "app/api/public/zero-mission/route.ts": { GET: PUBLIC },
  "app/api/v1/audit-log/route.ts": { GET: "admin:manage" },
  "app/api/v1/complaints/[id]/route.ts": { GET: "complaints:read", PATCH: "complaints:write" },
  "app/api/v1/complaints/[id]/suggestions/route.ts": { GET: "complaints:read" },
  "app/api/v1/complaints/export/route.ts": { GET: "exports:run" },
  "app/api/v1/complaints/route.ts": { GET: "complaints:read", POST: "complaints:write" },
  "app/api/v1/exports/[id]/file/route.ts": { GET: "exports:run" },
  "app/api/v1/exports/[id]/route.ts": { GET: "exports:run" },
  "app/api/v1/imports/[id]/cancel/route.ts": { POST: "imports:run" },
  "app/api/v1/imports/[id]/errors/route.ts": { GET: "imports:run" },
  "app/api/v1/imports/[id]/route.ts": { GET: "imports:run" },
  "app/api/v1/imports/route.ts": { GET: "imports:run", POST: "imports:run" },
  "app/api/v1/me/route.ts": { GET: "reports:read" },
  "app/api/v1/metrics/zero-mission/route.ts": { GET: "reports:read" },
  "app/api/v1/privacy/erasures/route.ts": { POST: "admin:manage" },
  "app/api/v1/remediation-actions/[id]/effectiveness-checks/route.ts": { POST: "remediation:update_own" },
  "app/api/v1/remediation-actions/[id]/route.ts": { GET: "remediation:read", PATCH: "remediation:update_own" },
  "app/api/v1/remediation-actions/route.ts": { GET: "remediation:read", POST: "remediation:write" },
  "app/api/v1/reports/root-causes/matrix/route.ts": { GET: "reports:read" },
  "app/api/v1/reports/root-causes/route.ts": { GET: "reports:read" },
};

const ACTIONS: Record<string, Access> = {
  "lib/auth/sign-in-actions.ts#signInAction": PUBLIC,
  "lib/auth/sign-in-actions.ts#signInWithOidcAction": PUBLIC,
  "lib/auth/sign-in-actions.ts#signOutAction": PUBLIC,
  // The language is chosen on the sign-in page too: it only sets a cookie for this browser.
  "lib/i18n/actions.ts#setLocaleAction": PUBLIC,
};
// Filled below from the code's own files; each module's entries are listed in ACTION_PERMISSIONS.
const ACTION_PERMISSIONS: Record<string, Permission> = JSON.parse(
  readFileSync(path.join(ROOT, "test", "authorisation-actions.json"), "utf8"),
);
Object.assign(ACTIONS, ACTION_PERMISSIONS);

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (match(name)) out.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, dir));
  return out.sort();
}

const registered = new Set<unknown>(operations);

const pageFiles = filesUnder("app", (n) => n === "page.tsx");
const routeFiles = filesUnder("app", (n) => n === "route.ts");
const actionFiles = filesUnder("lib", (n) => n.endsWith(".ts") && !n.endsWith(".test.ts")).filter((f) =>
  /^["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8")),
);

let t: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string>;
let deactivatedToken: string;
let revokedToken: string;
let deactivated: SessionUser;

// A valid token's first use of the day is audited (token.first_use_today) whatever the request then
// does: that records who knocked, not something the denied request changed.
const counts = async () => ({
  complaints: await db.$count(complaints),
  actions: await db.$count(remediationActions),
  audit: await db.$count(auditLog, ne(auditLog.action, "token.first_use_today")),
});

beforeAll(async () => {
  t = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
  const [gone] = exactly(
    await db.insert(users).values({ email: "gone@test.example", name: "Gone", role: "admin" }).returning(),
    1,
    "user",
  );
  deactivatedToken = (await tokensFor({ gone })).gone;
  await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
  deactivated = { id: gone.id, email: gone.email, name: gone.name, role: "admin" };
  revokedToken = (await tokensFor({ admin: f.users.admin })).admin;
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.userId, f.users.admin.id));
  // The admin's tokens were all revoked above; give the admin a fresh one.
  tokens.admin = (await tokensFor({ admin: f.users.admin })).admin;
});
afterAll(() => t.drop());

describe("the inventory matches the code", () => {
  it("every page has an entry, and its guard is the one the entry names", () => {
    expect(pageFiles).toEqual(Object.keys(PAGES).sort());
    for (const [file, access] of Object.entries(PAGES)) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      if (access === PUBLIC) expect(source, file).not.toMatch(/requireUser\(/);
      else if (access === SIGNED_IN) expect(source, file).toMatch(/requireUser\(\)|getCurrentUser\(\)/);
      else expect(source, file).toContain(`requireUser("${access}")`);
    }
  });

  it("every route handler has an entry per method, and its operation (or apiRoute) declares that permission", async () => {
    expect(routeFiles).toEqual(Object.keys(ROUTES).sort());
    for (const [file, methods] of Object.entries(ROUTES)) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const declared = [...source.matchAll(/export (?:const|async function) (GET|POST|PATCH|PUT|DELETE)\b/g)].map(
        (m) => m[1],
      );
      expect(declared.sort(), file).toEqual(Object.keys(methods).sort());
      const handlers = await import(/* @vite-ignore */ path.join(ROOT, file));
      for (const [method, access] of Object.entries(methods)) {
        if (access === PUBLIC) continue;
        // A route over an operation takes the operation's permission, read from the registry.
        const operation = routeOperationOf(handlers[method]);
        if (operation) {
          expect(registered.has(operation), `${file} ${method}: ${operation.name} is in the registry`).toBe(true);
          expect(operation.permission, `${file} ${method}`).toBe(access);
          continue;
        }
        expect(source, `${file} ${method}`).toMatch(
          new RegExp(`export const ${method} = apiRoute(<[^>]+>)?\\(\\{ permission: "${access}"`),
        );
      }
    }
  });

  it("a server action over an operation runs a registered one, allowing the roles its entry names", async () => {
    let checked = 0;
    for (const [key, access] of Object.entries(ACTIONS)) {
      const [file, name] = key.split("#") as [string, string];
      const operation = operationOf((await import(/* @vite-ignore */ path.join(ROOT, file)))[name]);
      if (!operation) continue;
      checked++;
      expect(registered.has(operation), `${key}: ${operation.name} is in the registry`).toBe(true);
      expect(access === PUBLIC || access === SIGNED_IN, key).toBe(false);
      expect(
        ROLES.filter((role) => can(role, operation.permission)),
        key,
      ).toEqual(ROLES.filter((role) => can(role, access as Permission)));
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("every server action has an entry", async () => {
    const found: string[] = [];
    for (const file of actionFiles) {
      const exports = await import(/* @vite-ignore */ path.join(ROOT, file));
      for (const [name, value] of Object.entries(exports))
        if (typeof value === "function") found.push(`${file}#${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

type Caller = { name: string; token?: string; allowed: (p: Permission) => boolean; status: number[] };
const callers = (): Caller[] => [
  { name: "nobody", allowed: () => false, status: [401] },
  ...ROLES.map((role) => ({
    name: role,
    token: tokens[role === "product_manager" ? "pm" : role],
    allowed: (p: Permission) => can(role, p),
    status: [403],
  })),
  { name: "a deactivated user", token: deactivatedToken, allowed: () => false, status: [401] },
  { name: "a revoked token", token: revokedToken, allowed: () => false, status: [401] },
  {
    name: "a forged token",
    token: "czt_forgedforgedforgedforgedforgedforgedforg",
    allowed: () => false,
    status: [401],
  },
];

const SOME_ID = "00000000-0000-4000-8000-000000000000";

describe("every route handler, as every caller", () => {
  for (const [file, methods] of Object.entries(ROUTES)) {
    for (const [method, access] of Object.entries(methods)) {
      if (access === PUBLIC || access === SIGNED_IN) continue;
      it(`${method} ${file}`, async () => {
        // Each route starts with a clean slate: bad tokens count against the address (all "unknown" here).
        await db.delete(authThrottle);
        const handler = (await import(/* @vite-ignore */ path.join(ROOT, file)))[method] as (
          r: NextRequest,
          c: { params: Promise<Record<string, string>> },
        ) => Promise<Response>;
        const url = `http://localhost/${file
          .replace(/^app\//, "")
          .replace(/\/route\.ts$/, "")
          .replaceAll("[id]", SOME_ID)}`;
        for (const caller of callers()) {
          if (caller.allowed(access)) continue;
          const before = await counts();
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (caller.token) headers.authorization = `Bearer ${caller.token}`;
          const request = new NextRequest(url, {
            method,
            headers,
            body: method === "GET" ? undefined : JSON.stringify({ title: "x", summary: "x", version: 1 }),
          });
          const response = await handler(request, { params: Promise.resolve({ id: SOME_ID }) });
          expect(caller.status, `${caller.name}: ${method} ${file}`).toContain(response.status);
          expect(await counts(), caller.name).toEqual(before);
        }
      });
    }
  }

  it("a session cookie from a foreign origin may not write", async () => {
    const { POST } = await import("@/app/api/v1/complaints/route");
    const { admin } = f.users;
    sessionUser = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
    const before = await counts();
    const body = JSON.stringify({
      externalId: "X",
      receivedOn: "2024-01-01",
      market: "SE",
      channel: "customer_service",
      summary: "s",
    });
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example", "content-type": "application/json" },
      { "content-type": "application/json" },
      { origin: "http://localhost", "content-type": "text/plain" },
    ]) {
      const request = new NextRequest("http://localhost/api/v1/complaints", {
        method: "POST",
        headers: { ...headers, host: "localhost", cookie: "authjs.session-token=stolen" },
        body,
      });
      expect((await POST(request, { params: Promise.resolve({}) })).status).toBe(403);
    }
    expect(await counts()).toEqual(before);
    sessionUser = null;
  });
});

describe("every server action, as every identity", () => {
  for (const [key, access] of Object.entries(ACTIONS)) {
    if (access === PUBLIC || access === SIGNED_IN) continue;
    it(key, async () => {
      const [file, name] = key.split("#") as [string, string];
      const fn = (await import(/* @vite-ignore */ path.join(ROOT, file)))[name] as (input: unknown) => Promise<{
        error?: { code: string };
      }>;
      const identities: { label: string; user: SessionUser | null; allowed: boolean }[] = [
        { label: "nobody", user: null, allowed: false },
        { label: "deactivated", user: null, allowed: false },
        ...ROLES.map((role) => {
          const u = f.users[role === "product_manager" ? "pm" : role];
          return { label: role, user: { id: u.id, email: u.email, name: u.name, role }, allowed: can(role, access) };
        }),
      ];
      void deactivated; // getCurrentUser answers null for a deactivated user (session.ts), as for nobody.
      for (const identity of identities) {
        sessionUser = identity.user;
        const before = await counts();
        const result = await fn({});
        const code = result?.error?.code;
        if (identity.allowed) expect(["forbidden", "unauthenticated"], `${identity.label} ${key}`).not.toContain(code);
        else {
          expect(["forbidden", "unauthenticated"], `${identity.label} ${key}`).toContain(code);
          expect(await counts(), `${identity.label} ${key}`).toEqual(before);
        }
      }
      sessionUser = null;
    });
  }
});
