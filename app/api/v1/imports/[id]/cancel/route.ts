import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { cancelImportJob, jobAfterCommit } from "@/lib/imports/job-operations";

/** Asks a queued or running import to stop after its current batch. */
export const POST = operationRoute(cancelImportJob, {
  input: ({ params }: { params: { id: string } }) => ({ jobId: params.id }),
  respond: async ({ jobId }, { actor }) => NextResponse.json(await jobAfterCommit(actor, jobId), { status: 202 }),
});
