"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CHANNELS, type Channel } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { DistinctValue, ImportPreview } from "@/lib/imports/preview";
import type { MappingConfig } from "@/lib/imports/validations";

type Field = "channel" | "product" | "category" | "market";

/** The preview marks a value that the run would create with " (new)" (the server's words); it is said in the reader's language. */
const NEW_MARK = " (new)";
export function useNewValue() {
  const t = useTranslations("imports.wizard.values");
  return (value: string | null | undefined) =>
    value?.endsWith(NEW_MARK) ? t("new", { value: value.slice(0, -NEW_MARK.length) }) : value;
}

export function ValueMapper({
  values,
  config,
  onChange,
}: {
  values: ImportPreview["values"];
  config: MappingConfig;
  onChange: (config: MappingConfig) => void;
}) {
  const t = useTranslations("imports.wizard.values");
  const { number } = useFormat();
  const fields = (Object.keys(values) as Field[]).filter((f) => values[f]?.length);
  const setValue = (field: Field, from: string, to: string) => {
    const map = { ...(config.values[field] ?? {}) };
    if (to) map[from] = to;
    else delete map[from];
    onChange({ ...config, values: { ...config.values, [field]: map } });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {fields.length === 0 ? (
          <p className="text-sm text-zinc-600">{t("none")}</p>
        ) : (
          fields.map((field) => (
            <div key={field}>
              <h3 className="mb-2 text-sm font-semibold text-zinc-800">{t(`fields.${field}`)}</h3>
              <Table aria-label={t(`tables.${field}`)}>
                <THead>
                  <TR>
                    <TH>{t("inFile")}</TH>
                    <TH className="text-right">{t("rows")}</TH>
                    <TH>{t("storedAs")}</TH>
                    <TH>{t("mapTo")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {values[field]!.slice(0, 50).map((v) => (
                    <ValueRow
                      key={`${v.value}=>${config.values[field]?.[v.value] ?? ""}`}
                      field={field}
                      value={v}
                      mapped={config.values[field]?.[v.value] ?? ""}
                      onSet={(to) => setValue(field, v.value, to)}
                    />
                  ))}
                </TBody>
              </Table>
              {values[field]!.length > 50 ? (
                <p className="mt-1 text-xs text-zinc-500">{t("top", { count: number(values[field]!.length) })}</p>
              ) : null}
            </div>
          ))
        )}
      </CardContent>
    </Card>
  );
}

function ValueRow({
  field,
  value,
  mapped,
  onSet,
}: {
  field: Field;
  value: DistinctValue;
  mapped: string;
  onSet: (to: string) => void;
}) {
  const t = useTranslations("imports.wizard.values");
  const label = t(`mapValue.${field}`, { value: value.value });
  const codes = useCodes();
  const { number } = useFormat();
  const newValue = useNewValue();
  // A channel is stored as a code; people read its name.
  const becomes =
    field === "channel" && value.becomes
      ? (codes.channel[value.becomes as Channel] ?? value.becomes)
      : newValue(value.becomes);
  return (
    <TR>
      <TD className="font-medium">{value.value}</TD>
      <TD className="text-right tabular-nums">{number(value.count)}</TD>
      <TD>{value.problem ? <span className="text-red-700">{value.problem}</span> : becomes}</TD>
      <TD>
        {field === "channel" ? (
          <Select aria-label={label} className="w-56" value={mapped} onChange={(e) => onSet(e.target.value)}>
            <option value="">{t("asIs")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {codes.channel[c]}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            aria-label={label}
            className="w-64"
            defaultValue={mapped}
            placeholder={field === "market" ? t("marketPlaceholder") : t("namePlaceholder")}
            onBlur={(e) => e.target.value !== mapped && onSet(e.target.value.trim())}
          />
        )}
      </TD>
    </TR>
  );
}
