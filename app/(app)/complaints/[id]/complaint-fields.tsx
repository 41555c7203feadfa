"use client";

import { useTranslations } from "next-intl";
import type { ComplaintDetail } from "@/lib/complaints/detail-query";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { CHANNELS, EXCLUDED_REASONS, JOURNEY_STAGES, OUTCOMES, SEVERITIES } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import { EditableField } from "./editable-field";

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));
const none = <span className="text-zinc-500">—</span>;

/** The complaint's own fields, each editable in place for reviewers and admins. */
export function ComplaintFields({
  complaint,
  options,
  today,
  showsPersonalData,
}: {
  complaint: ComplaintDetail["complaint"];
  options: ComplaintOptions;
  today: string;
  showsPersonalData: boolean;
}) {
  const c = complaint;
  const t = useTranslations("complaint");
  const common = useTranslations("common");
  const codes = useCodes();
  const { day } = useFormat();
  const yesNo = (v: boolean | null) => (v === null ? common("notKnown") : v ? common("yes") : common("no"));
  // A deactivated product, category or authority is not offered for new work but stays on the complaints that have it.
  const keepCurrent = (list: { value: string; label: string }[], value: string | null, label: string | null) =>
    value && !list.some((x) => x.value === value)
      ? [{ value, label: t("inactive", { name: label ?? value }) }, ...list]
      : list;
  const authorities = options.authorities.filter((a) => a.market === c.market && a.channel === c.channel);
  // Personal data erased by retention or on request: shown as such, and not editable.
  const erased = c.anonymisedAt ? <span className="text-zinc-500">{t("erased")}</span> : null;
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid gap-5">
        <EditableField
          label={t("fields.summary")}
          field="summary"
          value={c.summary}
          display={c.summary}
          editor={{ kind: "text", maxLength: 200 }}
          wide
        />
        <EditableField
          label={t("fields.narrative")}
          field="narrative"
          value={c.narrative ?? ""}
          display={erased ?? (c.narrative || none)}
          editor={{ kind: "textarea" }}
          locked={!!erased}
          wide
        />
      </dl>
      <dl className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <EditableField
          label={t("fields.receivedOn")}
          field="receivedOn"
          value={c.receivedOn}
          display={day(c.receivedOn)}
          editor={{ kind: "date", max: today }}
        />
        <EditableField
          label={t("fields.market")}
          field="market"
          value={c.market}
          display={c.market}
          editor={{
            kind: "select",
            choices: options.markets.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
            empty: common("choose"),
          }}
        />
        <EditableField
          label={t("fields.channel")}
          field="channel"
          value={c.channel}
          display={codes.channel[c.channel]}
          editor={{ kind: "select", choices: choices(CHANNELS, codes.channel), empty: common("choose") }}
        />
        <EditableField
          label={t("fields.authority")}
          field="authorityId"
          value={c.authorityId ?? ""}
          display={c.authorityName ?? none}
          editor={{
            kind: "select",
            choices: keepCurrent(
              authorities.map((a) => ({ value: a.id, label: a.name })),
              c.authorityId,
              c.authorityName,
            ),
          }}
        />
        <EditableField
          label={t("fields.product")}
          field="productId"
          value={c.productId ?? ""}
          display={c.productName ?? none}
          editor={{
            kind: "select",
            choices: keepCurrent(
              options.products.map((p) => ({ value: p.id, label: p.name })),
              c.productId,
              c.productName,
            ),
            empty: common("notKnown"),
          }}
        />
        <EditableField
          label={t("fields.category")}
          field="categoryId"
          value={c.categoryId ?? ""}
          display={c.categoryName ?? none}
          editor={{
            kind: "select",
            choices: keepCurrent(
              options.categories.map((x) => ({ value: x.id, label: x.name })),
              c.categoryId,
              c.categoryName,
            ),
            empty: t("notCategorised"),
          }}
        />
        <EditableField
          label={t("fields.journeyStage")}
          field="journeyStage"
          value={c.journeyStage ?? ""}
          display={c.journeyStage ? codes.journeyStage[c.journeyStage] : none}
          editor={{ kind: "select", choices: choices(JOURNEY_STAGES, codes.journeyStage), empty: common("notKnown") }}
        />
        <EditableField
          label={t("fields.severity")}
          field="severity"
          value={c.severity ?? ""}
          display={c.severity ? codes.severity[c.severity] : none}
          editor={{ kind: "select", choices: choices(SEVERITIES, codes.severity), empty: t("notAssessed") }}
        />
        <EditableField
          label={t("fields.appUser")}
          field="appUser"
          value={c.appUser === null ? "" : String(c.appUser)}
          display={yesNo(c.appUser)}
          editor={{ kind: "boolean", empty: common("notKnown") }}
        />
        {showsPersonalData ? (
          <EditableField
            label={t("fields.customerRef")}
            field="customerRef"
            value={c.customerRef ?? ""}
            display={erased ?? (c.customerRef || none)}
            editor={{ kind: "text" }}
            locked={!!erased}
          />
        ) : (
          <div>
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{t("fields.customerRef")}</dt>
            <dd className="mt-1 text-sm text-zinc-500">{t("hidden")}</dd>
          </div>
        )}
        <EditableField
          label={t("fields.externalId")}
          field="externalId"
          value={c.externalId}
          display={<span className="font-mono text-xs">{c.externalId}</span>}
          editor={{ kind: "text" }}
        />
        <EditableField
          label={t("fields.outcome")}
          field="outcome"
          value={c.outcome ?? ""}
          display={c.outcome ? codes.outcome[c.outcome] : none}
          editor={{ kind: "select", choices: choices(OUTCOMES, codes.outcome), empty: t("noOutcome") }}
        />
        {c.channel === "disputes_board" ? (
          <EditableField
            label={t("fields.recommendationFollowed")}
            field="recommendationFollowed"
            value={c.recommendationFollowed === null ? "" : String(c.recommendationFollowed)}
            display={yesNo(c.recommendationFollowed)}
            editor={{ kind: "boolean", empty: common("notKnown") }}
          />
        ) : null}
        <EditableField
          label={t("fields.excludedReason")}
          field="excludedReason"
          value={c.excludedReason ?? ""}
          display={c.excludedReason ? codes.excludedReason[c.excludedReason] : t("counts")}
          editor={{ kind: "select", choices: choices(EXCLUDED_REASONS, codes.excludedReason), empty: t("notExcluded") }}
        />
      </dl>
    </div>
  );
}
