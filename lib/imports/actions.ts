"use server";

import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { importJobs } from "@/db/schema";
import { action } from "@/lib/auth/action";
import { hostileInputError, type MutationResult } from "@/lib/auth/mutation";
import { can } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { bufferSource } from "./engine";
import { STALE_AFTER_MS } from "./jobs";
import { saveMapping } from "./mappings";
import { forgetBatches } from "./positions";
import { type ImportPreview, previewImport } from "./preview";
import { getJob, getJobFile } from "./queries";
import { enqueueImport } from "./runner";
import { mappingConfigSchema } from "./validations";

const jobId = z.uuid({ message: "Not an import job id" });

const previewSchema = z.object({ jobId, config: mappingConfigSchema.nullable() });

/** Read-only: what the import would do with this mapping. */
export async function previewImportAction(
  input: z.input<typeof previewSchema>,
): Promise<MutationResult<ImportPreview>> {
  const user = await getCurrentUser();
  if (!user) return { error: { code: "unauthenticated", message: "Sign in to continue" } };
  if (!can(user.role, "imports:run")) return { error: { code: "forbidden", message: "Your role may not import" } };
  const hostile = hostileInputError(input);
  if (hostile) return hostile;
  const parsed = previewSchema.safeParse(input);
  if (!parsed.success)
    return { error: { code: "invalid", message: parsed.error.issues[0]?.message ?? "Invalid input" } };
  const stored = await getJobFile(parsed.data.jobId);
  if (!stored?.file) return { error: { code: "not_found", message: "That upload is gone; upload the file again" } };
  try {
    return { data: await previewImport(bufferSource(stored.file), parsed.data.config) };
  } catch (error) {
    return { error: { code: "invalid", message: `The file cannot be read: ${(error as Error).message}` } };
  }
}

const startSchema = z.object({
  jobId,
  config: mappingConfigSchema.nullable(),
  mappingName: z.string().trim().max(80).nullable().default(null),
  saveMapping: z.boolean().default(false),
  skipInvalid: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  createMissing: z.boolean().default(false),
});

const startMutation = action(
  { permission: "imports:run", schema: startSchema },
  async ({ tx, input, actor, audit }) => {
    const [job] = await tx
      .select({ status: importJobs.status, heartbeatAt: importJobs.heartbeatAt })
      .from(importJobs)
      .where(eq(importJobs.id, input.jobId))
      .for("update");
    if (!job) throw new AppError("not_found", "Import job not found");
    if (job.status === "running" && job.heartbeatAt && Date.now() - job.heartbeatAt.getTime() < STALE_AFTER_MS) {
      throw new AppError("conflict", "This import is already running");
    }
    let mappingId: string | null = null;
    if (input.saveMapping && input.config) {
      if (!input.mappingName)
        throw new AppError("invalid", "Name the mapping to save it", { mappingName: ["Give the mapping a name"] });
      mappingId = (await saveMapping(tx, actor, input.mappingName, input.config)).id;
    }
    // Started (or restarted) from the wizard: from the first row, whatever an earlier run committed.
    await forgetBatches(tx, input.jobId);
    await tx
      .update(importJobs)
      .set({
        status: "queued",
        heartbeatAt: sql`now()`,
        cancelRequested: false,
        worker: null,
        dryRun: input.dryRun,
        skipInvalid: input.skipInvalid,
        mappingId,
        options: sql`${importJobs.options} || ${JSON.stringify({ mapping: input.config, mappingName: input.mappingName, createMissing: input.createMissing, phase: "queued" })}::jsonb`,
      })
      .where(eq(importJobs.id, input.jobId));
    await audit({
      action: "import.start",
      entityType: "import_job",
      entityId: input.jobId,
      meta: {
        mapping: input.mappingName,
        dryRun: input.dryRun,
        skipInvalid: input.skipInvalid,
        createMissing: input.createMissing,
      },
    });
    return { jobId: input.jobId };
  },
);

/** Saves the wizard's choices on the job (and the mapping, if asked) and hands it to the job runner. */
export async function startImportAction(input: z.input<typeof startSchema>) {
  const result = await startMutation(input);
  // Should the send not get through, a runner's sweep finds the queued job and sends it again.
  if ("data" in result)
    await enqueueImport(result.data.jobId).catch((error) => console.error("Could not queue the import", error));
  return result;
}

/** Runs a died, failed or cancelled job again from its stored file; already written rows stay unchanged. */
export async function restartImportAction(input: { jobId: string }) {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "imports:run"))
    return { error: { code: "forbidden" as const, message: "Your role may not import" } };
  const id = jobId.safeParse(input?.jobId);
  if (!id.success) return { error: { code: "invalid" as const, message: "Not an import job id" } };
  const job = await getJob(id.data);
  if (!job) return { error: { code: "not_found" as const, message: "Import job not found" } };
  const stored = await getJobFile(job.id);
  return startImportAction({
    jobId: job.id,
    config: stored?.options.mapping ? mappingConfigSchema.parse(stored.options.mapping) : null,
    mappingName: job.mappingName,
    skipInvalid: job.skipInvalid,
    dryRun: job.dryRun,
    createMissing: !!stored?.options.createMissing,
  });
}

export const cancelImportAction = action(
  { permission: "imports:run", schema: z.object({ jobId }) },
  async ({ tx, input, audit }) => {
    const [job] = await tx
      .update(importJobs)
      // A queued job has no runner to notice the flag: it is cancelled at once.
      .set({
        cancelRequested: true,
        status: sql`case when ${importJobs.status} = 'queued' then 'cancelled'::import_status else ${importJobs.status} end`,
      })
      .where(sql`${importJobs.id} = ${input.jobId} and ${importJobs.status} in ('queued', 'running')`)
      .returning({ id: importJobs.id });
    if (!job) throw new AppError("conflict", "Only a queued or running import can be cancelled");
    await audit({ action: "import.cancel", entityType: "import_job", entityId: input.jobId });
    return { jobId: input.jobId };
  },
);
