import { NextResponse } from "next/server";
import { db } from "@/db";
import { apiRoute, operationRoute } from "@/lib/api/route";
import { writeAudit } from "@/lib/audit/log";
import { detectFormat } from "@/lib/imports/detect";
import { bufferSource } from "@/lib/imports/engine";
import { listImportJobs } from "@/lib/imports/job-operations";
import { createJob } from "@/lib/imports/jobs";
import { getMappingByName } from "@/lib/imports/mappings";
import { getJob } from "@/lib/imports/queries";
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
export const POST = apiRoute({ permission: "imports:run", upload: true }, async ({ request, actor }) => {
  const { fileName, bytes, fields } = await readUpload(request);
  const mapping = fields.get("mapping") ? await getMappingByName(fields.get("mapping")!) : null;
  const format = await detectFormat(bufferSource(bytes), mapping ? Object.keys(mapping.config.columns) : []);
  const start = flag(fields.get("start"));
  const jobId = await createJob({
    fileName,
    createdBy: actor.userId,
    mappingId: mapping?.id ?? null,
    dryRun: flag(fields.get("dryRun")),
    skipInvalid: flag(fields.get("skipInvalid")),
    file: bytes,
    options: {
      mapping: mapping?.config ?? null,
      mappingName: mapping?.name ?? null,
      createMissing: flag(fields.get("createMissing")),
      phase: start ? "queued" : "uploaded",
    },
  });
  await writeAudit(db, actor, {
    action: "import.upload",
    entityType: "import_job",
    entityId: jobId,
    meta: { fileName, bytes: bytes.length },
  });
  // Should the send not get through, a runner's sweep finds the queued job and sends it again.
  if (start) await enqueueImport(jobId).catch((error) => console.error("Could not queue the import", error));
  const job = await getJob(jobId);
  return NextResponse.json(
    { ...job, format },
    { status: start ? 202 : 201, headers: { Location: `/api/v1/imports/${jobId}` } },
  );
});
