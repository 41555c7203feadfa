import type { ComplaintStatus } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { codesFor, fillMessage, messagesFor } from "@/lib/i18n/messages";
import { canTransition } from "./workflow";

// Why a bulk action cannot apply to one complaint, in words a reviewer can act on, in the reviewer's
// language (messages' `refusals`). Pure, so the list's preview, the bulk action itself and their
// tests share one wording.

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

/** Why this complaint cannot take the workflow step to `to`; null when it can (or is already there). */
export function transitionRefusal(
  row: Omit<StatusFacts, "hasRootCause">,
  to: ComplaintStatus,
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  if (row.status === to || canTransition(row.status, to)) return null;
  const m = messagesFor(locale).refusals;
  // The complaint's state as the sentence needs it ("is already closed", Swedish "är redan stängt").
  const from = m.state[row.status];
  switch (to) {
    case "new":
      return fillMessage(m.neverBackToNew, { from });
    case "triaged":
      return fillMessage(m.onlyNewTriaged, { from });
    case "in_analysis":
      return m.triageFirst;
    case "analysed":
      return row.status === "closed" ? m.reopenFirst : fillMessage(m.startAnalysisFirst, { from });
    case "closed":
      return fillMessage(m.analyseBeforeClosing, { from });
  }
}

/** Why the move to analysed (which claims the analysis is done) is refused for lack of a root cause. */
export function missingCauseRefusal(
  row: StatusFacts,
  to: ComplaintStatus,
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  if (to !== "analysed" || row.status === "analysed" || row.excludedReason || row.hasRootCause) return null;
  return messagesFor(locale).refusals.noRootCause;
}

/** Every reason the move refuses this complaint, the workflow's first. */
export function statusRefusal(row: StatusFacts, to: ComplaintStatus, locale: Locale = DEFAULT_LOCALE): string | null {
  return transitionRefusal(row, to, locale) ?? missingCauseRefusal(row, to, locale);
}

/** "C-2019-000123 has no root cause yet — tag one before marking it analysed" */
export function refusalLine(refusal: Pick<Refusal, "reference" | "reason">): string {
  return `${refusal.reference} ${refusal.reason}`;
}

/** One message for a refused batch: how many, and each complaint's reason (the first ten). */
export function refusalMessage(
  refusals: readonly Refusal[],
  to: ComplaintStatus,
  max = 10,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const m = messagesFor(locale).refusals;
  const status = codesFor(locale).status[to].toLowerCase();
  const head =
    refusals.length === 1
      ? fillMessage(m.headOne, { to: status })
      : fillMessage(m.headMany, { count: refusals.length, to: status });
  const lines = refusals.slice(0, max).map(refusalLine);
  const more = refusals.length > max ? fillMessage(m.more, { count: refusals.length - max }) : "";
  return `${head}: ${lines.join("; ")}${more}`;
}
