import { z } from "zod";
import { CHANNELS, JOURNEY_STAGES } from "@/lib/domain/values";
import { rule } from "@/lib/i18n/say";
import { metricQuerySchema } from "@/lib/metric/validations";

/** An empty form field is a filter not set. */
const unset = (v: unknown) => (v === "" ? undefined : v);

/**
 * The root-cause report's filters, shared by the API and the page: the metric's market and period
 * (`market` omitted = all markets; `from`/`to` default to the year of the latest data), a product
 * (its id, name or an old name), a channel and a journey stage.
 */
export const rootCauseReportQuerySchema = metricQuerySchema.and(
  z.object({
    product: z.preprocess(unset, z.string().trim().min(1).max(200).optional()),
    channel: z.preprocess(
      unset,
      z.enum(CHANNELS, rule(["rootCauseRules.useOneOf", { options: CHANNELS.join(", ") }])).optional(),
    ),
    journeyStage: z.preprocess(
      unset,
      z.enum(JOURNEY_STAGES, rule(["rootCauseRules.useOneOf", { options: JOURNEY_STAGES.join(", ") }])).optional(),
    ),
  }),
);
export type RootCauseReportQuery = z.infer<typeof rootCauseReportQuerySchema>;

export const REPORT_FILTERS = ["market", "from", "to", "product", "channel", "journeyStage"] as const;

/** The report's filters as a query string carries them (the API's parameters), for the schema above. */
export function reportFiltersOf(params: URLSearchParams): Record<(typeof REPORT_FILTERS)[number], string | undefined> {
  return Object.fromEntries(REPORT_FILTERS.map((name) => [name, params.get(name) ?? undefined])) as Record<
    (typeof REPORT_FILTERS)[number],
    string | undefined
  >;
}
