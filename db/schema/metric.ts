import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { channelEnum, journeyStageEnum, targetKindEnum } from "./enums";
import { markets, products } from "./reference";
import { users } from "./users";

const MONTH = sql`'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/** The metric's denominator. A row without product is the market's total for the month. */
export const purchaseVolumes = pgTable(
  "purchase_volumes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    market: text("market")
      .notNull()
      .references(() => markets.code),
    month: text("month").notNull(),
    productId: uuid("product_id").references(() => products.id),
    purchases: bigint("purchases", { mode: "number" }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("purchase_volumes_market_month_product").on(t.market, t.month, t.productId).nullsNotDistinct(),
    check("purchase_volumes_month_format", sql`${t.month} ~ ${MONTH}`),
    check("purchase_volumes_positive", sql`${t.purchases} >= 0`),
  ],
);

export const targets = pgTable(
  "targets",
  {
    market: text("market")
      .notNull()
      .references(() => markets.code),
    year: integer("year").notNull(),
    kind: targetKindEnum("kind").notNull(),
    // Absolute: complaints per million purchases. Reduction: percent below the previous year's figure.
    value: doublePrecision("value").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.market, t.year] }), check("targets_value_positive", sql`${t.value} >= 0`)],
);

/** A frozen monthly figure. What the public sees; later changes become restatements. */
export const publications = pgTable(
  "publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    market: text("market")
      .notNull()
      .references(() => markets.code),
    month: text("month").notNull(),
    complaints: integer("complaints").notNull(),
    purchases: bigint("purchases", { mode: "number" }),
    perMillion: doublePrecision("per_million"),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("publications_market_month").on(t.market, t.month),
    check("publications_month_format", sql`${t.month} ~ ${MONTH}`),
  ],
);

export const restatements = pgTable(
  "restatements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicationId: uuid("publication_id")
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
    previousComplaints: integer("previous_complaints").notNull(),
    previousPurchases: bigint("previous_purchases", { mode: "number" }),
    previousPerMillion: doublePrecision("previous_per_million"),
    complaints: integer("complaints").notNull(),
    purchases: bigint("purchases", { mode: "number" }),
    perMillion: doublePrecision("per_million"),
    reason: text("reason").notNull(),
    restatedBy: uuid("restated_by").references(() => users.id),
    restatedAt: timestamp("restated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("restatements_publication_idx").on(t.publicationId, t.restatedAt)],
);

/**
 * Complaints per market and month and every breakdown dimension, kept by triggers on `complaints`
 * (see the `metric_rollup_triggers` migration) so the dashboard never counts a million rows.
 * Derived data: no foreign keys, so the triggers stay cheap; zero rows may linger and are harmless.
 */
export const complaintMonthCounts = pgTable(
  "complaint_month_counts",
  {
    market: text("market").notNull(),
    month: text("month").notNull(),
    channel: channelEnum("channel").notNull(),
    authorityId: uuid("authority_id"),
    productId: uuid("product_id"),
    journeyStage: journeyStageEnum("journey_stage"),
    appUser: boolean("app_user"),
    excluded: boolean("excluded").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    unique("complaint_month_counts_key")
      .on(t.market, t.month, t.channel, t.authorityId, t.productId, t.journeyStage, t.appUser, t.excluded)
      .nullsNotDistinct(),
    index("complaint_month_counts_month_idx").on(t.month, t.market),
  ],
);

/**
 * Root-cause tags per market, month, root cause and the complaint's channel, product and journey
 * stage, primary tags apart (a complaint with two causes counts under each; every tagged complaint has one primary tag,
 * so the primary rows count tagged complaints). Kept by the same triggers, for the dashboard and the
 * root-cause report.
 */
export const rootCauseMonthCounts = pgTable(
  "root_cause_month_counts",
  {
    market: text("market").notNull(),
    month: text("month").notNull(),
    rootCauseId: uuid("root_cause_id").notNull(),
    channel: channelEnum("channel").notNull(),
    productId: uuid("product_id"),
    journeyStage: journeyStageEnum("journey_stage"),
    primary: boolean("is_primary").notNull(),
    excluded: boolean("excluded").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    unique("root_cause_month_counts_key")
      .on(t.market, t.month, t.rootCauseId, t.channel, t.productId, t.journeyStage, t.primary, t.excluded)
      .nullsNotDistinct(),
    index("root_cause_month_counts_month_idx").on(t.month, t.market),
  ],
);
