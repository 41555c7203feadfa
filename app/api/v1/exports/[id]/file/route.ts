import { operationRoute } from "@/lib/api/route";
import { downloadExport } from "@/lib/exports/operations";

/** A ready export's file, streamed chunk by chunk; only its requester or an admin gets it. */
export const GET = operationRoute<
  typeof downloadExport.input,
  Awaited<ReturnType<typeof downloadExport.work>>,
  { id: string }
>(downloadExport, {
  input: ({ params }) => ({ id: params.id }),
  respond: ({ job, chunks }) => {
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${job.fileName}"`,
        "Content-Length": String(job.bytes),
        "Cache-Control": "no-store",
      },
    });
  },
});
