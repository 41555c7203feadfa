import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { complaints } from "./complaints";
import { remediationStatusEnum } from "./enums";
import { markets, products, rootCauses } from "./reference";
import { users } from "./users";

export const remediationActions = pgTable(
  "remediation_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description"),
    notes: text("notes"),
    ownerId: uuid("owner_id").references(() => users.id),
    status: remediationStatusEnum("status").notNull().default("proposed"),
    // Scope of the effectiveness check; null market means all markets.
    market: text("market").references(() => markets.code),
    productId: uuid("product_id").references(() => products.id),
    dueOn: date("due_on", { mode: "string" }),
    shippedOn: date("shipped_on", { mode: "string" }),
    verifiedOn: date("verified_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("remediation_actions_owner_idx").on(t.ownerId),
    index("remediation_actions_status_idx").on(t.status),
    check(
      "remediation_shipped_has_date",
      sql`${t.status} not in ('shipped', 'verified') or ${t.shippedOn} is not null`,
    ),
  ],
);

export const remediationRootCauses = pgTable(
  "remediation_root_causes",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => remediationActions.id, { onDelete: "cascade" }),
    rootCauseId: uuid("root_cause_id")
      .notNull()
      .references(() => rootCauses.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.rootCauseId] })],
);

export const remediationEvidence = pgTable(
  "remediation_evidence",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => remediationActions.id, { onDelete: "cascade" }),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.complaintId] }),
    index("remediation_evidence_complaint_idx").on(t.complaintId),
  ],
);

/** The discussion on an action; mentions reach the mentioned colleagues' inbox as notifications. */
export const remediationComments = pgTable(
  "remediation_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => remediationActions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("remediation_comments_action_idx").on(t.actionId, t.createdAt)],
);

/** Rate of complaints with the action's root causes per million purchases, before vs after shipping. */
export const effectivenessChecks = pgTable(
  "effectiveness_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => remediationActions.id, { onDelete: "cascade" }),
    beforeFrom: text("before_from").notNull(),
    beforeTo: text("before_to").notNull(),
    afterFrom: text("after_from").notNull(),
    afterTo: text("after_to").notNull(),
    beforeComplaints: integer("before_complaints").notNull(),
    beforePurchases: doublePrecision("before_purchases").notNull(),
    afterComplaints: integer("after_complaints").notNull(),
    afterPurchases: doublePrecision("after_purchases").notNull(),
    rateBefore: doublePrecision("rate_before"),
    rateAfter: doublePrecision("rate_after"),
    rateRatio: doublePrecision("rate_ratio"),
    ciLow: doublePrecision("ci_low"),
    ciHigh: doublePrecision("ci_high"),
    /** Its message key and figures, worded when read (lib/remediation/verdict.ts); an older check's English sentence is read back into them. */
    verdict: text("verdict").notNull(),
    computedBy: uuid("computed_by").references(() => users.id),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("effectiveness_checks_action_idx").on(t.actionId, t.computedAt)],
);
