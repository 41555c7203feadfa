import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { channelEnum } from "./enums";

/** A PostgreSQL text-search configuration (`swedish`, `norwegian`, `simple`, …), checked by the database itself. */
export const regconfig = customType<{ data: string }>({ dataType: () => "regconfig" });

export const markets = pgTable(
  "markets",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    // The language its customers write in: their complaints are stemmed in it (complaints.search_language
    // is copied from here by a trigger, migration 0015), and searches in its scope stem the query in it.
    searchLanguage: regconfig("search_language").notNull().default(sql`'simple'::regconfig`),
    active: boolean("active").notNull().default(true),
  },
  (t) => [check("markets_code_iso", sql`${t.code} ~ '^[A-Z]{2}$'`)],
);

/** A registered complaint route other than customer service, named per market (Konsumentverket, ARN, …). */
export const authorities = pgTable(
  "authorities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    market: text("market")
      .notNull()
      .references(() => markets.code),
    channel: channelEnum("channel").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    unique("authorities_market_name").on(t.market, t.name),
    check("authorities_not_customer_service", sql`${t.channel} <> 'customer_service'`),
  ],
);

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    // Payment-service complaints get 15 business days for a final response instead of 8 weeks.
    paymentService: boolean("payment_service").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("products_name_lower_idx").on(sql`lower(${t.name})`)],
);

/** Old and alternative names that still resolve to a product on import ("Klarna konto"). */
export const productAliases = pgTable(
  "product_aliases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
  },
  (t) => [uniqueIndex("product_aliases_alias_lower_idx").on(sql`lower(${t.alias})`)],
);

export const categories = pgTable(
  "categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => categories.id),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("categories_parent_name").on(t.parentId, t.name).nullsNotDistinct()],
);

export const rootCauses = pgTable(
  "root_causes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    active: boolean("active").notNull().default(true),
    // Set when an admin merged this cause into another: its tags and actions moved there, the row
    // stays (inactive) so the history that names it still reads.
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => rootCauses.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("root_causes_name_lower_idx").on(sql`lower(${t.name})`)],
);

/** Old names of a root cause (a rename, a cause merged into it) that still resolve to it in imports and search. */
export const rootCauseAliases = pgTable(
  "root_cause_aliases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rootCauseId: uuid("root_cause_id")
      .notNull()
      .references(() => rootCauses.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
  },
  (t) => [uniqueIndex("root_cause_aliases_alias_lower_idx").on(sql`lower(${t.alias})`)],
);

/** Old names of a category (kept on rename) that still resolve to it in imports, under its parent's names. */
export const categoryAliases = pgTable(
  "category_aliases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
  },
  (t) => [uniqueIndex("category_aliases_category_alias_lower_idx").on(t.categoryId, sql`lower(${t.alias})`)],
);

/** Response deadlines per market and channel; defaults apply where no row exists. */
export const deadlineRules = pgTable(
  "deadline_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    market: text("market")
      .notNull()
      .references(() => markets.code),
    channel: channelEnum("channel").notNull(),
    acknowledgeDays: integer("acknowledge_days").notNull(),
    acknowledgeBusinessDays: boolean("acknowledge_business_days").notNull().default(true),
    finalResponseDays: integer("final_response_days").notNull(),
    finalResponseBusinessDays: boolean("final_response_business_days").notNull().default(false),
  },
  (t) => [
    unique("deadline_rules_market_channel").on(t.market, t.channel),
    check("deadline_rules_positive", sql`${t.acknowledgeDays} > 0 and ${t.finalResponseDays} > 0`),
  ],
);
