import { MarketOptions } from "@/components/forms/market-options";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { JOURNEY_STAGE_LABELS } from "@/lib/complaints/labels";
import { CHANNELS, type Channel, JOURNEY_STAGES } from "@/lib/domain/values";
import { CHANNEL_LABELS } from "@/lib/metric/labels";

export type FilterValues = {
  market: string;
  from: string;
  to: string;
  product: string;
  channel: string;
  journeyStage: string;
};

/**
 * The report's scope as a plain GET form: the filters live in the URL, so a report can be bookmarked
 * and shared, and the form works before any JavaScript has loaded.
 */
export function ReportFilters({
  values,
  markets,
  products,
  errors,
}: {
  values: FilterValues;
  markets: { code: string; name: string }[];
  products: { id: string; name: string }[];
  errors: Record<string, string[]>;
}) {
  const error = (name: keyof FilterValues) => errors[name]?.[0];
  return (
    <form
      method="get"
      aria-label="Report filters"
      className="mb-6 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4 lg:items-end 2xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
    >
      <Field label="Market" htmlFor="filter-market" error={error("market")}>
        <Select id="filter-market" name="market" defaultValue={values.market}>
          <MarketOptions markets={markets} />
        </Select>
      </Field>
      <Field label="From" htmlFor="filter-from" error={error("from")}>
        <Input id="filter-from" name="from" type="month" defaultValue={values.from} aria-invalid={!!error("from")} />
      </Field>
      <Field label="To" htmlFor="filter-to" error={error("to")}>
        <Input id="filter-to" name="to" type="month" defaultValue={values.to} aria-invalid={!!error("to")} />
      </Field>
      <Field label="Product" htmlFor="filter-product" error={error("product")}>
        <Select id="filter-product" name="product" defaultValue={values.product}>
          <option value="">All products</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Channel" htmlFor="filter-channel" error={error("channel")}>
        <Select id="filter-channel" name="channel" defaultValue={values.channel}>
          <option value="">All channels</option>
          {CHANNELS.map((c: Channel) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Journey stage" htmlFor="filter-journey-stage" error={error("journeyStage")}>
        <Select id="filter-journey-stage" name="journeyStage" defaultValue={values.journeyStage}>
          <option value="">All journey stages</option>
          {JOURNEY_STAGES.map((s) => (
            <option key={s} value={s}>
              {JOURNEY_STAGE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit">Show report</Button>
    </form>
  );
}
