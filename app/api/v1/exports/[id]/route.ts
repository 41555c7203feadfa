import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getExportJob } from "@/lib/exports/download";
import { exportIdOf, exportJobView } from "@/lib/exports/view";

/** An export job's status: poll it until `status` is `ready`, then fetch `download`. */
export const GET = apiRoute<{ id: string }>({ permission: "exports:run" }, async ({ actor, params }) => {
  const job = await getExportJob(actor, exportIdOf(params.id));
  return NextResponse.json(exportJobView(job));
});
