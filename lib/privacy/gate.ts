import { can, type Role } from "@/lib/auth/roles";
import { type DetectOptions, redactText } from "./redact";

/**
 * How much of a complaint's personal data a role reads: all of it (admins, reviewers), the text with
 * personal data masked (product managers), or nothing that points at a complaint (leadership, who
 * see aggregates and remediation only: no complaint reference either).
 */
export type PersonalDataAccess = "full" | "masked" | "none";

export function personalDataAccessOf(role: Role): PersonalDataAccess {
  if (can(role, "complaints:read_personal")) return "full";
  if (can(role, "complaints:read")) return "masked";
  return "none";
}

/** Whether this role sees complaints with personal data removed (product managers). */
export function redactsFor(user: { role: Role }): boolean {
  return personalDataAccessOf(user.role) !== "full";
}

export const COMPLAINT_PLACEHOLDER = "[complaint]";
// The product's complaint references (C-2019-005171), as lib/complaints/reference.ts writes them.
const COMPLAINT_REFERENCE = /(?<![\p{L}\p{N}])C-\d{4}-\d{4,}(?![\p{L}\p{N}])/gu;

/**
 * The redaction gate: every read that hands complaint text (summaries, narratives, comments, notes,
 * history, evidence, search snippets, exports) to a user passes it through here with the reader's
 * access. Nothing else decides what a product manager or leadership user may read.
 */
export function gateText(access: PersonalDataAccess, text: string, options?: DetectOptions): string;
export function gateText(access: PersonalDataAccess, text: string | null, options?: DetectOptions): string | null;
export function gateText(access: PersonalDataAccess, text: string | null, options: DetectOptions = {}) {
  if (text == null || access === "full") return text;
  const masked = redactText(text, options);
  return access === "none" ? masked.replace(COMPLAINT_REFERENCE, COMPLAINT_PLACEHOLDER) : masked;
}

/** A complaint's own reference (C-2019-005171): hidden from leadership only. */
export function gateReference(access: PersonalDataAccess, reference: string): string | null {
  return access === "none" ? null : reference;
}

type ComplaintText = { customerRef?: string | null; summary?: string | null; narrative?: string | null };

/** A complaint row through the gate: the customer reference gone and its text masked, unless full access. */
export function gateComplaint<T extends ComplaintText>(access: PersonalDataAccess, row: T): T {
  if (access === "full") return row;
  const out = { ...row };
  const customerRefs = [row.customerRef];
  if ("customerRef" in out) out.customerRef = null;
  if (typeof out.summary === "string") out.summary = gateText(access, out.summary, { customerRefs });
  if (typeof out.narrative === "string") out.narrative = gateText(access, out.narrative, { customerRefs });
  return out;
}
