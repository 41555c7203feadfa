import { purchaseVolumes } from "@/db/schema";
import { must } from "@/lib/must";
import { insertInBatches, type MarketCode, need, type SeedStep } from "./context";
import { shiftMonth } from "./dates";
import { createRng } from "./random";
import type { ProductName } from "./reference";

/** The canonical years the demo is planned in; `ctx.calendar` moves them to the 24 months before the seed. */
export const DEMO_YEARS = [2018, 2019] as const;
export const DEMO_MONTHS: string[] = DEMO_YEARS.flatMap((y) =>
  Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, "0")}`),
);

// Christmas shopping peaks in November–December, the summer holiday dips in July.
const SEASON = [0.95, 0.88, 0.97, 0.95, 0.99, 0.94, 0.84, 0.91, 0.97, 1.01, 1.16, 1.22];
const BASE: Record<MarketCode, number> = { SE: 4_600_000, NO: 1_180_000 };
const YEARLY_GROWTH = 0.04;

// Shares of the Swedish total for the main products; the rest (smaller products) stays unattributed.
const SE_PRODUCT_SHARES: [ProductName, number][] = [
  ["Faktura", 0.46],
  ["Klarna delbetalningskonto", 0.14],
  ["Direktbetalning", 0.16],
  ["Kortbetalning", 0.13],
];

export type PlannedVolume = { market: MarketCode; month: string; product: ProductName | null; purchases: number };

/** Monthly purchases per market (and per main product in Sweden), 2018-01 to 2019-12. */
export function planVolumes(): PlannedVolume[] {
  const rng = createRng("demo:volumes");
  const rows: PlannedVolume[] = [];
  for (const market of ["SE", "NO"] as const) {
    DEMO_MONTHS.forEach((month, index) => {
      const trend = 1 + (YEARLY_GROWTH * index) / 12;
      const noise = rng.normal(1, 0.02);
      const total = Math.round(BASE[market] * must(SEASON[index % 12], "a factor per calendar month") * trend * noise);
      rows.push({ market, month, product: null, purchases: total });
      if (market !== "SE") return;
      for (const [product, share] of SE_PRODUCT_SHARES) {
        // Floor, and jitter of at most ±3 %, keep the products' sum below the market total.
        const jitter = Math.min(1.03, Math.max(0.97, rng.normal(1, 0.01)));
        rows.push({ market, month, product, purchases: Math.floor(total * share * jitter) });
      }
    });
  }
  return rows;
}

export const volumesStep: SeedStep = {
  name: "volumes",
  async run(ctx) {
    const reference = need(ctx.reference, "reference data");
    const adminId = need(ctx.users, "users").admin;
    const planned = planVolumes();
    const { offset } = ctx.calendar;
    await insertInBatches(
      ctx.tx,
      purchaseVolumes,
      planned.map((v) => ({
        market: v.market,
        month: shiftMonth(v.month, offset),
        productId: v.product ? reference.products.get(v.product)! : null,
        purchases: v.purchases,
        updatedBy: adminId,
        // Volumes arrive from finance a few days after the month closes.
        updatedAt: new Date(Date.UTC(Number(v.month.slice(0, 4)), Number(v.month.slice(5, 7)) + offset, 5, 8)),
      })),
      { skipExisting: true },
    );
    // Keyed by canonical month: the complaints are planned on the canonical timeline.
    ctx.volumes = new Map(
      planned.filter((v) => v.product === null).map((v) => [`${v.market}:${v.month}`, v.purchases]),
    );
    ctx.summary.purchaseVolumes = planned.length;
    ctx.log(`purchase volumes: ${planned.length} market and product months`);
  },
};
