import type { RemediationStatus } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";
import { codesFor, fillMessage, messagesFor } from "@/lib/i18n/messages";

/** proposed → approved → in_progress → shipped → verified; any open action may be cancelled. */
export const TRANSITIONS: Record<RemediationStatus, readonly RemediationStatus[]> = {
  proposed: ["approved", "cancelled"],
  approved: ["in_progress", "cancelled"],
  in_progress: ["shipped", "cancelled"],
  shipped: ["verified", "cancelled"],
  verified: [],
  cancelled: [],
};

export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  in_progress: "In progress",
  shipped: "Shipped",
  verified: "Verified",
  cancelled: "Cancelled",
};

export const REMEDIATION_STATUS_TONES: Record<
  RemediationStatus,
  "neutral" | "info" | "warning" | "success" | "brand" | "danger"
> = {
  proposed: "neutral",
  approved: "info",
  in_progress: "warning",
  shipped: "brand",
  verified: "success",
  cancelled: "neutral",
};

/** Not yet delivered: a due date in the past makes these overdue. */
export const UNSHIPPED_STATUSES: readonly RemediationStatus[] = ["proposed", "approved", "in_progress"];

/** A shipped date is required from shipping on (the database checks it too). */
export const SHIPPED_STATUSES: readonly RemediationStatus[] = ["shipped", "verified"];

export function nextStatuses(status: RemediationStatus): readonly RemediationStatus[] {
  return TRANSITIONS[status];
}

/** The moves this role may make: verifying is for reviewers and admins, who judge the effectiveness check. */
export function nextStatusesFor(status: RemediationStatus, mayVerify: boolean): readonly RemediationStatus[] {
  return mayVerify ? TRANSITIONS[status] : TRANSITIONS[status].filter((s) => s !== "verified");
}

export function canTransition(from: RemediationStatus, to: RemediationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What the button for a move says. */
export function transitionLabel(to: RemediationStatus): string {
  return {
    proposed: "Propose",
    approved: "Approve",
    in_progress: "Start work",
    shipped: "Mark shipped",
    verified: "Mark verified",
    cancelled: "Cancel action",
  }[to];
}

/** Refuses a move the workflow does not allow, in the reader's language, naming the moves it does. */
export function assertTransition(from: RemediationStatus, to: RemediationStatus): void {
  if (canTransition(from, to)) return;
  throw new AppError("invalid", (locale) => {
    const words = messagesFor(locale).workflowErrors;
    const label = (s: RemediationStatus) => codesFor(locale).remediationStatus[s].toLowerCase();
    const allowed = TRANSITIONS[from].map(label);
    return {
      message: fillMessage(words.actionCannotBecome, { from: label(from), to: label(to) }),
      details: {
        status: [
          allowed.length
            ? fillMessage(words.nextStatus, { from: label(from), allowed: allowed.join(` ${words.or} `) })
            : fillMessage(words.actionClosed, { from: label(from) }),
        ],
      },
    };
  });
}

export function isOverdue(action: { status: RemediationStatus; dueOn: string | null }, today: string): boolean {
  return action.dueOn !== null && action.dueOn < today && UNSHIPPED_STATUSES.includes(action.status);
}
