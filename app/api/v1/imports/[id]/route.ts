import { operationRoute } from "@/lib/api/route";
import { getImportJob } from "@/lib/imports/job-operations";

/** One import's status and progress (the wizard polls this). */
export const GET = operationRoute(getImportJob, {
  input: ({ params }: { params: { id: string } }) => ({ jobId: params.id }),
});
