// The "unit" project's files run once, without a database (test/projects.ts). Opening one here would be a
// file the classification put on the wrong side: it would lose its PostgreSQL run without anyone noticing.
// Every way the code opens a database throws instead.
import { vi } from "vitest";

export const UNIT_DATABASE_REFUSAL =
  "A unit test opened a database. Import useTestDatabase from test/db (or read TEST_DATABASE_URL) so that " +
  "test/projects.ts runs the file in the database project, on PGlite and on PostgreSQL.";

function refuse(): never {
  throw new Error(UNIT_DATABASE_REFUSAL);
}

vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/db/client")>()),
  openDatabase: refuse,
}));
vi.mock("@electric-sql/pglite", async (importOriginal) => {
  const original = await importOriginal<typeof import("@electric-sql/pglite")>();
  const PGlite = new Proxy(original.PGlite, {
    construct: refuse,
    get: (target, property, receiver) => (property === "create" ? refuse : Reflect.get(target, property, receiver)),
  });
  return { ...original, PGlite };
});
vi.mock("postgres", () => ({ default: refuse }));
