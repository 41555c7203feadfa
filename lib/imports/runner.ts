import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { importJobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { logError } from "@/lib/log";
import { bufferSource, runImport } from "./engine";
import type { JobOptions } from "./jobs";
import { mappingConfigSchema } from "./validations";

// Jobs this process is running, so a double click or a second tab does not start one twice.
const globalForRunner = globalThis as unknown as { __importJobsRunning?: Set<string> };
const running = (globalForRunner.__importJobsRunning ??= new Set());

export function isRunningHere(jobId: string) {
  return running.has(jobId);
}

/**
 * Runs an uploaded job in this server process without holding up the request. Progress lives in
 * the job row, so any page load (on any instance) can follow it; if this process dies the job's
 * heartbeat goes stale and it can be restarted, which completes it without duplicates.
 */
export function startJobInBackground(jobId: string, actor: Actor) {
  if (running.has(jobId)) return;
  running.add(jobId);
  void runStoredJob(jobId, actor)
    .catch((error) => logError("Import job failed to run", error, { jobId }))
    .finally(() => running.delete(jobId));
}

async function runStoredJob(jobId: string, actor: Actor) {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job?.file) throw new Error("The job has no stored file");
  const options = job.options as JobOptions;
  const mapping = options.mapping ? mappingConfigSchema.parse(options.mapping) : null;
  await runImport(bufferSource(job.file), {
    actor,
    jobId,
    fileName: job.fileName,
    mapping,
    mappingId: job.mappingId,
    mappingName: options.mappingName ?? null,
    dryRun: job.dryRun,
    skipInvalid: job.skipInvalid,
    createMissing: !!options.createMissing,
  });
}
