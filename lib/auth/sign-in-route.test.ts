import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/db";
import { clientAddress } from "@/lib/security/client-address";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { PAIR_FREE_FAILURES, PAIR_POLICY, pairKey, recordFailure } from "./throttle";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const EMAIL = "locked@bank.example";

const signIn = (language: string) =>
  new NextRequest("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": language },
    body: new URLSearchParams({ email: EMAIL, password: "wrong" }).toString(),
  });

describe("a throttled sign-in", () => {
  it("is refused with 429 in the caller's language", async () => {
    const address = clientAddress(signIn("sv").headers);
    for (let i = 0; i <= PAIR_FREE_FAILURES; i++) await recordFailure(db, pairKey(EMAIL, address), PAIR_POLICY);
    const sv = await POST(signIn("sv"));
    expect(sv.status).toBe(429);
    expect(sv.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await sv.json()) as { error: { message: string } }).error.message).toMatch(
      /^För många misslyckade försök härifrån/,
    );
    const en = await POST(signIn("en"));
    expect(((await en.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many failed attempts from here/,
    );
  });
});
