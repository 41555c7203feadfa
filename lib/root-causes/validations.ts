import { z } from "zod";
import { CHANNELS } from "@/db/schema/enums";
import { metricQuerySchema } from "@/lib/metric/validations";

/**
 * The root-cause report's filters, shared by the API and the page: the metric's market and period
 * (`market` omitted = all markets; `from`/`to` default to the year of the latest data), a product
 * (its id, name or an old name) and a channel.
 */
export const rootCauseReportQuerySchema = metricQuerySchema.and(
  z.object({
    product: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(200).optional()),
    channel: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(CHANNELS, { message: `Use one of ${CHANNELS.join(", ")}` }).optional(),
    ),
  }),
);
export type RootCauseReportQuery = z.infer<typeof rootCauseReportQuerySchema>;
