import { desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { effectivenessChecks } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { Role } from "@/lib/domain/values";
import { AppError, forbidden } from "@/lib/errors";
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
export function verifyBlocker(check: CheckForVerify | null | undefined): string | null {
  if (!check) return "Run the effectiveness check first: an action is verified by its figures";
  if (check.rateRatio === null || check.ciLow === null)
    return "The latest effectiveness check has not enough data yet; run it again once the months after shipping have volumes";
  if (check.ciLow > 1)
    return "The latest effectiveness check shows more complaints after shipping; an action that made things worse cannot be verified";
  return null;
}

/** The check the move to verified rests on, or the refusal that says what is missing. */
export async function assertVerifiable(tx: Tx, role: Role, actionId: string): Promise<CheckForVerify> {
  if (!canVerify(role)) throw forbidden("Only reviewers and admins can mark an action verified");
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
  if (blocker) throw new AppError("invalid", blocker, { status: [blocker] });
  return must(latest, "verifyBlocker refuses a missing check");
}
