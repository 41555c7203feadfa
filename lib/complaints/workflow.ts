import type { ComplaintStatus } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";
import { codesFor, fillMessage, messagesFor } from "@/lib/i18n/messages";

/** new → triaged → in_analysis → analysed → closed; reopening goes back to in_analysis. */
export const TRANSITIONS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  new: ["triaged"],
  triaged: ["in_analysis"],
  in_analysis: ["analysed"],
  analysed: ["closed", "in_analysis"],
  closed: ["in_analysis"],
};

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  new: "New",
  triaged: "Triaged",
  in_analysis: "In analysis",
  analysed: "Analysed",
  closed: "Closed",
};

export const OPEN_STATUSES: readonly ComplaintStatus[] = ["new", "triaged", "in_analysis", "analysed"];

export function nextStatuses(status: ComplaintStatus): readonly ComplaintStatus[] {
  return TRANSITIONS[status];
}

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What the button for a move says: reopening is named as such. */
/** Which button moves a complaint on: its key in the messages' complaint.transitions. */
export function transitionKey(from: ComplaintStatus, to: ComplaintStatus): ComplaintStatus | "reopen" {
  return to === "in_analysis" && (from === "analysed" || from === "closed") ? "reopen" : to;
}

export function transitionLabel(from: ComplaintStatus, to: ComplaintStatus): string {
  const key = transitionKey(from, to);
  return {
    reopen: "Reopen",
    new: "New",
    triaged: "Triage",
    in_analysis: "Start analysis",
    analysed: "Mark analysed",
    closed: "Close",
  }[key];
}

/** Refuses a move the workflow does not allow, in the reader's language, naming the moves it does. */
export function assertTransition(from: ComplaintStatus, to: ComplaintStatus, path = "status"): void {
  if (canTransition(from, to)) return;
  throw new AppError("invalid", (locale) => {
    const words = messagesFor(locale).workflowErrors;
    const label = (s: ComplaintStatus) => codesFor(locale).status[s].toLowerCase();
    const allowed = TRANSITIONS[from].map(label).join(` ${words.or} `);
    return {
      message: fillMessage(words.complaintCannotBecome, { from: label(from), to: label(to) }),
      details: { [path]: [fillMessage(words.nextStatus, { from: label(from), allowed })] },
    };
  });
}
