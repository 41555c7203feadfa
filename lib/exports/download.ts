import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { exportChunks, exportJobs } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
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
    throw new AppError("not_found", "No such export");
  return job;
}

/**
 * The job whose file the actor may download now (the download is audited): ready, not expired, and written with no more
 * personal data than the actor's role reads today (a file written before their role changed is not).
 */
export async function downloadableExport(actor: Actor, id: string): Promise<ExportJob> {
  const job = await getExportJob(actor, id);
  if (job.status === "queued" || job.status === "running")
    throw new AppError("conflict", "The export is not ready yet; try again when its status is ready");
  if (job.status === "failed") throw new AppError("conflict", job.message ?? "The export failed; ask for it again");
  if (job.status === "expired" || (job.expiresAt && job.expiresAt.getTime() < Date.now()))
    throw new AppError("not_found", "The export has expired; ask for it again");
  const access = (job.access ?? "full") as PersonalDataAccess;
  if (RANK[access] > RANK[personalDataAccessOf(actor.role)])
    throw new AppError("forbidden", "The file holds personal data your role does not read; ask for the export again");
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
