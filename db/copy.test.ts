import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { copyRows, copyText, timeOrderedUuid } from "./copy";
import { postgresError } from "./errors";

describe("copyText", () => {
  it("escapes what COPY's text format reads specially, and writes null as \\N", () => {
    expect(copyText('plain, "quoted"; text')).toBe('plain, "quoted"; text');
    expect(copyText("a\tb\\c\nd\r\ne")).toBe("a\\tb\\\\c\\nd\\r\\ne");
    expect(copyText(null)).toBe("\\N");
    expect(copyText("\\N")).toBe("\\\\N");
    expect(copyText(true)).toBe("true");
  });
});

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID whose first 48 bits are the time, so later ids sort later", () => {
    const id = timeOrderedUuid(Date.UTC(2019, 4, 6));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2019, 4, 6));
    expect(timeOrderedUuid(Date.UTC(2019, 4, 7)) > id).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(0))).size).toBe(1000);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("copyRows", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useTestDatabase();
    await database.sql!.unsafe("create table copied (k int primary key, v text)");
  });
  afterAll(() => database.drop());

  it("stores text byte for byte", async () => {
    const text = 'tab\there, back\\slash, "quotes",\nnew line, CR LF\r\nend \\N';
    await database.sql!.begin((tx) =>
      copyRows(
        tx,
        "copied",
        ["k", "v"],
        [
          [1, text],
          [2, null],
        ],
      ),
    );
    expect(await database.sql!`select k, v from copied order by k`).toEqual([
      { k: 1, v: text },
      { k: 2, v: null },
    ]);
  });

  it("fails with the server's error when it rejects the rows after the last one, and rolls back", async () => {
    const copying = database.sql!.begin((tx) =>
      copyRows(
        tx,
        "copied",
        ["k", "v"],
        [
          [3, "new"],
          [1, "taken"],
        ],
      ),
    );
    const error = await copying.then(
      () => null,
      (e: unknown) => e,
    );
    expect(postgresError(error)).toEqual({ code: "23505", constraint: "copied_pkey" });
    expect(await database.sql!`select k from copied order by k`).toEqual([{ k: 1 }, { k: 2 }]);
    // The connection went back to the pool out of its transaction and serves the next query.
    expect(
      await database.sql!`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction (aborted)'`,
    ).toEqual([{ n: 0 }]);
  });
});
