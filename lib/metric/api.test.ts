import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as publicGet } from "@/app/api/public/zero-mission/route";
import { GET as v1Get } from "@/app/api/v1/metrics/zero-mission/route";
import { db } from "@/db";
import { complaints, targets } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { exactly } from "@/lib/must";
import { run } from "@/lib/operations";
import { createUser, issueToken } from "@/lib/users/service";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { ensureMarkets, insertComplaints, setVolume } from "./fixtures.test-util";
import { publishMetricMonth, restateMetricMonth } from "./operations";

let database: TestDatabase;
let token: string;
let excludedId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE", "NO");
  token = await db.transaction(async (tx) => {
    const user = await createUser(tx, CLI_ACTOR, { email: "lead@bank.example", name: "Lead", role: "leadership" });
    return (await issueToken(tx, CLI_ACTOR, { userId: user.id, name: "test" })).token;
  });
  // SE 2018: 40 per million all year (the previous year for a −10 % target).
  for (let m = 1; m <= 12; m++) {
    const month = `2018-${String(m).padStart(2, "0")}`;
    await setVolume("SE", month, 500_000);
    await insertComplaints(Array.from({ length: 20 }, () => ({ receivedOn: `${month}-15` })));
  }
  // SE 2019-01: 30 counted complaints on 1,000,000 purchases, plus one excluded test entry.
  await setVolume("SE", "2019-01", 1_000_000);
  await insertComplaints(
    Array.from({ length: 30 }, (_, i) => ({ receivedOn: `2019-01-${String((i % 28) + 1).padStart(2, "0")}` })),
  );
  [excludedId] = exactly(
    await insertComplaints([{ receivedOn: "2019-01-20", excludedReason: "test" }]),
    1,
    "complaint",
  );
  // SE 2019-02: complaints but no volume yet.
  await insertComplaints(Array.from({ length: 7 }, () => ({ receivedOn: "2019-02-11" })));
  // NO 2019-01: 5 on 250,000.
  await setVolume("NO", "2019-01", 250_000);
  await insertComplaints(Array.from({ length: 5 }, () => ({ receivedOn: "2019-01-05", market: "NO" })));
  await db.insert(targets).values({ market: "SE", year: 2019, kind: "reduction", value: 10 });
});

afterAll(async () => {
  await database.drop();
});

const v1 = (query: string, auth = true) =>
  v1Get(
    new NextRequest(`http://localhost/api/v1/metrics/zero-mission${query}`, {
      headers: auth ? { authorization: `Bearer ${token}` } : {},
    }),
    { params: Promise.resolve({}) },
  );
const pub = (query: string) => publicGet(new NextRequest(`http://localhost/api/public/zero-mission${query}`));

describe("GET /api/v1/metrics/zero-mission", () => {
  it("answers the documented shape with unrounded figures, null without volume and excluded complaints left out", async () => {
    const response = await v1("?market=SE&from=2019-01&to=2019-02");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      market: "SE",
      from: "2019-01",
      to: "2019-02",
      months: [
        { month: "2019-01", complaints: 30, purchases: 1_000_000, perMillion: 30 },
        { month: "2019-02", complaints: 7, purchases: null, perMillion: null },
      ],
      // The year's figure covers January only; the 7 February complaints are listed but not in it.
      years: [{ year: 2019, complaints: 37, purchases: 1_000_000, perMillion: 30, target: expect.any(Number) }],
    });
    // 2018: 240 / 6,000,000 = 40 per million; −10 % = 36.
    expect(body.years[0].target).toBeCloseTo(36, 10);
  });

  it("weights a year by volume across months", async () => {
    const body = await (await v1("?market=SE&from=2018-12&to=2019-01")).json();
    expect(body.years.map((y: { year: number; perMillion: number }) => [y.year, y.perMillion])).toEqual([
      [2018, 40],
      [2019, 30],
    ]);
  });

  it("sums numerators and denominators for all markets when market is omitted", async () => {
    const body = await (await v1("?from=2019-01&to=2019-01")).json();
    expect(body.market).toBeNull();
    // (30 + 5) / (1,000,000 + 250,000) × 1e6 = 28
    expect(body.months).toEqual([{ month: "2019-01", complaints: 35, purchases: 1_250_000, perMillion: 28 }]);
    expect(body.years[0].target).toBeNull();
  });

  it("refuses bad input with field paths, unknown markets with 404 and no token with 401", async () => {
    const bad = await v1("?market=SE&from=2019-13");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([{ path: "from", message: expect.stringContaining("YYYY-MM") }]);
    const reversed = await v1("?from=2019-03&to=2019-01");
    expect(reversed.status).toBe(400);
    expect((await v1("?market=DK")).status).toBe(404);
    expect((await v1("?market=SE", false)).status).toBe(401);
  });
});

describe("the API door's own refusals", () => {
  const asked = (query: string, headers: Record<string, string>) =>
    v1Get(new NextRequest(`http://localhost/api/v1/metrics/zero-mission${query}`, { headers }), {
      params: Promise.resolve({}),
    });
  const errorOf = async (response: Response) => ((await response.json()) as { error: unknown }).error;

  it("are worded in the caller's language", async () => {
    const sv = { "accept-language": "sv" };
    const unsigned = await asked("?market=SE", sv);
    expect(unsigned.status).toBe(401);
    expect(await errorOf(unsigned)).toMatchObject({
      message: "Skicka en API-token som `Authorization: Bearer <token>`",
    });
    const wrongToken = await asked("?market=SE", { ...sv, authorization: "Bearer czt_nonsense" });
    expect(await errorOf(wrongToken)).toMatchObject({
      code: "unauthenticated",
      message: "API-token saknas, är ogiltig eller har återkallats",
    });
    const hostile = await asked("?market=S%00E", { ...sv, authorization: `Bearer ${token}` });
    expect(hostile.status).toBe(400);
    expect(await errorOf(hostile)).toEqual({
      code: "invalid",
      message: "Några parametrar är ogiltiga",
      details: [{ path: "market", message: expect.not.stringMatching(/NUL character/) }],
    });
    const english = await asked("?market=S%00E", { authorization: `Bearer ${token}` });
    expect(await errorOf(english)).toEqual({
      code: "invalid",
      message: "Some parameters are invalid",
      details: [{ path: "market", message: "Text may not contain the NUL character" }],
    });
  });
});

describe("publication and the public endpoint", () => {
  const publish = (month: string) => run(CLI_ACTOR, publishMetricMonth, { market: "SE", month });

  it("shows nothing before anything is published", async () => {
    const body = await (await pub("?market=SE")).json();
    expect(body).toEqual({ market: "SE", from: null, to: null, months: [], years: [] });
  });

  it("refuses to publish a month without a volume, and publishes one with it", async () => {
    const refused = await publish("2019-02");
    expect("error" in refused && refused.error.message).toContain("No purchase volume");
    const done = await publish("2019-01");
    expect("data" in done && done.data).toMatchObject({ month: "2019-01", complaints: 30, perMillion: 30 });
    const again = await publish("2019-01");
    expect("error" in again && again.error.code).toBe("conflict");
  });

  it("serves published figures only, in the v1 shape", async () => {
    await insertComplaints([{ receivedOn: "2019-01-30" }, { receivedOn: "2019-01-31" }]); // late registrations
    const body = await (await pub("?market=SE")).json();
    expect(body.months).toEqual([
      { month: "2019-01", complaints: 30, purchases: 1_000_000, perMillion: 30, restatements: [] },
    ]);
    expect(body.years).toEqual([{ year: 2019, complaints: 30, purchases: 1_000_000, perMillion: 30, target: null }]);
    // The live figure has moved on; the public one has not.
    expect((await (await v1("?market=SE&from=2019-01&to=2019-01")).json()).months[0].complaints).toBe(32);
  });

  it("marks a restatement with its reason and date after an admin records it", async () => {
    const result = await run(CLI_ACTOR, restateMetricMonth, {
      market: "SE",
      month: "2019-01",
      reason: "Two complaints registered late",
    });
    expect("data" in result && result.data).toMatchObject({ complaints: 32, perMillion: 32 });
    const body = await (await pub("?market=SE")).json();
    expect(body.months[0]).toMatchObject({
      complaints: 32,
      perMillion: 32,
      restatements: [
        {
          reason: "Two complaints registered late",
          previousComplaints: 30,
          previousPerMillion: 30,
          restatedAt: expect.any(String),
        },
      ],
    });
  });

  it("gives the public table as CSV with whole numbers", async () => {
    await setVolume("SE", "2019-02", 400_000); // 7 / 400,000 = 17.5 → 18
    await publish("2019-02");
    const response = await pub("?market=SE&format=csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    // 2019: (32 + 7) / 1,400,000 = 27.857… → 28
    expect(await response.text()).toBe(
      "year,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec,average\r\n2019,32,18,,,,,,,,,,,28\r\n",
    );
  });

  it("counts a complaint whose exclusion is lifted in the live figure only; the published one waits for a restatement", async () => {
    await db.update(complaints).set({ excludedReason: null }).where(eq(complaints.id, excludedId));
    const live = await (await v1("?market=SE&from=2019-01&to=2019-01")).json();
    expect(live.months[0].complaints).toBe(33);
    const published = await (await pub("?market=SE")).json();
    expect(published.months[0].complaints).toBe(32);
  });

  it("refuses a missing or unknown market", async () => {
    const missing = await pub("");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details[0].path).toBe("market");
    expect((await pub("?market=DK")).status).toBe(404);
  });

  it("words its refusals in the caller's language: ?lang=, else Accept-Language", async () => {
    const asked = (query: string, language?: string) =>
      publicGet(
        new NextRequest(`http://localhost/api/public/zero-mission${query}`, {
          headers: language ? { "accept-language": language } : {},
        }),
      );
    const bodyOf = async (response: Response) => ((await response.json()) as { error: unknown }).error;
    expect(await bodyOf(await asked("?market=SWE", "sv-SE,sv;q=0.9"))).toEqual({
      code: "invalid",
      message: "Några parametrar är ogiltiga",
      details: [{ path: "market", message: "Ange marknaden med en landskod på två bokstäver, t.ex. SE" }],
    });
    expect(await bodyOf(await asked("?market=SWE&lang=en", "sv-SE"))).toEqual({
      code: "invalid",
      message: "Some parameters are invalid",
      details: [{ path: "market", message: "Use a two-letter market code, e.g. SE" }],
    });
    expect(await bodyOf(await asked("?market=SE&format=pdf&lang=sv"))).toMatchObject({
      message: "Några parametrar är ogiltiga",
      details: [{ path: "format" }],
    });
    expect(await bodyOf(await asked("?market=DK&lang=sv"))).toMatchObject({
      code: "not_found",
      message: "Okänd marknad DK",
    });
  });

  it("names a month without counted complaints in the publisher's language before publishing it", async () => {
    await setVolume("NO", "2018-06", 250_000);
    const publishAs = (locale: "en" | "sv") =>
      run({ ...CLI_ACTOR, locale }, publishMetricMonth, { market: "NO", month: "2018-06" });
    const sv = await publishAs("sv");
    expect("error" in sv && sv.error).toMatchObject({
      code: "conflict",
      message:
        "Bekräfta publiceringen av NO: juni 2018 har inga räknade klagomål: importerades alla klagomål för månaden? (CLI: lägg till --confirm)",
      details: {
        concerns: [{ month: "2018-06", kind: "no_complaints", message: expect.stringMatching(/^juni 2018 har/) }],
      },
    });
    const en = await publishAs("en");
    expect("error" in en && en.error.message).toBe(
      "Confirm to publish NO: Jun 2018 has no counted complaints: was every complaint of the month imported? (CLI: add --confirm)",
    );
  });
});
