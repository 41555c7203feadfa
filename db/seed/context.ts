import type { InferInsertModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import type { DemoCalendar } from "./dates";
import type { CategoryPath, ProductName, RootCauseName } from "./reference";
import type { ScenarioKey } from "./scenarios";
import type { DemoUserKey } from "./users";

export type MarketCode = "SE" | "NO";

/** Ids of the reference rows, by the natural keys the later steps use. */
export type ReferenceIds = {
  /** `${market}:${channel}` → authority id. */
  authorities: Map<string, string>;
  products: Map<ProductName, string>;
  categories: Map<CategoryPath, string>;
  rootCauses: Map<RootCauseName, string>;
};

/** What the complaints step leaves behind for later steps (remediation evidence, metric checks). */
export type SeededComplaint = {
  id: string;
  market: MarketCode;
  /** On the canonical timeline, to compare with the canonical dates of the plan (remediation). */
  receivedOn: string;
  scenario: ScenarioKey | null;
  primaryRootCause: RootCauseName | null;
  excluded: boolean;
};

/** Shared state of one seed run; each step fills in what the steps after it need. */
export type SeedContext = {
  tx: Tx;
  log: (message: string) => void;
  summary: Record<string, number>;
  /** Where the canonical 2018–2019 demo lands in time; every date written goes through it. */
  calendar: DemoCalendar;
  reference?: ReferenceIds;
  users?: Record<DemoUserKey, string>;
  /** Market total purchases, keyed `${market}:${month}`. */
  volumes?: Map<string, number>;
  complaints?: SeededComplaint[];
};

export type SeedStep = { name: string; run: (ctx: SeedContext) => Promise<void> };

/** A step's input that an earlier step must have produced; a missing one means the step order is wrong. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Seed step order: ${what} has not been seeded yet`);
  return value;
}

export const BATCH_SIZE = 500;

/** Multi-row inserts of ~500 rows: one round trip each, well under the driver's parameter limit. */
export async function insertInBatches<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: InferInsertModel<T>[],
  options: { skipExisting?: boolean; size?: number } = {},
): Promise<void> {
  const size = options.size ?? BATCH_SIZE;
  for (let i = 0; i < rows.length; i += size) {
    const insert = tx.insert(table).values(rows.slice(i, i + size) as never);
    await (options.skipExisting ? insert.onConflictDoNothing() : insert);
  }
}
