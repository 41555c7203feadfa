import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { publishMonths } from "@/lib/metric/publication";
import { setTarget } from "@/lib/metric/targets";
import { need, type SeedStep } from "./context";
import { shiftMonth } from "./dates";
import { DEMO_MONTHS } from "./volumes";

/**
 * The bank's own targets: Sweden 40 for last year and 10 % lower for this year (the seed's year);
 * Norway likewise from its own level.
 */
export function demoTargets(startYear: number) {
  return [
    { market: "SE", year: startYear - 1, kind: "absolute", value: 40 },
    { market: "SE", year: startYear, kind: "reduction", value: 10 },
    { market: "NO", year: startYear - 1, kind: "absolute", value: 30 },
    { market: "NO", year: startYear, kind: "reduction", value: 10 },
  ] as const;
}

/** Sets the targets and publishes every demo month of both markets, so the public table has data. */
export const metricStep: SeedStep = {
  name: "metric",
  async run(ctx) {
    const adminId = need(ctx.users, "users").admin;
    const actor: Actor = {
      userId: adminId,
      role: "admin",
      name: "Alva Admin",
      email: "admin@demo.example",
      label: "seed",
    };
    const write = {
      tx: ctx.tx,
      actor,
      audit: (entry: Parameters<typeof writeAudit>[2]) => writeAudit(ctx.tx, actor, entry),
    };
    const { offset, startMonth } = ctx.calendar;
    const targets = demoTargets(Number(startMonth.slice(0, 4)));
    for (const target of targets) await setTarget(write, { ...target });
    const months = DEMO_MONTHS.map((m) => shiftMonth(m, offset));
    let published = 0;
    for (const market of ["SE", "NO"])
      published += (await publishMonths(write, market, months, { confirm: true })).length;
    ctx.summary.targets = targets.length;
    ctx.summary.publishedMonths = published;
    ctx.log(`metric: ${targets.length} targets, ${published} months published`);
  },
};
