import { z } from "zod";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { defineBatchOperation, defineRead } from "@/lib/operations";
import { downloadableExport, exportFileChunks, getExportJob } from "./download";
import { listExports } from "./jobs";
import { exportIdOf, exportJobView } from "./view";

const exportRef = z.object({ id: z.string() });

/** An export job's status, for its requester or an admin: poll it until `status` is `ready`. */
export const readExportJob = defineRead({
  name: "exports.readExportJob",
  permission: "exports:run",
  input: exportRef,
  read: async ({ actor, input }) =>
    exportJobView(await getExportJob(actor, exportIdOf(input.id)), actor.locale ?? DEFAULT_LOCALE),
});

/**
 * A ready export's file, chunk by chunk, for its requester or an admin whose role reads as much personal
 * data as the file holds; the download is audited.
 */
export const downloadExport = defineBatchOperation({
  name: "exports.downloadExport",
  permission: "exports:run",
  input: exportRef,
  work: async ({ actor, input }) => {
    const job = await downloadableExport(actor, exportIdOf(input.id));
    return { job, chunks: exportFileChunks(job.id) };
  },
});

/** The reader's own exports, newest first (an admin's list shows everyone's). */
export const listExportJobs = defineRead({
  name: "exports.listExportJobs",
  permission: "exports:run",
  input: z.object({}),
  read: ({ actor }) => listExports(actor),
});
