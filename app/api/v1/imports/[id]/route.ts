import { NextResponse } from "next/server";
import { apiError, apiRoute } from "@/lib/api/route";
import { getJob } from "@/lib/imports/queries";

/** One import's status and progress (the wizard polls this). */
export const GET = apiRoute<{ id: string }>({ permission: "imports:run" }, async ({ params }) => {
  const job = await getJob(params.id);
  return job ? NextResponse.json(job) : apiError("not_found", "Import job not found");
});
