import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { publishMonths } from "@/lib/metric/publication";
import { setTarget } from "@/lib/metric/targets";
import { need, type SeedStep } from "./context";
import { DEMO_MONTHS } from "./volumes";

// The bank's own targets: Sweden 40 for 2018 and 10 % lower for 2019; Norway likewise from its own level.
const TARGETS = [
  { market: "SE", year: 2018, kind: "absolute", value: 40 },
  { market: "SE", year: 2019, kind: "reduction", value: 10 },
  { market: "NO", year: 2018, kind: "absolute", value: 30 },
  { market: "NO", year: 2019, kind: "reduction", value: 10 },
] as const;

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
    for (const target of TARGETS) await setTarget(write, { ...target });
    let published = 0;
    for (const market of ["SE", "NO"])
      published += (await publishMonths(write, market, DEMO_MONTHS, { confirm: true })).length;
    ctx.summary.targets = TARGETS.length;
    ctx.summary.publishedMonths = published;
    ctx.log(`metric: ${TARGETS.length} targets, ${published} months published`);
  },
};
