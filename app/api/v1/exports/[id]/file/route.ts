import { apiRoute } from "@/lib/api/route";
import { downloadableExport, exportFileChunks } from "@/lib/exports/download";
import { exportIdOf } from "@/lib/exports/view";

/** A ready export's file, streamed chunk by chunk; only its requester or an admin gets it. */
export const GET = apiRoute<{ id: string }>({ permission: "exports:run" }, async ({ actor, params }) => {
  const job = await downloadableExport(actor, exportIdOf(params.id));
  const chunks = exportFileChunks(job.id);
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
});
