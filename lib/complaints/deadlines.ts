import type { ComplaintStatus, ExcludedReason } from "@/lib/domain/values";

/** A deadline as a number of days counted in business days (Mon–Fri) or calendar days. */
export type DeadlineSpan = { days: number; businessDays: boolean };

export type DeadlineRule = {
  acknowledgeDays: number;
  acknowledgeBusinessDays: boolean;
  finalResponseDays: number;
  finalResponseBusinessDays: boolean;
};

// Where an admin has set no rule for a market and channel.
export const DEFAULT_ACKNOWLEDGE: DeadlineSpan = { days: 5, businessDays: true };
export const DEFAULT_FINAL_RESPONSE: DeadlineSpan = { days: 56, businessDays: false };
// Payment-service complaints must be answered within 15 business days (PSD2), whatever the channel's rule.
export const PAYMENT_SERVICE_FINAL_RESPONSE: DeadlineSpan = { days: 15, businessDays: true };

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: Date): number {
  return ((date.getUTCDay() + 6) % 7) + 1;
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/**
 * `n` business days after `date`, skipping weekends (public holidays are not modelled). A weekend
 * date counts from the Friday before, so Saturday + 1 is Monday. Mirrors the SQL `add_business_days`.
 */
export function addBusinessDays(date: string, n: number): string {
  const d = toUtc(date);
  const dow = isoWeekday(d);
  const base = new Date(d.getTime() - (dow === 6 ? 1 : dow === 7 ? 2 : 0) * DAY_MS);
  const weeks = Math.floor(n / 5);
  const rest = n % 5;
  const extra = isoWeekday(base) + rest > 5 ? 2 : 0;
  return fromUtc(new Date(base.getTime() + (weeks * 7 + rest + extra) * DAY_MS));
}

export function dueAfter(date: string, span: DeadlineSpan): string {
  return span.businessDays ? addBusinessDays(date, span.days) : addCalendarDays(date, span.days);
}

export function ruleSpans(rule: DeadlineRule | null | undefined): {
  acknowledge: DeadlineSpan;
  finalResponse: DeadlineSpan;
} {
  if (!rule) return { acknowledge: DEFAULT_ACKNOWLEDGE, finalResponse: DEFAULT_FINAL_RESPONSE };
  return {
    acknowledge: { days: rule.acknowledgeDays, businessDays: rule.acknowledgeBusinessDays },
    finalResponse: { days: rule.finalResponseDays, businessDays: rule.finalResponseBusinessDays },
  };
}

/**
 * The two due dates of a complaint. They depend only on when it was received and where it came
 * from, never on its status, so moving it through the workflow cannot reset the clock.
 */
export function complaintDueDates(input: {
  receivedOn: string;
  rule: DeadlineRule | null | undefined;
  paymentService: boolean;
}): { acknowledgeBy: string; respondBy: string } {
  const spans = ruleSpans(input.rule);
  const acknowledgeBy = dueAfter(input.receivedOn, spans.acknowledge);
  let respondBy = dueAfter(input.receivedOn, spans.finalResponse);
  if (input.paymentService) {
    const psd = dueAfter(input.receivedOn, PAYMENT_SERVICE_FINAL_RESPONSE);
    if (psd < respondBy) respondBy = psd;
  }
  return { acknowledgeBy, respondBy };
}

export type ClockState = "met" | "late" | "open" | "due_today" | "overdue" | "stopped";
export type ClockPart = { due: string; state: ClockState; daysLeft: number | null; doneOn: string | null };

function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

function part(due: string, doneAt: Date | string | null, stopped: boolean, today: string): ClockPart {
  if (doneAt) {
    const doneOn = typeof doneAt === "string" ? doneAt.slice(0, 10) : fromUtc(doneAt);
    return { due, state: doneOn <= due ? "met" : "late", daysLeft: null, doneOn };
  }
  if (stopped) return { due, state: "stopped", daysLeft: null, doneOn: null };
  const daysLeft = daysBetween(today, due);
  return { due, state: daysLeft < 0 ? "overdue" : daysLeft === 0 ? "due_today" : "open", daysLeft, doneOn: null };
}

/** The deadline clock shown on a complaint: each deadline met, late, running or overdue as of `today`. */
export function deadlineClock(input: {
  acknowledgeBy: string;
  respondBy: string;
  acknowledgedAt: Date | string | null;
  respondedAt: Date | string | null;
  status: ComplaintStatus;
  excludedReason: ExcludedReason | null;
  today: string;
}): { acknowledge: ClockPart; finalResponse: ClockPart; overdue: boolean } {
  // Closed or excluded complaints stop the clock; excluded ones were never owed an answer.
  const stopped = input.status === "closed" || input.excludedReason !== null;
  const acknowledge = part(input.acknowledgeBy, input.acknowledgedAt, stopped, input.today);
  const finalResponse = part(input.respondBy, input.respondedAt, stopped, input.today);
  return { acknowledge, finalResponse, overdue: acknowledge.state === "overdue" || finalResponse.state === "overdue" };
}

export function todayIso(now = new Date()): string {
  return fromUtc(now);
}
