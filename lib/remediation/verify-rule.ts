import { desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { effectivenessChecks } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { Role } from "@/lib/domain/values";
import { type MessageKey, refuse } from "@/lib/i18n/say";
import { must } from "@/lib/must";

export type CheckForVerify = {
  id: string;
  rateRatio: number | null;
  ciLow: number | null;
  computedAt: Date;
};

/** Only those who judge the evidence verify: reviewers and admins, never the action's own product manager. */
export function canVerify(role: Role): boolean {
  return can(role, "remediation:write");
}

/**
 * Why the latest effectiveness check does not allow "verified", or null when it does. A check with
 * figures is needed (one that says "not enough data" proves nothing yet), and its verdict must not be
 * "worse": a rate ratio whose whole 95 % interval lies above 1.
 */
export function verifyBlocker(check: CheckForVerify | null | undefined): MessageKey | null {
  if (!check) return "remediationRules.verifyNeedsCheck";
  if (check.rateRatio === null || check.ciLow === null) return "remediationRules.verifyNotEnoughData";
  if (check.ciLow > 1) return "remediationRules.verifyWorse";
  return null;
}

/** The check the move to verified rests on, or the refusal that says what is missing. */
export async function assertVerifiable(tx: Tx, role: Role, actionId: string): Promise<CheckForVerify> {
  if (!canVerify(role)) throw refuse("forbidden", "remediationRules.verifyRole");
  const [latest] = await tx
    .select({
      id: effectivenessChecks.id,
      rateRatio: effectivenessChecks.rateRatio,
      ciLow: effectivenessChecks.ciLow,
      computedAt: effectivenessChecks.computedAt,
    })
    .from(effectivenessChecks)
    .where(eq(effectivenessChecks.actionId, actionId))
    .orderBy(desc(effectivenessChecks.computedAt))
    .limit(1);
  const blocker = verifyBlocker(latest);
  if (blocker) throw refuse("invalid", blocker, { status: blocker });
  return must(latest, "verifyBlocker refuses a missing check");
}
