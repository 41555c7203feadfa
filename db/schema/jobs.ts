import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The job runners alive on this database (web processes running jobs, `npm run worker` processes,
 * a command-line import running its own job). Each one touches its row while it runs, so the health
 * check and the command line can tell whether anything will pick up a queued job.
 */
export const jobRunners = pgTable("job_runners", {
  id: text("id").primaryKey(),
  kind: text("kind").notNull(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

/** When recurring work runs (a cron expression in UTC); a name without a row runs on its default. */
export const jobSchedules = pgTable("job_schedules", {
  name: text("name").primaryKey(),
  cron: text("cron"),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
