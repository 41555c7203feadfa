import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import { complaintsStep } from "./complaints";
import type { SeedContext, SeedStep } from "./context";
import { demoCalendar } from "./dates";
import { metricStep } from "./metric";
import { referenceStep } from "./reference";
import { remediationStep } from "./remediation";
import { DEMO_ADMIN_EMAIL, usersStep } from "./users";
import { volumesStep } from "./volumes";

export { DEMO_PASSWORD, DEMO_USERS } from "./users";

/** In order: each step may use what the steps before it left in the context. */
const STEPS: SeedStep[] = [referenceStep, usersStep, volumesStep, complaintsStep, remediationStep, metricStep];

export type SeedResult = { seeded: boolean; summary: Record<string, number> };

/**
 * Writes the demo data set (Sweden and Norway, the 24 months before the month of `now`) in one
 * transaction: all of it or nothing. Does nothing when the demo admin already exists, so it is safe on
 * every start and the demo keeps the months of its first start. Draws come from a fixed-seed generator
 * on a canonical 2018–2019 timeline that is then moved in time, so the monthly figures are the same for
 * every start month and a given `now` always produces the same data apart from row ids.
 */
export async function seedDemoData(
  db: Db,
  options: { log?: (message: string) => void; now?: Date } = {},
): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const calendar = demoCalendar(options.now ?? new Date());
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${DEMO_ADMIN_EMAIL}`)
      .limit(1);
    if (existing.length > 0) {
      log("demo data already present (demo admin exists); nothing to do");
      return { seeded: false, summary: {} };
    }
    const ctx: SeedContext = { tx, log, summary: {}, calendar };
    const started = Date.now();
    for (const step of STEPS) await step.run(ctx);
    await writeAudit(tx, null, {
      action: "seed.demo",
      entityType: "database",
      meta: { summary: ctx.summary, startMonth: calendar.startMonth, durationMs: Date.now() - started },
    });
    log(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { seeded: true, summary: ctx.summary };
  });
}
