import type { Tx } from "@/db";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { RemediationStatus } from "@/lib/domain/values";

/** Tells an assignee that complaints were given to them, unless they assigned them to themselves. */
export async function notifyAssigned(tx: Tx, actor: Actor, assigneeId: string | null, complaintIds: string[]) {
  if (!assigneeId || assigneeId === actor.userId || !complaintIds.length) return;
  await tx.insert(notifications).values(
    complaintIds.map((complaintId) => ({
      userId: assigneeId,
      kind: "assigned" as const,
      actorId: actor.userId,
      complaintId,
    })),
  );
}

/** Tells an action's owner that someone else moved it along the workflow. */
export async function notifyActionStatus(
  tx: Tx,
  actor: Actor,
  action: { id: string; ownerId: string | null },
  status: RemediationStatus,
) {
  if (!action.ownerId || action.ownerId === actor.userId) return;
  await tx.insert(notifications).values({
    userId: action.ownerId,
    kind: "action_status",
    actorId: actor.userId,
    actionId: action.id,
    detail: status,
  });
}
