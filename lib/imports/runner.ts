import { eq } from "drizzle-orm";
import { db } from "@/db";
import { importJobs, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getBoss, QUEUES } from "@/lib/jobs/boss";
import { claimImportJob } from "@/lib/jobs/claims";
import { bufferSource, type ImportResult, runImport } from "./engine";
import type { JobOptions } from "./jobs";
import { mappingConfigSchema } from "./validations";

export type ImportJobData = { importJobId: string };

/**
 * Hands a started job to the job runner (pg-boss): whichever runner takes it first claims the job
 * row and runs it; progress lives in the row, so any page load on any instance can follow it.
 */
export async function enqueueImport(jobId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(QUEUES.import, { importJobId: jobId } satisfies ImportJobData);
}

/** The job's creator, as whom the rows are written and audited. */
async function actorOfJob(createdBy: string | null): Promise<Actor> {
  const [user] = createdBy
    ? await db
        .select({ id: users.id, role: users.role, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, createdBy))
    : [];
  if (!user) return { userId: null, role: "admin", name: "Job runner", email: null, label: "runner" };
  return { userId: user.id, role: user.role, name: user.name, email: user.email, label: "runner" };
}

/**
 * A pg-boss delivery of an import: claims the job and runs it from its stored file. A delivery that
 * finds the job done, cancelled or held by a live runner does nothing. A resumed job whose earlier
 * attempt got past the check starts where its committed batches end (their position commits with
 * them), leaving out the ones after it that committed too, so it ends with exactly the file's rows;
 * one that died while checking starts again from the first row.
 */
export async function runImportJob(jobId: string, worker: string): Promise<ImportResult | null> {
  const attempt = await claimImportJob(jobId, worker);
  if (attempt === null) return null;
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job?.file) return null;
  const options = job.options as JobOptions;
  const mapping = options.mapping ? mappingConfigSchema.parse(options.mapping) : null;
  return runImport(bufferSource(job.file), {
    actor: await actorOfJob(job.createdBy),
    jobId,
    claim: worker,
    fileName: job.fileName,
    mapping,
    mappingId: job.mappingId,
    mappingName: options.mappingName ?? null,
    dryRun: job.dryRun,
    skipInvalid: job.skipInvalid,
    createMissing: !!options.createMissing,
    batchSize: options.batchSize,
    resume: true,
  });
}
