"use client";

import type { ComplaintDetail } from "@/lib/complaints/detail-query";
import {
  CHANNEL_LABELS,
  EXCLUDED_REASON_LABELS,
  formatDay,
  JOURNEY_STAGE_LABELS,
  OUTCOME_LABELS,
  SEVERITY_LABELS,
} from "@/lib/complaints/labels";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { CHANNELS, EXCLUDED_REASONS, JOURNEY_STAGES, OUTCOMES, SEVERITIES } from "@/lib/domain/values";
import { EditableField } from "./editable-field";

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));
const yesNo = (v: boolean | null) => (v === null ? "Not known" : v ? "Yes" : "No");
const none = <span className="text-zinc-400">—</span>;
// A deactivated product, category or authority is not offered for new work but stays on the complaints that have it.
const keepCurrent = (list: { value: string; label: string }[], value: string | null, label: string | null) =>
  value && !list.some((c) => c.value === value) ? [{ value, label: `${label ?? value} (inactive)` }, ...list] : list;

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
  const authorities = options.authorities.filter((a) => a.market === c.market && a.channel === c.channel);
  // Personal data erased by retention or on request: shown as such, and not editable.
  const erased = c.anonymisedAt ? <span className="text-zinc-500">Erased (personal data)</span> : null;
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid gap-5">
        <EditableField
          label="Summary"
          field="summary"
          value={c.summary}
          display={c.summary}
          editor={{ kind: "text", maxLength: 200 }}
          wide
        />
        <EditableField
          label="Narrative"
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
          label="Received on"
          field="receivedOn"
          value={c.receivedOn}
          display={formatDay(c.receivedOn)}
          editor={{ kind: "date", max: today }}
        />
        <EditableField
          label="Market"
          field="market"
          value={c.market}
          display={c.market}
          editor={{
            kind: "select",
            choices: options.markets.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
            empty: "Choose",
          }}
        />
        <EditableField
          label="Channel"
          field="channel"
          value={c.channel}
          display={CHANNEL_LABELS[c.channel]}
          editor={{ kind: "select", choices: choices(CHANNELS, CHANNEL_LABELS), empty: "Choose" }}
        />
        <EditableField
          label="Authority"
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
          label="Product"
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
            empty: "Not known",
          }}
        />
        <EditableField
          label="Category"
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
            empty: "Not categorised",
          }}
        />
        <EditableField
          label="Journey stage"
          field="journeyStage"
          value={c.journeyStage ?? ""}
          display={c.journeyStage ? JOURNEY_STAGE_LABELS[c.journeyStage] : none}
          editor={{ kind: "select", choices: choices(JOURNEY_STAGES, JOURNEY_STAGE_LABELS), empty: "Not known" }}
        />
        <EditableField
          label="Severity"
          field="severity"
          value={c.severity ?? ""}
          display={c.severity ? SEVERITY_LABELS[c.severity] : none}
          editor={{ kind: "select", choices: choices(SEVERITIES, SEVERITY_LABELS), empty: "Not assessed" }}
        />
        <EditableField
          label="App user"
          field="appUser"
          value={c.appUser === null ? "" : String(c.appUser)}
          display={yesNo(c.appUser)}
          editor={{ kind: "boolean", empty: "Not known" }}
        />
        {showsPersonalData ? (
          <EditableField
            label="Customer reference"
            field="customerRef"
            value={c.customerRef ?? ""}
            display={erased ?? (c.customerRef || none)}
            editor={{ kind: "text" }}
            locked={!!erased}
          />
        ) : (
          <div>
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Customer reference</dt>
            <dd className="mt-1 text-sm text-zinc-500">Hidden (personal data)</dd>
          </div>
        )}
        <EditableField
          label="External id"
          field="externalId"
          value={c.externalId}
          display={<span className="font-mono text-xs">{c.externalId}</span>}
          editor={{ kind: "text" }}
        />
        <EditableField
          label="Outcome"
          field="outcome"
          value={c.outcome ?? ""}
          display={c.outcome ? OUTCOME_LABELS[c.outcome] : none}
          editor={{ kind: "select", choices: choices(OUTCOMES, OUTCOME_LABELS), empty: "No outcome yet" }}
        />
        {c.channel === "disputes_board" ? (
          <EditableField
            label="Board recommendation followed"
            field="recommendationFollowed"
            value={c.recommendationFollowed === null ? "" : String(c.recommendationFollowed)}
            display={yesNo(c.recommendationFollowed)}
            editor={{ kind: "boolean", empty: "Not known" }}
          />
        ) : null}
        <EditableField
          label="Excluded from the metric"
          field="excludedReason"
          value={c.excludedReason ?? ""}
          display={c.excludedReason ? EXCLUDED_REASON_LABELS[c.excludedReason] : "No, it counts"}
          editor={{ kind: "select", choices: choices(EXCLUDED_REASONS, EXCLUDED_REASON_LABELS), empty: "Not excluded" }}
        />
      </dl>
    </div>
  );
}
