import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { createFixtures } from "@/lib/complaints/test-fixtures";
import { AppError } from "@/lib/errors";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { operationAction, operationOf } from "./action";
import { defineOperation } from "./operation";

let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => sessionUser,
}));

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase();
  const { admin } = (await createFixtures()).users;
  sessionUser = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
});
afterAll(() => t.drop());

const note = defineOperation({
  name: "test.note",
  permission: "admin:manage",
  input: z.object({ text: z.string().trim().min(1), fail: z.boolean().default(false) }),
  work: async ({ input, audit }) => {
    await audit({ action: "test.note", entityType: "test", meta: { text: input.text } });
    if (input.fail) throw new AppError("conflict", "Refused after writing");
    return { written: input.text };
  },
});

const notes = () => db.select().from(auditLog).where(eq(auditLog.action, "test.note"));

describe("operationAction", () => {
  it("refreshes once the transaction has committed, with the parsed input and the result", async () => {
    const order: string[] = [];
    const transaction = t.db.transaction.bind(t.db);
    const spy = vi.spyOn(t.db, "transaction").mockImplementation(((...args: Parameters<typeof transaction>) =>
      transaction(...args).then((value) => {
        order.push("commit");
        return value;
      })) as typeof transaction);
    const seen: unknown[] = [];
    const act = operationAction(note, {
      refresh: (input, data) => {
        order.push("refresh");
        seen.push({ input, data });
      },
    });
    const result = await act({ text: "  hello " });
    spy.mockRestore();
    expect(result).toEqual({ data: { written: "hello" } });
    expect(order).toEqual(["commit", "refresh"]);
    expect(seen).toEqual([{ input: { text: "hello", fail: false }, data: { written: "hello" } }]);
    expect(await notes()).toHaveLength(1);
    expect(operationOf(act)).toBe(note);
  });

  it("does not refresh when the operation fails, is refused or is given bad input", async () => {
    const refresh = vi.fn();
    const act = operationAction(note, { refresh });
    expect(await act({ text: "x", fail: true })).toMatchObject({ error: { code: "conflict" } });
    expect(await act({ text: " " })).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: { text: expect.any(Array) },
    });
    sessionUser = { ...(sessionUser as SessionUser), role: "reviewer" };
    expect(await act({ text: "x" })).toMatchObject({ error: { code: "forbidden" } });
    expect(refresh).not.toHaveBeenCalled();
    expect(await notes()).toHaveLength(1);
  });
});
