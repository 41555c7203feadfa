import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { auditLog, authorities, categories, complaints, products, rootCauses, users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { fillMessage, type Messages, messagesFor } from "@/lib/i18n/messages";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";

// Codes a person reads as words, as the labels elsewhere say them: "from in analysis to analysed",
// "to test entry", never "in_analysis" or "test"; in the reader's language.
function valueLabels(words: Messages): Record<string, Record<string, string>> {
  const { status, channel, severity, journeyStage, outcome, excludedReason } = words.codes;
  return { status, channel, severity, journeyStage, outcome, excludedReason };
}

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

// The fields in the order the page shows them; their names are in the messages' history.fields.
const FIELD_ORDER = [
  "externalId",
  "receivedOn",
  "market",
  "channel",
  "authorityId",
  "productId",
  "journeyStage",
  "categoryId",
  "summary",
  "narrative",
  "customerRef",
  "appUser",
  "severity",
  "assigneeId",
  "status",
  "outcome",
  "recommendationFollowed",
  "excludedReason",
  "duplicateOfId",
  "familyId",
  "acknowledgedAt",
  "respondedAt",
];
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

type Words = { messages: Messages; locale: Locale };

function display(field: string, value: unknown, names: Names, access: PersonalDataAccess, words: Words): string | null {
  const h = words.messages.history;
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? h.yes : h.no;
  const text = String(value);
  if (ID_FIELDS.includes(field)) return names.get(text) ?? h.removed;
  if (field === "acknowledgedAt" || field === "respondedAt") return text.slice(0, 10);
  if (field === "customerRef" && access !== "full") return h.hidden;
  const label = valueLabels(words.messages)[field]?.[text];
  if (label) return label.toLocaleLowerCase(words.locale);
  if (/^[a-z_]+$/.test(text)) return text.replaceAll("_", " ");
  // Every other value is free text a customer may have written into: through the gate, whole, then cut.
  const gated = gateText(access, text);
  if (field === "summary") return gated;
  return gated.length > 80 ? `${gated.slice(0, 77)}…` : gated;
}

function changePhrase(change: HistoryChange, h: Messages["history"]): string {
  const values = { field: change.label, from: change.from ?? "", to: change.to ?? "" };
  if (TEXT_FIELDS.has(change.field)) return fillMessage(h.edited, values);
  if (change.field === "customerRef" && (change.to === h.hidden || change.from === h.hidden))
    return fillMessage(h.changedHidden, values);
  if (change.from === null) return fillMessage(h.set, values);
  if (change.to === null) return fillMessage(h.cleared, values);
  return fillMessage(h.changed, values);
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

function describe(row: AuditRow, names: Names, access: PersonalDataAccess, words: Words): HistoryEntry {
  const h = words.messages.history;
  const fieldNames = h.fields as Record<string, string>;
  const show = (field: string, value: unknown) => display(field, value, names, access, words);
  const before = (row.before ?? {}) as Record<string, unknown>;
  const after = (row.after ?? {}) as Record<string, unknown>;
  const meta = (row.meta ?? {}) as Record<string, unknown>;
  const actorName = row.actorName ?? (row.actorLabel === "cli" ? h.commandLine : (row.actorLabel ?? h.system));
  let changes: HistoryChange[] = [];
  let phrase: string;
  switch (row.action) {
    case "complaint.create":
      phrase =
        meta.source && meta.source !== "form" ? fillMessage(h.createdFrom, { source: String(meta.source) }) : h.created;
      break;
    case "complaint.update":
      // jsonb does not keep key order; list fields in the page's order.
      changes = Object.keys({ ...before, ...after })
        .sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
        .map((field) => ({
          field,
          label: fieldNames[field] ?? field,
          from: show(field, before[field]),
          to: show(field, after[field]),
        }));
      phrase = changes.map((change) => changePhrase(change, h)).join(", ") || h.noChanges;
      break;
    case "complaint.root_cause.add":
      phrase = fillMessage(after.primary ? h.taggedPrimary : h.tagged, {
        name: show("rootCauseId", after.rootCauseId) ?? "",
      });
      break;
    case "complaint.root_cause.remove":
      phrase = fillMessage(h.untagged, { name: show("rootCauseId", before.rootCauseId) ?? "" });
      break;
    case "complaint.root_cause.primary":
      phrase = fillMessage(h.primary, { name: show("rootCauseId", after.rootCauseId) ?? "" });
      break;
    case "complaint.analysis_note.add":
      phrase = h.noteAdded;
      break;
    case "complaint.analysis_note.update":
      phrase = h.noteEdited;
      break;
    case "complaint.comment":
      phrase = h.commented;
      break;
    case "complaint.family.link":
      phrase = fillMessage(h.linked, { name: show("otherId", after.otherId) ?? "" });
      break;
    case "complaint.family.unlink":
      phrase = h.unlinked;
      break;
    case "complaint.personal_data.erase":
      phrase = fillMessage(h.erased, {
        reason: access !== "full" ? h.reasonWithheld : String(after.reason ?? h.noReason),
      });
      break;
    default:
      phrase = row.action.replace(/^complaint\./, "").replaceAll(/[._]/g, " ");
  }
  const bulk = meta.bulk ? h.bulk : "";
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
  options: { sinceVersion?: number; access?: PersonalDataAccess; locale?: Locale } = {},
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
  const locale = options.locale ?? "en";
  const words = { messages: messagesFor(locale), locale };
  return rows.map((row) => describe(row as AuditRow, names, options.access ?? "full", words));
}
