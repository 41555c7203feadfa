import type { ComplaintStatus } from "@/lib/domain/values";
import { canTransition, STATUS_LABELS } from "./workflow";

// Why a bulk action cannot apply to one complaint, in words a reviewer can act on. Pure, so the
// list's preview, the bulk action itself and their tests share one wording.

/** What a status move needs to know about one complaint. */
export type StatusFacts = {
  reference: string;
  status: ComplaintStatus;
  /** Excluded complaints (duplicates, not a complaint) are analysed through their original and need no root cause. */
  excludedReason: string | null;
  hasRootCause: boolean;
};

/** `reason` reads after the reference: "is new, not analysed yet — …", "has no root cause yet — …". */
export type Refusal = { id: string; reference: string; reason: string };

const lower = (status: ComplaintStatus) => STATUS_LABELS[status].toLowerCase();

/** Why this complaint cannot take the workflow step to `to`; null when it can (or is already there). */
export function transitionRefusal(row: Omit<StatusFacts, "hasRootCause">, to: ComplaintStatus): string | null {
  if (row.status === to || canTransition(row.status, to)) return null;
  const from = row.status;
  switch (to) {
    case "new":
      return `is already ${lower(from)} — a complaint never goes back to new`;
    case "triaged":
      return `is already ${lower(from)} — only new complaints are triaged`;
    case "in_analysis":
      return "is still new — triage it before starting the analysis";
    case "analysed":
      return from === "closed"
        ? "is closed — reopen it before marking it analysed again"
        : `is still ${lower(from)} — start the analysis before marking it analysed`;
    case "closed":
      return `is ${lower(from)}, not analysed yet — mark it analysed before closing`;
  }
}

/** Why the move to analysed (which claims the analysis is done) is refused for lack of a root cause. */
export function missingCauseRefusal(row: StatusFacts, to: ComplaintStatus): string | null {
  if (to !== "analysed" || row.status === "analysed" || row.excludedReason || row.hasRootCause) return null;
  return "has no root cause yet — tag one before marking it analysed";
}

/** Every reason the move refuses this complaint, the workflow's first. */
export function statusRefusal(row: StatusFacts, to: ComplaintStatus): string | null {
  return transitionRefusal(row, to) ?? missingCauseRefusal(row, to);
}

/** "C-2019-000123 has no root cause yet — tag one before marking it analysed" */
export function refusalLine(refusal: Pick<Refusal, "reference" | "reason">): string {
  return `${refusal.reference} ${refusal.reason}`;
}

/** One message for a refused batch: how many, and each complaint's reason (the first ten). */
export function refusalMessage(refusals: readonly Refusal[], to: ComplaintStatus, max = 10): string {
  const head =
    refusals.length === 1
      ? `1 complaint cannot become ${lower(to)}`
      : `${refusals.length} complaints cannot become ${lower(to)}`;
  const lines = refusals.slice(0, max).map(refusalLine);
  const more = refusals.length > max ? `; and ${refusals.length - max} more` : "";
  return `${head}: ${lines.join("; ")}${more}`;
}
