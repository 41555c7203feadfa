import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { complaints, markets, purchaseVolumes } from "@/db/schema";
import type { Channel, ExcludedReason, JourneyStage } from "@/lib/domain/values";

/** Test data for the metric's integration tests: markets, complaints and volumes with unique ids. */

export async function ensureMarkets(...codes: string[]) {
  await db
    .insert(markets)
    .values(codes.map((code) => ({ code, name: code })))
    .onConflictDoNothing();
}

export type ComplaintSeed = {
  market?: string;
  receivedOn: string;
  channel?: Channel;
  authorityId?: string | null;
  productId?: string | null;
  journeyStage?: JourneyStage | null;
  appUser?: boolean | null;
  excludedReason?: ExcludedReason | null;
  summary?: string;
};

export async function insertComplaints(seeds: ComplaintSeed[]): Promise<string[]> {
  if (seeds.length === 0) return [];
  const rows = await db
    .insert(complaints)
    .values(
      seeds.map((s) => {
        const id = randomUUID();
        return {
          id,
          reference: `T-${id}`,
          externalId: `ext-${id}`,
          receivedOn: s.receivedOn,
          market: s.market ?? "SE",
          channel: s.channel ?? "customer_service",
          authorityId: s.authorityId ?? null,
          productId: s.productId ?? null,
          journeyStage: s.journeyStage ?? null,
          appUser: s.appUser ?? null,
          excludedReason: s.excludedReason ?? null,
          summary: s.summary ?? "Test complaint",
        };
      }),
    )
    .returning({ id: complaints.id });
  return rows.map((r) => r.id);
}

export async function setVolume(market: string, month: string, purchases: number, productId: string | null = null) {
  await db
    .insert(purchaseVolumes)
    .values({ market, month, purchases, productId })
    .onConflictDoUpdate({
      target: [purchaseVolumes.market, purchaseVolumes.month, purchaseVolumes.productId],
      set: { purchases },
    });
}
