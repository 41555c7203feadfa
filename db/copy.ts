import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import type { Tx } from "./client";

/**
 * The postgres.js connection under a drizzle transaction, for COPY, which drizzle does not offer;
 * null on PGlite. (drizzle keeps it on the transaction's session; this is the one place that knows.)
 */
export function copyConnection(tx: Tx): postgres.TransactionSql | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return typeof client === "function" && "unsafe" in client ? (client as postgres.TransactionSql) : null;
}

const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
export function copyText(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  const text = String(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Rows into `table` through COPY FROM STDIN, in the transaction of `connection`. */
export async function copyRows(
  connection: postgres.TransactionSql,
  table: string,
  columns: readonly string[],
  rows: (string | number | boolean | null)[][],
): Promise<void> {
  let text = "";
  for (const row of rows) text += row.map(copyText).join("\t") + "\n";
  const query = connection.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`);
  // postgres.js 3.4 never settles the writable when the server rejects a COPY after its last row
  // (a unique violation, a trigger's error): the error only reaches the query's reject, which is a
  // no-op by then, and the transaction would wait forever (porsager/postgres#1173). Listen there too.
  const rejected = new Promise<never>((_, reject) => {
    const settle = query as unknown as { reject: (error: unknown) => void };
    const original = settle.reject;
    settle.reject = (error) => {
      reject(error);
      original(error);
    };
  });
  rejected.catch(() => {});
  const writable = await query.writable();
  await Promise.race([pipeline(Readable.from([text]), writable), rejected]);
}

/**
 * A time-ordered id (a version 7 UUID: the first 48 bits are the Unix time in milliseconds), as the
 * database's uuid_time_ordered() makes them, for rows whose ids are chosen before they are written.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const time = now.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
