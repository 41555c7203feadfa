import { z } from "zod";
import { rule } from "@/lib/i18n/say";
import { defineRead } from "@/lib/operations";
import { MATRIX_DIMENSIONS } from "./matrix";
import { getRootCauseMatrix } from "./matrix-query";
import { getRootCauseReport } from "./queries";
import { rootCauseReportQuerySchema } from "./validations";

const format = z.enum(["json", "csv"], rule("rootCauseRules.useJsonOrCsv")).default("json");

/** The root-cause report for its filters; leadership gets small cells withheld, as on the page. */
export const readRootCauseReport = defineRead({
  name: "root-causes.readRootCauseReport",
  permission: "reports:read",
  // The same for every reader of a role: shared for a few seconds (lib/operations/shared-reads.ts).
  shared: true,
  input: rootCauseReportQuerySchema.and(z.object({ format })),
  read: async ({ actor, input: { format, ...filters } }) => ({
    format,
    report: await getRootCauseReport(filters, actor.role, actor.locale),
  }),
});

/** Cause × product or cause × journey stage for the report's filters, small cells withheld likewise. */
export const readRootCauseMatrix = defineRead({
  name: "root-causes.readRootCauseMatrix",
  permission: "reports:read",
  // The same for every reader of a role: shared for a few seconds (lib/operations/shared-reads.ts).
  shared: true,
  input: rootCauseReportQuerySchema.and(
    z.object({
      format,
      by: z.enum(MATRIX_DIMENSIONS, rule(["rootCauseRules.useOneOf", { options: MATRIX_DIMENSIONS.join(", ") }])),
    }),
  ),
  read: async ({ actor, input: { format, by, ...filters } }) => ({
    format,
    by,
    matrix: await getRootCauseMatrix(filters, by, actor.role, actor.locale),
  }),
});
