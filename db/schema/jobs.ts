import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./imports";
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

/**
 * A large export of the complaint list, written by the job runner. The file is kept in the database
 * in chunks (so any instance can serve it and the embedded database needs no shared folder) until it
 * expires; only the user who asked (or an admin) downloads it.
 */
export const exportJobs = pgTable(
  "export_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** queued, running, ready, failed, expired. */
    status: text("status").notNull().default("queued"),
    /** The list's filters as its URL parameters. */
    filters: jsonb("filters").$type<Record<string, string>>().notNull().default({}),
    excel: boolean("excel").notNull().default(false),
    /** The personal-data access the file was written with (the requester's role's, when it ran). */
    access: text("access"),
    fileName: text("file_name").notNull(),
    /** About how many rows match (counted when asked); rows: written so far, exact once ready. */
    expectedRows: integer("expected_rows"),
    rows: integer("rows").notNull().default(0),
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    worker: text("worker"),
    attempts: integer("attempts").notNull().default(0),
    message: text("message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("export_jobs_requested_idx").on(t.requestedBy, t.createdAt)],
);

/** An export file's bytes, in order. */
export const exportChunks = pgTable(
  "export_chunks",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => exportJobs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
