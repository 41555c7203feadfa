import { z } from "zod";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { rule } from "@/lib/i18n/say";
import { defineOperation } from "@/lib/operations";
import { createExportJob, exportsAsJob } from "./jobs";

export const exportRequestSchema = z.object({
  /** The list's URL parameters, as the list's export menu has them. */
  query: z.string().max(4000, rule("adminRules.exports.filtersTooLong")),
  excel: z.boolean().default(false),
});

/**
 * Asks for the filtered list as a file written by the job runner (the list's export past the
 * threshold, or an API export that large). The caller sends the job to the runner after the commit.
 */
export const requestExport = defineOperation({
  name: "exports.requestExport",
  permission: "exports:run",
  input: exportRequestSchema,
  work: async ({ tx, actor, input }) => {
    const params = new URLSearchParams(input.query);
    const filters = parseComplaintFilters(params);
    const { expected } = await exportsAsJob(filters, tx);
    const job = await createExportJob(tx, actor, { params, excel: input.excel, expected });
    return { id: job.id, status: job.status, expectedRows: job.expectedRows };
  },
});
