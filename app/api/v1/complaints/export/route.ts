import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { exportComplaints } from "@/lib/complaints/reads";
import { logError } from "@/lib/log";

/**
 * The complaint list as filtered (the list's own URL parameters), as canonical CSV that imports
 * back unchanged. `excel=1` gives `;` and a BOM for Excel in Swedish locales. Streamed page by page.
 * Past EXPORT_JOB_THRESHOLD rows (default 5,000) the file is written by the job runner instead: the
 * answer is 202 with the job's URL (`Location`) to poll, whose `download` URL gives the file when ready.
 */
export const GET = operationRoute(exportComplaints, {
  input: ({ request }) => request.nextUrl.searchParams,
  respond: (data) => {
    if (data.kind === "job") {
      const url = `/api/v1/exports/${data.job.id}`;
      return NextResponse.json({ ...data.job, url }, { status: 202, headers: { Location: url } });
    }
    const { chunks, excel } = data;
    // The first page was read before answering, so a database that is away gave a 503, not a 200 with
    // nothing in it; a failure later errors the stream, which drops the connection before its last
    // chunk, so the client sees a failed download rather than a complete-looking short file.
    let first: IteratorResult<string> | null = data.first;
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
  },
});
