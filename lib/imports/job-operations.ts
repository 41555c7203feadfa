import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { importJobs, importMappings } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { refuse, rule } from "@/lib/i18n/say";
import { defineBatchOperation, defineOperation, defineRead, run, type WriteContext } from "@/lib/operations";
import { detectFormat } from "./detect";
import { bufferSource } from "./engine";
import { createJob, type JobOptions, STALE_AFTER_MS } from "./jobs";
import { getMappingByName, listMappings, saveMapping } from "./mappings";
import { forgetBatches } from "./positions";
import { previewImport } from "./preview";
import { getJob, getJobErrors, getJobFile, listJobs } from "./queries";
import { unreadableReason } from "./reader";
import { mappingConfigSchema } from "./validations";

export type { JobView } from "./queries";

const jobId = z.uuid(rule("importRules.notJobId"));
const jobInput = z.object({ jobId });

/** The import history, newest first. */
export const listImportJobs = defineRead({
  name: "imports.listImportJobs",
  permission: "imports:run",
  input: z.object({ limit: z.number().int().min(1).max(100).default(100) }),
  read: ({ input, actor }) => listJobs(input.limit, actor.locale ?? DEFAULT_LOCALE),
});

async function existingJob(id: string, locale: Locale = DEFAULT_LOCALE) {
  const job = await getJob(id, locale);
  if (!job) throw refuse("not_found", "importRules.jobNotFound");
  return job;
}

/** One import's status and progress (the wizard polls this). */
export const getImportJob = defineRead({
  name: "imports.getImportJob",
  permission: "imports:run",
  input: jobInput,
  read: ({ input, actor }) => existingJob(input.jobId, actor.locale),
});

/** The job as it stands after a write committed (for a route's answer), or null when it cannot be read. */
export async function jobAfterCommit(actor: Actor, jobId: string) {
  const found = await run(actor, getImportJob, { jobId });
  return "data" in found ? found.data : null;
}

/** The job's problems: line, column, reason. */
export const getImportJobErrors = defineRead({
  name: "imports.getImportJobErrors",
  permission: "imports:run",
  input: jobInput,
  read: async ({ input, actor }) => {
    const job = await existingJob(input.jobId, actor.locale);
    return { job, errors: await getJobErrors(job.id, actor.locale) };
  },
});

/** The saved column mappings (the built-in ones first written if missing), for the upload form and the wizard. */
export const listImportMappings = defineRead({
  name: "imports.listImportMappings",
  permission: "imports:run",
  input: z.object({}),
  read: () => listMappings(),
});

/**
 * An uploaded file's wizard: the saved mappings, the mapping to start from (the one stored with the
 * upload, else the columns as the file suggests them) and its preview.
 */
export const readImportWizard = defineRead({
  name: "imports.readImportWizard",
  permission: "imports:run",
  input: jobInput,
  read: async ({ input, actor }) => {
    const stored = await getJobFile(input.jobId);
    if (!stored?.file) throw refuse("not_found", "importRules.uploadGone");
    const mappings = await listMappings();
    const storedMapping = stored.options.mapping ? mappingConfigSchema.parse(stored.options.mapping) : null;
    const preview = await previewImport(bufferSource(stored.file), storedMapping, actor.locale);
    const initialConfig = storedMapping ?? mappingConfigSchema.parse({ source: "default", columns: preview.suggested });
    return { mappings, preview, initialConfig };
  },
});

/** Read-only: what the import would do with this mapping. */
export const previewImportJob = defineRead({
  name: "imports.previewImportJob",
  permission: "imports:run",
  input: z.object({ jobId, config: mappingConfigSchema.nullable() }),
  read: async ({ input, actor }) => {
    const stored = await getJobFile(input.jobId);
    if (!stored?.file) throw refuse("not_found", "importRules.uploadGone");
    try {
      return await previewImport(bufferSource(stored.file), input.config, actor.locale);
    } catch (error) {
      throw refuse("invalid", ["importRules.fileUnreadable", { reason: unreadableReason(error) }]);
    }
  },
});

const startSchema = z.object({
  jobId,
  config: mappingConfigSchema.nullable(),
  mappingName: z.string().trim().max(80).nullable().default(null),
  saveMapping: z.boolean().default(false),
  skipInvalid: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  createMissing: z.boolean().default(false),
});
type StartInput = z.output<typeof startSchema>;

/** Locks the job; refuses one whose runner is still alive. */
async function lockStartable(tx: Tx, id: string) {
  const [job] = await tx
    .select({ status: importJobs.status, heartbeatAt: importJobs.heartbeatAt })
    .from(importJobs)
    .where(eq(importJobs.id, id))
    .for("update");
  if (!job) throw refuse("not_found", "importRules.jobNotFound");
  if (job.status === "running" && job.heartbeatAt && Date.now() - job.heartbeatAt.getTime() < STALE_AFTER_MS) {
    throw refuse("conflict", "importRules.alreadyRunning");
  }
}

async function queueJob(
  { tx, actor, audit }: Pick<WriteContext<unknown>, "tx" | "audit"> & { actor: Actor },
  input: StartInput,
) {
  await lockStartable(tx, input.jobId);
  // Started (or restarted) from the wizard: from the first row, whatever an earlier run committed.
  await forgetBatches(tx, input.jobId);
  let mappingId: string | null = null;
  if (input.saveMapping && input.config) {
    if (!input.mappingName)
      throw refuse("invalid", "importRules.nameMappingToSave", { mappingName: "importRules.mappingNameMissing" });
    mappingId = (await saveMapping(tx, actor, input.mappingName, input.config)).id;
  }
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
}

/** Saves the wizard's choices on the job (and the mapping, if asked) and queues it for the job runner. */
export const startImportJob = defineOperation({
  name: "imports.startImportJob",
  permission: "imports:run",
  input: startSchema,
  work: (ctx) => queueJob(ctx, ctx.input),
});

/** Queues a died, failed or cancelled job again with its stored choices; already written rows stay unchanged. */
export const restartImportJob = defineOperation({
  name: "imports.restartImportJob",
  permission: "imports:run",
  input: jobInput,
  work: async (ctx) => {
    const [job] = await ctx.tx
      .select({
        options: importJobs.options,
        skipInvalid: importJobs.skipInvalid,
        dryRun: importJobs.dryRun,
        mappingName: importMappings.name,
      })
      .from(importJobs)
      .leftJoin(importMappings, eq(importMappings.id, importJobs.mappingId))
      .where(eq(importJobs.id, ctx.input.jobId));
    if (!job) throw refuse("not_found", "importRules.jobNotFound");
    const options = job.options as JobOptions;
    return queueJob(ctx, {
      jobId: ctx.input.jobId,
      config: options.mapping ? mappingConfigSchema.parse(options.mapping) : null,
      mappingName: job.mappingName ?? options.mappingName ?? null,
      saveMapping: false,
      skipInvalid: job.skipInvalid,
      dryRun: job.dryRun,
      createMissing: !!options.createMissing,
    });
  },
});

/** Asks a queued or running import to stop after its current batch; a queued one is cancelled at once. */
export const cancelImportJob = defineOperation({
  name: "imports.cancelImportJob",
  permission: "imports:run",
  input: jobInput,
  work: async ({ tx, input, audit }) => {
    const [job] = await tx
      .update(importJobs)
      .set({
        cancelRequested: true,
        status: sql`case when ${importJobs.status} = 'queued' then 'cancelled'::import_status else ${importJobs.status} end`,
      })
      .where(sql`${importJobs.id} = ${input.jobId} and ${importJobs.status} in ('queued', 'running')`)
      .returning({ id: importJobs.id });
    if (!job) {
      const [exists] = await tx.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, input.jobId));
      throw exists
        ? refuse("conflict", "importRules.cancelOnlyActive")
        : refuse("not_found", "importRules.jobNotFound");
    }
    await audit({ action: "import.cancel", entityType: "import_job", entityId: input.jobId });
    return { jobId: input.jobId };
  },
});

/**
 * An uploaded complaint CSV becomes a job: with `start` it is queued at once, otherwise it waits for
 * the wizard. `mapping` names a saved mapping. Not one transaction: the job row is what a retry finds.
 */
export const uploadImportJob = defineBatchOperation({
  name: "imports.uploadImportJob",
  permission: "imports:run",
  input: z.object({
    fileName: z.string(),
    bytes: z.instanceof(Buffer),
    mapping: z.string().trim().max(80).nullable().default(null),
    start: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    skipInvalid: z.boolean().default(false),
    createMissing: z.boolean().default(false),
  }),
  work: async ({ actor, input, db }) => {
    const mapping = input.mapping ? await getMappingByName(input.mapping) : null;
    const format = await detectFormat(bufferSource(input.bytes), mapping ? Object.keys(mapping.config.columns) : []);
    const jobId = await createJob(
      {
        fileName: input.fileName,
        createdBy: actor.userId,
        mappingId: mapping?.id ?? null,
        dryRun: input.dryRun,
        skipInvalid: input.skipInvalid,
        file: input.bytes,
        options: {
          mapping: mapping?.config ?? null,
          mappingName: mapping?.name ?? null,
          createMissing: input.createMissing,
          phase: input.start ? "queued" : "uploaded",
        },
      },
      db,
    );
    await writeAudit(db, actor, {
      action: "import.upload",
      entityType: "import_job",
      entityId: jobId,
      meta: { fileName: input.fileName, bytes: input.bytes.length },
    });
    return { jobId, format, start: input.start };
  },
});
