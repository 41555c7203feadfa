"use server";

import { operationAction } from "@/lib/operations/action";
import { cancelImportJob, previewImportJob, restartImportJob, startImportJob } from "./job-operations";
import { enqueueImport } from "./runner";

// Should the send not get through, a runner's sweep finds the queued job and sends it again.
const enqueue = (_input: unknown, data: { jobId: string }) =>
  enqueueImport(data.jobId).catch((error) => console.error("Could not queue the import", error));

/** Read-only: what the import would do with this mapping. */
export const previewImportAction = operationAction(previewImportJob);
/** Saves the wizard's choices on the job (and the mapping, if asked) and hands it to the job runner. */
export const startImportAction = operationAction(startImportJob, { refresh: enqueue });
/** Runs a died, failed or cancelled job again from its stored file; already written rows stay unchanged. */
export const restartImportAction = operationAction(restartImportJob, { refresh: enqueue });
export const cancelImportAction = operationAction(cancelImportJob);
