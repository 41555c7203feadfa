import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { jobAfterCommit, listImportJobs, uploadImportJob } from "@/lib/imports/job-operations";
import { enqueueImport } from "@/lib/imports/runner";
import { flag, readUpload } from "@/lib/imports/upload";

/** The import history, newest first. */
export const GET = operationRoute(listImportJobs, {
  input: () => ({}),
  respond: (data) => NextResponse.json({ data }),
});

/**
 * Uploads a complaint CSV. With `start=1` the import runs at once in the background (answering 202
 * with the job to poll); without it the upload waits for the wizard (201). Optional fields:
 * `mapping` (a saved mapping's name), `skipInvalid`, `dryRun`, `createMissing` (create unknown markets,
 * products, categories and root causes).
 */
export const POST = operationRoute(uploadImportJob, {
  upload: true,
  input: async ({ request }) => {
    const { fileName, bytes, fields } = await readUpload(request);
    return {
      fileName,
      bytes,
      mapping: fields.get("mapping") || null,
      start: flag(fields.get("start")),
      dryRun: flag(fields.get("dryRun")),
      skipInvalid: flag(fields.get("skipInvalid")),
      createMissing: flag(fields.get("createMissing")),
    };
  },
  respond: async ({ jobId, format, start }, { actor }) => {
    // Should the send not get through, a runner's sweep finds the queued job and sends it again.
    if (start) await enqueueImport(jobId).catch((error) => console.error("Could not queue the import", error));
    const job = await jobAfterCommit(actor, jobId);
    return NextResponse.json(
      { ...job, format },
      { status: start ? 202 : 201, headers: { Location: `/api/v1/imports/${jobId}` } },
    );
  },
});
