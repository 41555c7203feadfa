import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Field, Select } from "@/components/ui/input";
import { CHANNELS, type Channel, JOURNEY_STAGES } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";

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
  const t = useTranslations("reports.filters");
  const codes = useCodes();
  const error = (name: keyof FilterValues) => errors[name]?.[0];
  return (
    <form
      method="get"
      aria-label={t("label")}
      className="mb-6 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4 lg:items-end 2xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
    >
      <Field label={t("market")} htmlFor="filter-market" error={error("market")}>
        <Select id="filter-market" name="market" defaultValue={values.market}>
          <option value="">{t("allMarkets")}</option>
          {markets.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <DateInput
        id="filter-from"
        name="from"
        label={t("from")}
        precision="month"
        defaultValue={values.from}
        error={error("from")}
      />
      <DateInput
        id="filter-to"
        name="to"
        label={t("to")}
        precision="month"
        defaultValue={values.to}
        error={error("to")}
      />
      <Field label={t("product")} htmlFor="filter-product" error={error("product")}>
        <Select id="filter-product" name="product" defaultValue={values.product}>
          <option value="">{t("allProducts")}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("channel")} htmlFor="filter-channel" error={error("channel")}>
        <Select id="filter-channel" name="channel" defaultValue={values.channel}>
          <option value="">{t("allChannels")}</option>
          {CHANNELS.map((c: Channel) => (
            <option key={c} value={c}>
              {codes.channel[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("journeyStage")} htmlFor="filter-journey-stage" error={error("journeyStage")}>
        <Select id="filter-journey-stage" name="journeyStage" defaultValue={values.journeyStage}>
          <option value="">{t("allJourneyStages")}</option>
          {JOURNEY_STAGES.map((s) => (
            <option key={s} value={s}>
              {codes.journeyStage[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit">{t("show")}</Button>
    </form>
  );
}
