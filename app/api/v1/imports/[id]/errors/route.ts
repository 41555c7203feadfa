import { stringify } from "csv-stringify/sync";
import { apiError, apiRoute } from "@/lib/api/route";
import { neutraliseCell } from "@/lib/imports/csv-safety";
import { getJob, getJobErrors } from "@/lib/imports/queries";

/** The job's problems as CSV: line, column, reason. */
export const GET = apiRoute<{ id: string }>({ permission: "imports:run" }, async ({ params }) => {
  const job = await getJob(params.id);
  if (!job) return apiError("not_found", "Import job not found");
  const errors = await getJobErrors(job.id);
  const body = stringify(
    errors.map((e) => [e.line, e.column ?? "", e.reason].map((v) => neutraliseCell(String(v)))),
    { header: true, columns: ["line", "column", "reason"] },
  );
  const name = job.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-errors.csv"`,
    },
  });
});
