import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  channelEnum,
  complaintStatusEnum,
  excludedReasonEnum,
  journeyStageEnum,
  outcomeEnum,
  severityEnum,
} from "./enums";
import { authorities, regconfig, rootCauses } from "./reference";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** One complaint route of the same customer matter (customer service, then the agency, then ARN). */
export const complaintFamilies = pgTable("complaint_families", {
  id: uuid("id").primaryKey().defaultRandom(),
  note: text("note"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const complaints = pgTable(
  "complaints",
  {
    // Time-ordered (UUIDv7 layout, see migration 0007): new rows land at the primary key's right
    // edge instead of on a random page of it, which keeps bulk imports off the disk.
    id: uuid("id").primaryKey().default(sql`uuid_time_ordered()`),
    reference: text("reference").notNull().unique(),
    // The source system an external_id belongs to ("default" for the canonical CSV, the form and the API;
    // a saved mapping may name its own, e.g. "cfpb"). Re-imports are idempotent per (source, external_id).
    source: text("source").notNull().default("default"),
    externalId: text("external_id").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    // Market, product and category refer to markets.code, products.id and categories.id. They are
    // checked by statement-level triggers (migration 0009), not foreign keys: one set-based check
    // per statement instead of three queries per row, which an import of thousands of rows feels.
    market: text("market").notNull(),
    channel: channelEnum("channel").notNull(),
    authorityId: uuid("authority_id").references(() => authorities.id),
    productId: uuid("product_id"),
    journeyStage: journeyStageEnum("journey_stage"),
    categoryId: uuid("category_id"),
    summary: varchar("summary", { length: 200 }).notNull(),
    narrative: text("narrative"),
    customerRef: text("customer_ref"),
    appUser: boolean("app_user"),
    severity: severityEnum("severity"),
    status: complaintStatusEnum("status").notNull().default("new"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    outcome: outcomeEnum("outcome"),
    // For a disputes-board member of a family: was the board's recommendation followed?
    recommendationFollowed: boolean("recommendation_followed"),
    excludedReason: excludedReasonEnum("excluded_reason"),
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => complaints.id),
    familyId: uuid("family_id").references(() => complaintFamilies.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // The market's text-search language, copied from markets.search_language by a trigger when the row
    // is written or its market changes (a generated column cannot read another table); a market whose
    // language changes has its complaints' copies rewritten in batches (lib/taxonomies/market-language.ts).
    searchLanguage: regconfig("search_language").notNull().default(sql`'simple'::regconfig`),
    // Stemmed in that language, as the customers write. A search stems its words in every language of
    // the markets in scope (complaint_search_query, migration 0015), by prefix, so any word form finds it.
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector(search_language, coalesce(summary, '')), 'A') || setweight(to_tsvector(search_language, coalesce(narrative, '')), 'B')`,
    ),
  },
  (t) => [
    unique("complaints_source_external_id").on(t.source, t.externalId),
    check(
      "complaints_authority_only_for_authority_channels",
      sql`${t.authorityId} is null or ${t.channel} <> 'customer_service'`,
    ),
    check("complaints_duplicate_has_reason", sql`${t.duplicateOfId} is null or ${t.excludedReason} = 'duplicate'`),
    check("complaints_not_own_duplicate", sql`${t.duplicateOfId} is null or ${t.duplicateOfId} <> ${t.id}`),
    check("complaints_version_positive", sql`${t.version} > 0`),
    index("complaints_search_idx").using("gin", t.search),
    index("complaints_received_on_idx").on(t.receivedOn.desc(), t.id),
    // The reviewers' queues: a status's complaints newest first, and the list sorted by status.
    index("complaints_status_received_idx").on(t.status, t.receivedOn.desc()),
    // Complaints to authorities by channel and date, counted exactly (the few authority complaints are
    // spread thin over the date index). Customer-service complaints, most of all, are not in it.
    index("complaints_authority_channel_idx")
      .on(t.channel, t.receivedOn.desc())
      .where(sql`${t.channel} <> 'customer_service'`),
    // One index for the list's other filters in any combination (btree_gin): the planner combines
    // their columns inside it, and new entries queue in its pending list and merge in bulk, so an
    // import pays for one index here instead of one per filter.
    index("complaints_filters_idx").using(
      "gin",
      t.status,
      t.market,
      t.channel,
      t.severity,
      t.productId,
      t.categoryId,
      t.journeyStage,
      t.appUser,
      // Not a list filter: the complaint form's "same customer" check looks complaints up by it.
      t.customerRef,
    ),
    // Columns that are empty on most complaints (and on every imported one) are indexed only where
    // set: a list filter or a foreign-key check looks for a value, never for "no value", and an
    // import then writes to none of these indexes.
    index("complaints_assignee_idx").on(t.assigneeId, t.receivedOn.desc()).where(sql`${t.assigneeId} is not null`),
    // A reviewer's open, counted complaints (their deadlines, for the inbox and its badge on every
    // page): a reviewer's closed cases pile up over the years, and this reads none of them.
    index("complaints_open_assignee_idx")
      .on(t.assigneeId, t.receivedOn)
      .where(
        sql`${t.assigneeId} is not null and ${t.status} in ('new', 'triaged', 'in_analysis', 'analysed') and ${t.excludedReason} is null`,
      ),
    index("complaints_authority_idx").on(t.authorityId).where(sql`${t.authorityId} is not null`),
    index("complaints_family_idx").on(t.familyId).where(sql`${t.familyId} is not null`),
    index("complaints_duplicate_of_idx").on(t.duplicateOfId).where(sql`${t.duplicateOfId} is not null`),
    index("complaints_updated_at_idx").on(t.updatedAt.desc(), t.id),
    // Few complaints are excluded; the list's "excluded only" queue reads them from this small index.
    index("complaints_excluded_idx")
      .on(t.excludedReason, t.receivedOn.desc())
      .where(sql`${t.excludedReason} is not null`),
  ],
);

export const statusTransitions = pgTable(
  "status_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    fromStatus: complaintStatusEnum("from_status"),
    toStatus: complaintStatusEnum("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("status_transitions_complaint_idx").on(t.complaintId, t.at)],
);

export const complaintRootCauses = pgTable(
  "complaint_root_causes",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    rootCauseId: uuid("root_cause_id")
      .notNull()
      .references(() => rootCauses.id),
    primary: boolean("is_primary").notNull().default(false),
    note: text("note"),
    taggedBy: uuid("tagged_by").references(() => users.id),
    taggedAt: timestamp("tagged_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when the tag was a suggestion applied with one click: its place in the list (1 = first),
    // so how often suggestions are accepted, and which, can be measured. Null: chosen by hand.
    suggestionRank: smallint("suggestion_rank"),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.rootCauseId] }),
    index("complaint_root_causes_root_cause_idx").on(t.rootCauseId, t.complaintId),
  ],
);

/**
 * A complaint's similar-complaint candidates as last found (lib/suggestions/engine.ts): ids and the
 * two scores the rerank needs, in one row per complaint, so every process reads what any process
 * or the job runner found. `textHash` is the md5 of the text the candidates were found for: an edit
 * of the summary or narrative makes the row stale; a status change or an assignment does not.
 */
export const complaintSimilarPools = pgTable(
  "complaint_similar_pools",
  {
    complaintId: uuid("complaint_id")
      .primaryKey()
      .references(() => complaints.id, { onDelete: "cascade" }),
    textHash: text("text_hash").notNull(),
    candidateIds: uuid("candidate_ids").array().notNull(),
    ranks: real("ranks").array().notNull(),
    trigrams: real("trigrams").array().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the job runner last failed to look (a statement timeout, say): it waits before trying again. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [index("complaint_similar_pools_computed_idx").on(t.computedAt)],
);

export const analysisNotes = pgTable(
  "analysis_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id),
    findings: text("findings").notNull(),
    // The 5-whys chain, one answer per step.
    whys: jsonb("whys").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("analysis_notes_complaint_idx").on(t.complaintId)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comments_complaint_idx").on(t.complaintId, t.createdAt)],
);

export const commentMentions = pgTable(
  "comment_mentions",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_mentions_user_idx").on(t.userId, t.readAt)],
);

/** A sample coded independently by two reviewers, to measure agreement on root causes (Cohen's kappa). */
export const agreementSamples = pgTable("agreement_samples", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  coderA: uuid("coder_a")
    .notNull()
    .references(() => users.id),
  coderB: uuid("coder_b")
    .notNull()
    .references(() => users.id),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The complaints a sample holds, in the order both coders are shown them. */
export const agreementSampleComplaints = pgTable(
  "agreement_sample_complaints",
  {
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => agreementSamples.id, { onDelete: "cascade" }),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sampleId, t.complaintId] }),
    unique("agreement_sample_complaints_position").on(t.sampleId, t.position),
  ],
);

export const agreementCodings = pgTable(
  "agreement_codings",
  {
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => agreementSamples.id, { onDelete: "cascade" }),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    coderId: uuid("coder_id")
      .notNull()
      .references(() => users.id),
    rootCauseId: uuid("root_cause_id").references(() => rootCauses.id),
    codedAt: timestamp("coded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One code per coder and complaint: the root cause they judge primary, or none (null).
  (t) => [unique("agreement_codings_one_per_coder").on(t.sampleId, t.complaintId, t.coderId)],
);
