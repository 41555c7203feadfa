import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { importKindEnum, importStatusEnum } from "./enums";
import { users } from "./users";

/** Bytes stored in the database (an upload, an export file). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** A saved column and value mapping for a foreign export (e.g. the CFPB's). */
export const importMappings = pgTable("import_mappings", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: importKindEnum("kind").notNull().default("complaints"),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A background import. Progress lives here so it survives reloads and is visible to every instance. */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: importKindEnum("kind").notNull(),
    status: importStatusEnum("status").notNull().default("queued"),
    fileName: text("file_name").notNull(),
    // The uploaded bytes, so any instance can run or resume the job.
    file: bytea("file"),
    mappingId: uuid("mapping_id").references(() => importMappings.id),
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    dryRun: boolean("dry_run").notNull().default(false),
    skipInvalid: boolean("skip_invalid").notNull().default(false),
    totalRows: integer("total_rows"),
    rowsRead: integer("rows_read").notNull().default(0),
    rowsWritten: integer("rows_written").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    // The runner holding the job while it runs, and how many times one has taken it (more than one: resumed).
    worker: text("worker"),
    attempts: integer("attempts").notNull().default(0),
    message: text("message"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_created_idx").on(t.createdAt)],
);

export const importErrors = pgTable(
  "import_errors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    column: text("column"),
    reason: text("reason").notNull(),
  },
  (t) => [index("import_errors_job_idx").on(t.jobId, t.line)],
);

/**
 * An import's committed batches, each written in the transaction that wrote its rows: a resumed job
 * starts where they end. Batches are numbered in the order they are cut from the file; the rows are
 * sorted by market and day within a segment of several batches, so a position in the file is known at
 * the end of a segment, on its last batch (`next_line`: the physical line of the first row after it,
 * null at the end of the file).
 */
export const importJobBatches = pgTable(
  "import_job_batches",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    batch: integer("batch").notNull(),
    rows: integer("rows").notNull(),
    segmentEnd: boolean("segment_end").notNull(),
    nextLine: integer("next_line"),
    committedAt: timestamp("committed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.batch] })],
);
