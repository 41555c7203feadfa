import { stringify } from "csv-stringify/sync";
import { operationRoute } from "@/lib/api/route";
import { neutraliseCell } from "@/lib/imports/csv-safety";
import { getImportJobErrors } from "@/lib/imports/job-operations";

/** The job's problems as CSV: line, column, reason. */
export const GET = operationRoute(getImportJobErrors, {
  input: ({ params }: { params: { id: string } }) => ({ jobId: params.id }),
  respond: ({ job, errors }) => {
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
  },
});
