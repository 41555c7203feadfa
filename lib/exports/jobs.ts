import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaints, exportChunks, exportJobs, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { type ComplaintFilters, parseComplaintFilters } from "@/lib/complaints/filters";
import { complaintWhere, resolveSearch } from "@/lib/complaints/list-where";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { Phrase } from "@/lib/i18n/say";
import { exportComplaintsCsv } from "@/lib/imports/export";
import { storedIn, storedPhrase } from "@/lib/imports/stored-words";
import { BOSS_SCHEMA, getBoss, QUEUES } from "@/lib/jobs/boss";
import { logError } from "@/lib/log";
import { type PersonalDataAccess, personalDataAccessOf } from "@/lib/privacy/gate";

/**
 * Large exports of the complaint list run as jobs: past EXPORT_JOB_THRESHOLD rows (default 5,000) the
 * list's export and `GET /api/v1/complaints/export` hand the work to the job runner, which writes the
 * file page by page (keyset pages, so memory stays flat) into the database in chunks; the requester
 * (or an admin) downloads it from the Exports page or the job's URL until it expires
 * (EXPORT_EXPIRY_HOURS, default 24), when the hourly cleanup removes it.
 */
export const exportJobThreshold = () => Math.max(1, Number(process.env.EXPORT_JOB_THRESHOLD) || 5000);
export const exportExpiryHours = () => Math.max(0.01, Number(process.env.EXPORT_EXPIRY_HOURS) || 24);

/** A running export whose runner has not touched it for this long is taken to have died with it. */
const STALE_SECONDS = 120;
// The file is stored in pieces of about this size.
const CHUNK_BYTES = 1024 * 1024;

/** The requester's role no longer exports complaints: said to them as such, not as a failure of ours. */
class RequesterMayNotExport extends Error {}

/**
 * How the job's end is kept in its message column: as what it says (see stored-words), worded when read
 * in the reader's language. What went wrong inside is in the log, not in words for people.
 */
const writtenPhrase = (rows: number): Phrase =>
  rows === 1 ? "adminRules.exports.writtenOne" : ["adminRules.exports.written", { rows }];
const failurePhrase = (error: unknown): Phrase =>
  error instanceof RequesterMayNotExport ? "adminRules.exports.requesterMayNotExport" : "adminRules.exports.failed";

export type ExportJob = typeof exportJobs.$inferSelect;
export type ExportRequest = { params: URLSearchParams; excel: boolean };

/** Whether the filtered list has more rows than an immediate export answers; counts no further than that. */
export async function exportsAsJob(
  filters: ComplaintFilters,
  on: Tx | typeof db = db,
): Promise<{ asJob: boolean; expected: number }> {
  const threshold = exportJobThreshold();
  await resolveSearch(on, filters.q, filters.market);
  const where = complaintWhere(filters);
  const [row] = rowsOf<{ n: number }>(
    await on.execute(
      sql`select count(*)::int as n from (select 1 from ${complaints} ${where ? sql`where ${where}` : sql``} limit ${threshold + 1}) matched`,
    ),
  );
  const expected = Number(row?.n ?? 0);
  return { asJob: expected > threshold, expected };
}

/** The list's filters as stored on the job: its URL parameters, export options left out. */
function storedFilters(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (key !== "excel") out[key] = value;
  return out;
}

/** Creates the export job (audited as the export it is); the caller hands it to the runner after the commit. */
export async function createExportJob(
  tx: Tx,
  actor: Actor,
  request: ExportRequest & { expected: number },
): Promise<ExportJob> {
  if (!actor.userId) throw new Error("An export job belongs to a user");
  const filters = storedFilters(request.params);
  const date = new Date().toISOString().slice(0, 10);
  const [job] = await tx
    .insert(exportJobs)
    .values({
      requestedBy: actor.userId,
      filters,
      excel: request.excel,
      fileName: `complaints-${date}${request.excel ? "-excel" : ""}.csv`,
      // Counted no further than the threshold here; the runner counts them all when it starts.
      expectedRows: request.expected > exportJobThreshold() ? null : request.expected,
    })
    .returning();
  if (!job) throw new Error("The export job was not created");
  await writeAudit(tx, actor, {
    action: "complaints.export",
    entityType: "export_job",
    entityId: job.id,
    meta: { query: new URLSearchParams(filters).toString(), excel: request.excel, asJob: true },
  });
  return job;
}

/** Hands an export job to the job runner (any instance's). */
export async function enqueueExport(jobId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(QUEUES.export, { exportJobId: jobId });
}

/** Takes a queued export (or one whose runner went silent): one runner at a time writes it. */
async function claimExport(jobId: string, worker: string): Promise<ExportJob | null> {
  const [job] = await db
    .update(exportJobs)
    .set({ status: "running", worker, attempts: sql`${exportJobs.attempts} + 1`, heartbeatAt: sql`now()` })
    .where(
      and(
        eq(exportJobs.id, jobId),
        or(
          eq(exportJobs.status, "queued"),
          and(
            eq(exportJobs.status, "running"),
            lt(exportJobs.heartbeatAt, sql`now() - ${STALE_SECONDS} * interval '1 second'`),
          ),
        ),
      ),
    )
    .returning();
  return job ?? null;
}

/**
 * A pg-boss delivery of an export: claims it and writes the file from the first row (a died attempt's
 * chunks are dropped first), with the personal-data access of the requester's role as it is now.
 */
export async function runExportJob(jobId: string, worker: string): Promise<ExportJob | null> {
  const job = await claimExport(jobId, worker);
  if (!job) return null;
  const held = and(eq(exportJobs.id, jobId), eq(exportJobs.worker, worker));
  try {
    const [requester] = await db.select({ role: users.role }).from(users).where(eq(users.id, job.requestedBy));
    const access: PersonalDataAccess = requester ? personalDataAccessOf(requester.role) : "none";
    if (access === "none") throw new RequesterMayNotExport("The requester may no longer export complaints");
    await db.delete(exportChunks).where(eq(exportChunks.jobId, jobId));
    await db.update(exportJobs).set({ access, rows: 0, bytes: 0 }).where(held);
    const filters = parseComplaintFilters(new URLSearchParams(job.filters));
    await resolveSearch(db, filters.q, filters.market);
    const where = complaintWhere(filters);
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${complaints} ${where ? sql`where ${where}` : sql``}`),
    );
    await db
      .update(exportJobs)
      .set({ expectedRows: Number(count?.n ?? 0) })
      .where(held);
    let rows = 0;
    let bytes = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      bytes += data.length;
      await db.transaction(async (tx) => {
        await tx.insert(exportChunks).values({ jobId, seq: seq++, data });
        const [still] = await tx
          .update(exportJobs)
          .set({ rows, bytes, heartbeatAt: sql`now()` })
          .where(held)
          .returning({ id: exportJobs.id });
        // Another runner took it over (this one was taken for dead): this one stops.
        if (!still) throw new Error("The export is no longer held by this runner");
      });
    };
    const pages = exportComplaintsCsv(filters, {
      access,
      excel: job.excel,
      onRows: (n) => {
        rows += n;
      },
    });
    for await (const page of pages) {
      const piece = Buffer.from(page, "utf8");
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    const [done] = await db
      .update(exportJobs)
      .set({
        status: "ready",
        rows,
        bytes,
        finishedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        expiresAt: sql`now() + ${exportExpiryHours() * 3600} * interval '1 second'`,
        message: storedPhrase(writtenPhrase(rows)),
      })
      .where(held)
      .returning();
    return done ?? null;
  } catch (error) {
    logError("Export failed", error, { exportJobId: jobId });
    const [failed] = await db
      .update(exportJobs)
      .set({ status: "failed", finishedAt: sql`now()`, message: storedPhrase(failurePhrase(error)) })
      .where(held)
      .returning();
    // Its chunks go only while it is this runner's: one that took it over writes its own.
    if (failed) await db.delete(exportChunks).where(eq(exportChunks.jobId, jobId));
    return failed ?? null;
  }
}

/**
 * Exports no runner is looking after: a running one whose runner went silent (killed, deployed) and
 * a queued one with nothing waiting to run it (its send did not get through) are sent again; the
 * delivery takes the job over from the start. One statement, so with several runners sweeping each
 * job is sent once.
 */
export async function sweepExports(): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      update export_jobs j set status = 'queued', worker = null, heartbeat_at = now()
      where (
          (j.status = 'running' and j.heartbeat_at < now() - ${STALE_SECONDS} * interval '1 second')
          or (j.status = 'queued' and coalesce(j.heartbeat_at, j.created_at) < now() - ${STALE_SECONDS} * interval '1 second')
        )
        and not exists (
          select 1 from ${sql.identifier(BOSS_SCHEMA)}.job b
          where b.name = ${QUEUES.export} and b.state in ('created', 'retry')
            and b.data ->> 'exportJobId' = j.id::text
        )
      returning j.id::text as id`),
  );
  return rows.map((r) => r.id);
}

/** Exports a user may see: their own; an admin sees everyone's. Newest first, their messages in the actor's language. */
export async function listExports(actor: Actor, limit = 50) {
  const rows = await db
    .select({
      id: exportJobs.id,
      status: exportJobs.status,
      fileName: exportJobs.fileName,
      filters: exportJobs.filters,
      excel: exportJobs.excel,
      expectedRows: exportJobs.expectedRows,
      rows: exportJobs.rows,
      bytes: exportJobs.bytes,
      message: exportJobs.message,
      createdAt: exportJobs.createdAt,
      finishedAt: exportJobs.finishedAt,
      expiresAt: exportJobs.expiresAt,
      requestedBy: exportJobs.requestedBy,
      requesterName: users.name,
    })
    .from(exportJobs)
    .innerJoin(users, eq(users.id, exportJobs.requestedBy))
    .where(actor.role === "admin" ? undefined : eq(exportJobs.requestedBy, actor.userId ?? ""))
    .orderBy(desc(exportJobs.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, message: exportMessageIn(row.message, actor.locale ?? DEFAULT_LOCALE) }));
}

/** A job's message in `locale`: kept as words to say, or (a job of before) as it was written. */
export const exportMessageIn = (message: string | null, locale: Locale) =>
  message === null ? null : storedIn(message, locale);
export type ExportListItem = Awaited<ReturnType<typeof listExports>>[number];

/**
 * Removes the files of exports past their expiry (and of failed ones), keeping the rows as history.
 * Run hourly by the job runner's schedule; answers how many files it removed.
 */
export async function cleanupExports(): Promise<number> {
  const expired = await db
    .update(exportJobs)
    .set({ status: "expired" })
    .where(and(eq(exportJobs.status, "ready"), lt(exportJobs.expiresAt, sql`now()`)))
    .returning({ id: exportJobs.id });
  const gone = expired.map((e) => e.id);
  if (gone.length) await db.delete(exportChunks).where(inArray(exportChunks.jobId, gone));
  // Rows of history older than a month go too (their files went long before).
  await db.delete(exportJobs).where(lt(exportJobs.createdAt, sql`now() - interval '30 days'`));
  return gone.length;
}
