// An opt-in record of how long the SQL of each request takes, for `npm run bench`: with
// DB_TIMING_LOG set, every query that drizzle runs on PostgreSQL appends "start end" (epoch ms, from
// the query's call to its result, so waiting for a pooled connection counts) to that file. The bench
// sends one request at a time and sums the intervals that fall inside it, so the figure is the
// server's own and not a hand-written copy of its SQL.
import { createWriteStream } from "node:fs";
import { PostgresJsPreparedQuery } from "drizzle-orm/postgres-js";
import { must } from "@/lib/must";

let installed = false;

export function recordQueryTimes(file: string) {
  if (installed) return;
  installed = true;
  const out = createWriteStream(file, { flags: "a" });
  const now = () => performance.timeOrigin + performance.now();
  const proto = PostgresJsPreparedQuery.prototype as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  for (const method of ["execute", "all"]) {
    const original = must(proto[method], `postgres-js prepared queries have ${method}()`);
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      const start = now();
      try {
        return await original.apply(this, args);
      } finally {
        out.write(`${start.toFixed(3)} ${now().toFixed(3)}\n`);
      }
    };
  }
}
