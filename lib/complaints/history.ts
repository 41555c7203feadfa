import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { auditLog, authorities, categories, complaints, products, rootCauses, users } from "@/db/schema";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import {
  CHANNEL_LABELS,
  EXCLUDED_REASON_LABELS,
  JOURNEY_STAGE_LABELS,
  OUTCOME_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from "./labels";

// Codes a person reads as words, as the labels elsewhere say them: "from in analysis to analysed",
// "to test entry", never "in_analysis" or "test".
const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  channel: CHANNEL_LABELS,
  severity: SEVERITY_LABELS,
  journeyStage: JOURNEY_STAGE_LABELS,
  outcome: OUTCOME_LABELS,
  excludedReason: EXCLUDED_REASON_LABELS,
};

export type HistoryChange = { field: string; label: string; from: string | null; to: string | null };
export type HistoryEntry = {
  id: number;
  at: string;
  actorName: string;
  action: string;
  /** "Anna Lind changed severity from low to high" */
  sentence: string;
  changes: HistoryChange[];
};

export const FIELD_LABELS: Record<string, string> = {
  externalId: "external id",
  receivedOn: "received date",
  market: "market",
  channel: "channel",
  authorityId: "authority",
  productId: "product",
  journeyStage: "journey stage",
  categoryId: "category",
  summary: "summary",
  narrative: "narrative",
  customerRef: "customer reference",
  appUser: "app user",
  severity: "severity",
  assigneeId: "assignee",
  status: "status",
  outcome: "outcome",
  recommendationFollowed: "board recommendation followed",
  excludedReason: "exclusion reason",
  duplicateOfId: "duplicate of",
  familyId: "family",
  acknowledgedAt: "acknowledgement",
  respondedAt: "final response",
};

const FIELD_ORDER = Object.keys(FIELD_LABELS);
const ID_FIELDS = ["authorityId", "productId", "categoryId", "assigneeId", "duplicateOfId", "rootCauseId", "otherId"];
// Free text whose old and new values would flood the history; the entry says it was edited.
const TEXT_FIELDS = new Set(["narrative"]);

type Names = Map<string, string>;

async function resolveNames(q: Db | Tx, ids: string[]): Promise<Names> {
  const names: Names = new Map();
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!unique.length) return names;
  const parent = alias(categories, "parent_category");
  const [u, a, p, c, r, k] = await Promise.all([
    q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)),
    q.select({ id: authorities.id, name: authorities.name }).from(authorities).where(inArray(authorities.id, unique)),
    q.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, unique)),
    q
      .select({ id: categories.id, name: sql<string>`coalesce(${parent.name} || ' > ', '') || ${categories.name}` })
      .from(categories)
      .leftJoin(parent, eq(parent.id, categories.parentId))
      .where(inArray(categories.id, unique)),
    q.select({ id: rootCauses.id, name: rootCauses.name }).from(rootCauses).where(inArray(rootCauses.id, unique)),
    q.select({ id: complaints.id, name: complaints.reference }).from(complaints).where(inArray(complaints.id, unique)),
  ]);
  for (const row of [...u, ...a, ...p, ...c, ...r, ...k]) names.set(row.id, row.name);
  return names;
}

function display(field: string, value: unknown, names: Names, access: PersonalDataAccess): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = String(value);
  if (ID_FIELDS.includes(field)) return names.get(text) ?? "(removed)";
  if (field === "acknowledgedAt" || field === "respondedAt") return text.slice(0, 10);
  if (field === "customerRef" && access !== "full") return "(hidden)";
  const label = VALUE_LABELS[field]?.[text];
  if (label) return label.toLowerCase();
  if (/^[a-z_]+$/.test(text)) return text.replaceAll("_", " ");
  // Every other value is free text a customer may have written into: through the gate, whole, then cut.
  const gated = gateText(access, text);
  if (field === "summary") return gated;
  return gated.length > 80 ? `${gated.slice(0, 77)}…` : gated;
}

function changePhrase(change: HistoryChange): string {
  if (TEXT_FIELDS.has(change.field)) return `edited the ${change.label}`;
  if (change.field === "customerRef" && (change.to === "(hidden)" || change.from === "(hidden)"))
    return `changed the ${change.label}`;
  if (change.from === null) return `set ${change.label} to ${change.to}`;
  if (change.to === null) return `cleared ${change.label} (was ${change.from})`;
  return `changed ${change.label} from ${change.from} to ${change.to}`;
}

type AuditRow = {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  actorLabel: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
};

function describe(row: AuditRow, names: Names, access: PersonalDataAccess): HistoryEntry {
  const before = (row.before ?? {}) as Record<string, unknown>;
  const after = (row.after ?? {}) as Record<string, unknown>;
  const meta = (row.meta ?? {}) as Record<string, unknown>;
  const actorName = row.actorName ?? (row.actorLabel === "cli" ? "Command line" : (row.actorLabel ?? "System"));
  let changes: HistoryChange[] = [];
  let phrase: string;
  switch (row.action) {
    case "complaint.create":
      phrase =
        meta.source && meta.source !== "form"
          ? `logged the complaint (${String(meta.source)})`
          : "logged the complaint";
      break;
    case "complaint.update":
      // jsonb does not keep key order; list fields in the page's order.
      changes = Object.keys({ ...before, ...after })
        .sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
        .map((field) => ({
          field,
          label: FIELD_LABELS[field] ?? field,
          from: display(field, before[field], names, access),
          to: display(field, after[field], names, access),
        }));
      phrase = changes.map(changePhrase).join(", ") || "saved without changes";
      break;
    case "complaint.root_cause.add":
      phrase = `tagged root cause ${display("rootCauseId", after.rootCauseId, names, access)}${after.primary ? " as primary" : ""}`;
      break;
    case "complaint.root_cause.remove":
      phrase = `removed root cause ${display("rootCauseId", before.rootCauseId, names, access)}`;
      break;
    case "complaint.root_cause.primary":
      phrase = `made ${display("rootCauseId", after.rootCauseId, names, access)} the primary root cause`;
      break;
    case "complaint.analysis_note.add":
      phrase = "added an analysis note";
      break;
    case "complaint.analysis_note.update":
      phrase = "edited an analysis note";
      break;
    case "complaint.comment":
      phrase = "commented";
      break;
    case "complaint.family.link":
      phrase = `linked ${display("otherId", after.otherId, names, access)} as the same matter`;
      break;
    case "complaint.family.unlink":
      phrase = "took the complaint out of its family";
      break;
    case "complaint.personal_data.erase":
      phrase = `erased the customer's personal data (${access !== "full" ? "reason withheld" : String(after.reason ?? "no reason given")})`;
      break;
    default:
      phrase = row.action.replace(/^complaint\./, "").replaceAll(/[._]/g, " ");
  }
  const bulk = meta.bulk ? " (bulk action)" : "";
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorName,
    action: row.action,
    sentence: `${actorName} ${phrase}${bulk}`,
    changes,
  };
}

/** The complaint's audit trail as readable sentences, oldest first; `sinceVersion` keeps only later edits. */
export async function loadComplaintHistory(
  q: Db | Tx,
  complaintId: string,
  options: { sinceVersion?: number; access?: PersonalDataAccess } = {},
): Promise<HistoryEntry[]> {
  const rows = await q
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      before: auditLog.before,
      after: auditLog.after,
      meta: auditLog.meta,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, "complaint"),
        eq(auditLog.entityId, complaintId),
        options.sinceVersion !== undefined
          ? sql`(${auditLog.meta}->>'version')::int > ${options.sinceVersion}::int`
          : undefined,
      ),
    )
    .orderBy(asc(auditLog.id));
  const ids: string[] = [];
  for (const row of rows) {
    for (const side of [row.before, row.after]) {
      const values = (side ?? {}) as Record<string, unknown>;
      for (const field of ID_FIELDS) if (typeof values[field] === "string") ids.push(values[field] as string);
    }
  }
  const names = await resolveNames(q, ids);
  return rows.map((row) => describe(row as AuditRow, names, options.access ?? "full"));
}
