import { operationRoute } from "@/lib/api/route";
import { readExportJob } from "@/lib/exports/operations";

/** An export job's status: poll it until `status` is `ready`, then fetch `download`. */
export const GET = operationRoute<
  typeof readExportJob.input,
  Awaited<ReturnType<typeof readExportJob.read>>,
  { id: string }
>(readExportJob, { input: ({ params }) => ({ id: params.id }) });
