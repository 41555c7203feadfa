import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { cancelImportJob } from "@/lib/imports/job-operations";
import { getJob } from "@/lib/imports/queries";

/** Asks a queued or running import to stop after its current batch. */
export const POST = operationRoute(cancelImportJob, {
  input: ({ params }: { params: { id: string } }) => ({ jobId: params.id }),
  respond: async ({ jobId }) => NextResponse.json(await getJob(jobId), { status: 202 }),
});
