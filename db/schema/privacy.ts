import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { markets } from "./reference";
import { users } from "./users";

/**
 * How long a market keeps the personal data of closed complaints. A market without a rule keeps it
 * until a rule is set or an admin erases it; the counts behind the metric are never touched.
 */
export const retentionRules = pgTable(
  "retention_rules",
  {
    market: text("market")
      .primaryKey()
      .references(() => markets.code),
    anonymiseAfterMonths: integer("anonymise_after_months").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("retention_rules_months", sql`${t.anonymiseAfterMonths} between 1 and 600`)],
);
