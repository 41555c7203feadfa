import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { must } from "@/lib/must";

export function formatReference(year: string | number, n: number): string {
  return `C-${year}-${String(n).padStart(6, "0")}`;
}

/** Human references for complaints received on the given dates, in order, from one sequence in one round trip. */
export async function allocateReferences(tx: Db | Tx, receivedOn: string[]): Promise<string[]> {
  if (receivedOn.length === 0) return [];
  const result = await tx.execute<{ n: string | number }>(
    sql`select nextval('complaint_reference_seq') as n from generate_series(1, ${receivedOn.length}::int)`,
  );
  return rowsOf<{ n: string | number }>(result).map((row, i) =>
    formatReference(must(receivedOn[i], "one sequence value per date").slice(0, 4), Number(row.n)),
  );
}
