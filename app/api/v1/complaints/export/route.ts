import { NextResponse } from "next/server";
import { db } from "@/db";
import { apiRoute, respond } from "@/lib/api/route";
import { writeAudit } from "@/lib/audit/log";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { enqueueExport, exportsAsJob } from "@/lib/exports/jobs";
import { requestExport } from "@/lib/exports/request";
import { exportComplaintsCsv } from "@/lib/imports/export";
import { logError } from "@/lib/log";
import { perform } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";

/**
 * The complaint list as filtered (the list's own URL parameters), as canonical CSV that imports
 * back unchanged. `excel=1` gives `;` and a BOM for Excel in Swedish locales. Streamed page by page.
 * Past EXPORT_JOB_THRESHOLD rows (default 5,000) the file is written by the job runner instead: the
 * answer is 202 with the job's URL (`Location`) to poll, whose `download` URL gives the file when ready.
 */
export const GET = apiRoute({ permission: "exports:run" }, async ({ request, actor }) => {
  const params = request.nextUrl.searchParams;
  const filters = parseComplaintFilters(params);
  const excel = params.get("excel") === "1" || params.get("excel") === "true";
  if ((await exportsAsJob(filters)).asJob) {
    const result = await perform(actor, requestExport, { query: params.toString(), excel });
    if (!("data" in result)) return respond(result);
    await enqueueExport(result.data.id);
    const url = `/api/v1/exports/${result.data.id}`;
    return NextResponse.json({ ...result.data, url }, { status: 202, headers: { Location: url } });
  }
  const access = personalDataAccessOf(actor.role);
  await writeAudit(db, actor, {
    action: "complaints.export",
    entityType: "complaint",
    meta: { query: params.toString(), excel, redacted: access !== "full" },
  });
  const chunks = exportComplaintsCsv(filters, { access, excel });
  // The first page is read before answering, so a database that is away gives a 503, not a 200 with
  // nothing in it; a failure later errors the stream, which drops the connection before its last
  // chunk, so the client sees a failed download rather than a complete-looking short file.
  let first: IteratorResult<string> | null = await chunks.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        const { value, done } = first;
        first = null;
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
        return;
      }
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        logError("Complaint export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="complaints-${date}${excel ? "-excel" : ""}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
