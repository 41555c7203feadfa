import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { exportChunks, exportJobs } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { refuse } from "@/lib/i18n/say";
import { storedIn } from "@/lib/imports/stored-words";
import { type PersonalDataAccess, personalDataAccessOf } from "@/lib/privacy/gate";
import type { ExportJob } from "./jobs";

const RANK: Record<PersonalDataAccess, number> = { none: 0, masked: 1, full: 2 };

/**
 * An export job as its requester (or an admin) sees it; anyone else is told it does not exist, so
 * another user's export ids reveal nothing.
 */
export async function getExportJob(actor: Actor, id: string): Promise<ExportJob> {
  const [job] = await db.select().from(exportJobs).where(eq(exportJobs.id, id));
  if (!job || (job.requestedBy !== actor.userId && actor.role !== "admin"))
    throw refuse("not_found", "adminRules.exports.noSuchExport");
  return job;
}

/**
 * The job whose file the actor may download now (the download is audited): ready, not expired, and written with no more
 * personal data than the actor's role reads today (a file written before their role changed is not).
 */
export async function downloadableExport(actor: Actor, id: string): Promise<ExportJob> {
  const job = await getExportJob(actor, id);
  if (job.status === "queued" || job.status === "running") throw refuse("conflict", "adminRules.exports.notReady");
  if (job.status === "failed") {
    // The runner kept why it failed as the job's message: said in the reader's language (a job of before, as written).
    const said = job.message;
    throw said
      ? new AppError("conflict", (locale) => ({ message: storedIn(said, locale) }))
      : refuse("conflict", "adminRules.exports.failed");
  }
  if (job.status === "expired" || (job.expiresAt && job.expiresAt.getTime() < Date.now()))
    throw refuse("not_found", "adminRules.exports.expired");
  const access = (job.access ?? "full") as PersonalDataAccess;
  if (RANK[access] > RANK[personalDataAccessOf(actor.role)])
    throw refuse("forbidden", "adminRules.exports.personalData");
  await writeAudit(db, actor, { action: "export.download", entityType: "export_job", entityId: job.id });
  return job;
}

/** The file's bytes, a chunk at a time, in order. */
export async function* exportFileChunks(jobId: string): AsyncGenerator<Buffer> {
  let after = -1;
  for (;;) {
    const [chunk] = await db
      .select({ seq: exportChunks.seq, data: exportChunks.data })
      .from(exportChunks)
      .where(and(eq(exportChunks.jobId, jobId), gt(exportChunks.seq, after)))
      .orderBy(asc(exportChunks.seq))
      .limit(1);
    if (!chunk) return;
    after = chunk.seq;
    yield chunk.data;
  }
}
