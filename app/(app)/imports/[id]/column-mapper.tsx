"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CHANNELS } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import { DATE_FORMATS, MAPPING_TARGETS, type MappingTarget, SUMMARY_MAX } from "@/lib/imports/fields";
import type { SavedMapping } from "@/lib/imports/mappings";
import { type MappingConfig, UNKNOWN_POLICIES, type UnknownPolicy } from "@/lib/imports/validations";

export function ColumnMapper({
  headers,
  config,
  onChange,
  mappings,
  mappingName,
  onLoadMapping,
  ignored,
}: {
  headers: string[];
  config: MappingConfig;
  onChange: (config: MappingConfig) => void;
  mappings: SavedMapping[];
  mappingName: string;
  onLoadMapping: (name: string) => void;
  ignored: string[];
}) {
  const t = useTranslations("imports.wizard.columns");
  const codes = useCodes();
  const setColumn = (header: string, target: string) => {
    const columns = { ...config.columns };
    if (target) columns[header] = target as MappingTarget;
    else delete columns[header];
    onChange({ ...config, columns });
  };
  const setConstant = (field: MappingTarget, value: string) => {
    const constants = { ...config.constants };
    if (value) constants[field] = value;
    else delete constants[field];
    const createMarkets = { ...config.createMarkets };
    onChange({ ...config, constants, createMarkets });
  };
  const createMarketsText = Object.entries(config.createMarkets)
    .map(([code, name]) => `${code}=${name}`)
    .join(", ");
  const setCreateMarkets = (text: string) => {
    const entries = text
      .split(",")
      .map((part) => part.split("=").map((s) => s.trim()))
      .filter(([code]) => /^[A-Z]{2}$/.test(code ?? ""));
    onChange({ ...config, createMarkets: Object.fromEntries(entries.map(([code, name]) => [code, name || code])) });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <div className="flex items-center gap-2">
          <label htmlFor="saved-mapping" className="text-sm text-zinc-700">
            {t("savedMapping")}
          </label>
          <Select
            id="saved-mapping"
            className="w-48"
            value={mappings.some((m) => m.name === mappingName) ? mappingName : ""}
            onChange={(e) => onLoadMapping(e.target.value)}
          >
            <option value="">—</option>
            {mappings.map((m) => (
              <option key={m.id} value={m.name}>
                {m.name}
              </option>
            ))}
          </Select>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <Table aria-label={t("table")}>
          <THead>
            <TR>
              <TH>{t("inFile")}</TH>
              <TH>{t("goesTo")}</TH>
            </TR>
          </THead>
          <TBody>
            {headers.map((header) => (
              <TR key={header}>
                <TD className="font-medium">{header}</TD>
                <TD>
                  <Select
                    aria-label={t("fieldFor", { header })}
                    className="w-64"
                    value={config.columns[header] ?? ""}
                    onChange={(e) => setColumn(header, e.target.value)}
                  >
                    <option value="">{t("ignore")}</option>
                    {MAPPING_TARGETS.map((target) => (
                      <option key={target} value={target}>
                        {codes.mappingTarget[target]}
                      </option>
                    ))}
                  </Select>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
        {ignored.length ? (
          <p className="text-sm text-zinc-600">{t("ignored", { columns: ignored.join(", ") })}</p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label={t("source")} htmlFor="map-source" hint={t("sourceHint")}>
            <Input
              id="map-source"
              value={config.source}
              onChange={(e) => onChange({ ...config, source: e.target.value.toLowerCase() })}
            />
          </Field>
          <Field label={t("market")} htmlFor="map-market" hint={t("marketHint")}>
            <Input
              id="map-market"
              value={config.constants.market ?? ""}
              maxLength={2}
              onChange={(e) => setConstant("market", e.target.value.toUpperCase())}
            />
          </Field>
          <Field label={t("createMarkets")} htmlFor="map-create-markets" hint={t("createMarketsHint")}>
            <Input
              id="map-create-markets"
              key={createMarketsText}
              defaultValue={createMarketsText}
              onBlur={(e) => setCreateMarkets(e.target.value)}
            />
          </Field>
          <Field label={t("channel")} htmlFor="map-channel" hint={t("channelHint")}>
            <Select
              id="map-channel"
              value={config.constants.channel ?? ""}
              onChange={(e) => setConstant("channel", e.target.value)}
            >
              <option value="">—</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {codes.channel[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("dateFormat")} htmlFor="map-date-format">
            <Select
              id="map-date-format"
              value={config.dateFormat}
              onChange={(e) => onChange({ ...config, dateFormat: e.target.value as MappingConfig["dateFormat"] })}
            >
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("unknownProducts")} htmlFor="map-unknown-products">
            <Select
              id="map-unknown-products"
              value={config.unknownProducts}
              onChange={(e) => onChange({ ...config, unknownProducts: e.target.value as UnknownPolicy })}
            >
              {UNKNOWN_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(`policy.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("unknownCategories")} htmlFor="map-unknown-categories">
            <Select
              id="map-unknown-categories"
              value={config.unknownCategories}
              onChange={(e) => onChange({ ...config, unknownCategories: e.target.value as UnknownPolicy })}
            >
              {UNKNOWN_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(`policy.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input
              type="checkbox"
              checked={config.truncateSummary}
              onChange={(e) => onChange({ ...config, truncateSummary: e.target.checked })}
            />
            {t("truncateSummary", { max: SUMMARY_MAX })}
          </label>
        </div>
      </CardContent>
    </Card>
  );
}
