import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import {
  auditLog,
  complaints,
  effectivenessChecks,
  markets,
  products,
  remediationActions,
  remediationEvidence,
  remediationRootCauses,
  rootCauses,
  users,
} from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { fillMessage, type Messages, messagesFor } from "@/lib/i18n/messages";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { withholdSmallCheck } from "./effectiveness";
import { OWNER_ROLES } from "./references";
import { readVerdict } from "./verdict";
import { isOverdue } from "./workflow";

export type RemediationHistoryEntry = { id: number; at: string; actorName: string; sentence: string };

type Words = { messages: Messages; locale: Locale };

/** What one audit entry did, in the reader's language ("moved it from approved to in progress"). */
function sentenceOf(
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  access: PersonalDataAccess,
  { messages, locale }: Words,
): string {
  const h = messages.remediation.history;
  const fieldNames = h.fields as Record<string, string>;
  switch (action) {
    case "remediation.create":
      return h.proposed;
    case "remediation.status":
    case "remediation.update": {
      const parts: string[] = [];
      if (after.status) {
        const labels = messages.codes.remediationStatus as Record<string, string>;
        const label = (s: unknown) => labels[String(s)]?.toLocaleLowerCase(locale) ?? String(s);
        parts.push(fillMessage(h.moved, { from: label(before.status), to: label(after.status) }));
      }
      const fields = Object.keys(after).filter((k) => k !== "status" && fieldNames[k]);
      if (fields.length)
        parts.push(fillMessage(h.changedFields, { fields: fields.map((k) => fieldNames[k]).join(", ") }));
      return parts.join(h.and) || h.noChanges;
    }
    case "remediation.root_cause.link":
      return after.name ? fillMessage(h.linkedRootCause, { name: String(after.name) }) : h.linkedRootCauseUnnamed;
    case "remediation.root_cause.unlink":
      return h.unlinkedRootCause;
    case "remediation.evidence.link":
      // Leadership reads no complaint reference.
      return access === "none" || !after.reference
        ? h.addedEvidenceHidden
        : fillMessage(h.addedEvidence, { reference: String(after.reference) });
    case "remediation.evidence.unlink":
      return h.removedEvidence;
    case "remediation.effectiveness_check":
      return h.ranCheck;
    case "remediation.comment":
      return h.commented;
    default:
      return action.replace(/^remediation\./, "").replaceAll(/[._]/g, " ");
  }
}

/** Everything the action's page shows, its text through the redaction gate for `access`; `withEvidence: false` leaves complaints out. */
export async function getRemediationDetail(
  q: Db | Tx,
  id: string,
  options: {
    access?: PersonalDataAccess;
    withEvidence?: boolean;
    withHistory?: boolean;
    today?: string;
    suppressSmallCells?: boolean;
    /** The reader's language, for the history's sentences and the checks' verdicts (English by default). */
    locale?: Locale;
  } = {},
) {
  const owner = alias(users, "owner");
  const creator = alias(users, "creator");
  const [found] = await q
    .select({
      row: remediationActions,
      ownerName: owner.name,
      createdByName: creator.name,
      productName: products.name,
      marketName: markets.name,
    })
    .from(remediationActions)
    .leftJoin(owner, eq(owner.id, remediationActions.ownerId))
    .leftJoin(creator, eq(creator.id, remediationActions.createdBy))
    .leftJoin(products, eq(products.id, remediationActions.productId))
    .leftJoin(markets, eq(markets.code, remediationActions.market))
    .where(eq(remediationActions.id, id));
  if (!found) return null;
  const checker = alias(users, "checker");
  const actor = alias(users, "actor");
  const [causes, evidence, checks, audits] = await Promise.all([
    q
      .select({ id: rootCauses.id, name: rootCauses.name })
      .from(remediationRootCauses)
      .innerJoin(rootCauses, eq(rootCauses.id, remediationRootCauses.rootCauseId))
      .where(eq(remediationRootCauses.actionId, id))
      .orderBy(asc(rootCauses.name)),
    options.withEvidence === false
      ? []
      : q
          .select({
            id: complaints.id,
            reference: complaints.reference,
            summary: complaints.summary,
            status: complaints.status,
            receivedOn: complaints.receivedOn,
            market: complaints.market,
          })
          .from(remediationEvidence)
          .innerJoin(complaints, eq(complaints.id, remediationEvidence.complaintId))
          .where(eq(remediationEvidence.actionId, id))
          .orderBy(desc(complaints.receivedOn), asc(complaints.reference)),
    q
      .select({ check: effectivenessChecks, computedByName: checker.name })
      .from(effectivenessChecks)
      .leftJoin(checker, eq(checker.id, effectivenessChecks.computedBy))
      .where(eq(effectivenessChecks.actionId, id))
      .orderBy(desc(effectivenessChecks.computedAt), desc(effectivenessChecks.id))
      .limit(20),
    options.withHistory === false
      ? []
      : q
          .select({
            id: auditLog.id,
            at: auditLog.at,
            action: auditLog.action,
            before: auditLog.before,
            after: auditLog.after,
            actorName: actor.name,
            actorLabel: auditLog.actorLabel,
          })
          .from(auditLog)
          .leftJoin(actor, eq(actor.id, auditLog.actorId))
          .where(and(eq(auditLog.entityType, "remediation_action"), eq(auditLog.entityId, id)))
          .orderBy(asc(auditLog.id)),
  ]);
  const { row } = found;
  const access = options.access ?? "full";
  const text = <T extends string | null>(s: T) => gateText(access, s) as T;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words: Words = { messages: messagesFor(locale), locale };
  const { history: h } = words.messages;
  return {
    action: {
      ...row,
      title: text(row.title),
      description: text(row.description),
      notes: text(row.notes),
      ownerName: found.ownerName,
      createdByName: found.createdByName,
      productName: found.productName,
      marketName: found.marketName,
      overdue: isOverdue(row, today),
    },
    rootCauses: causes,
    evidence: access === "none" ? [] : evidence.map((c) => ({ ...c, summary: text(c.summary) })),
    checks: checks.map(({ check, computedByName }) =>
      readVerdict(withholdSmallCheck({ ...check, computedByName }, options.suppressSmallCells ?? false), locale),
    ),
    history: audits.map((a): RemediationHistoryEntry => {
      const actorName = a.actorName ?? (a.actorLabel === "cli" ? h.commandLine : (a.actorLabel ?? h.system));
      const sentence = sentenceOf(
        a.action,
        (a.before ?? {}) as Record<string, unknown>,
        (a.after ?? {}) as Record<string, unknown>,
        access,
        words,
      );
      return { id: a.id, at: a.at.toISOString(), actorName, sentence: text(`${actorName} ${sentence}`) };
    }),
  };
}

export type RemediationDetail = NonNullable<Awaited<ReturnType<typeof getRemediationDetail>>>;

/** The choices the forms and filters offer. */
export async function loadRemediationOptions(q: Db | Tx) {
  const [marketRows, productRows, causeRows, people] = await Promise.all([
    q
      .select({ code: markets.code, name: markets.name })
      .from(markets)
      .where(eq(markets.active, true))
      .orderBy(asc(markets.code)),
    q
      .select({ id: products.id, name: products.name })
      .from(products)
      .where(eq(products.active, true))
      .orderBy(asc(products.name)),
    q
      .select({ id: rootCauses.id, name: rootCauses.name })
      .from(rootCauses)
      .where(eq(rootCauses.active, true))
      .orderBy(asc(rootCauses.name)),
    q
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, [...OWNER_ROLES])))
      .orderBy(asc(users.name)),
  ]);
  return { markets: marketRows, products: productRows, rootCauses: causeRows, owners: people };
}

export type RemediationOptions = Awaited<ReturnType<typeof loadRemediationOptions>>;
