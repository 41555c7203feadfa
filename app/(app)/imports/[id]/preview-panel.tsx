import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { Channel } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { MappingTarget } from "@/lib/imports/fields";
import type { ImportPreview } from "@/lib/imports/preview";
import { useNewValue } from "./value-mapper";

const COLUMNS = [
  "external_id",
  "received_on",
  "market",
  "channel",
  "summary",
  "product",
  "category",
  "narrative",
] as const;

export function PreviewPanel({ preview, checking }: { preview: ImportPreview; checking: boolean }) {
  const { number: n } = useFormat();
  const codes = useCodes();
  const t = useTranslations("imports.wizard.preview");
  const newValue = useNewValue();
  // Codes (a channel) read as their names; the canonical column names stay in exports, not here.
  const cell = (column: (typeof COLUMNS)[number], value: string | undefined) =>
    column === "channel" ? (codes.channel[value as Channel] ?? value) : newValue(value);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <span className="text-sm text-zinc-600" aria-live="polite">
          {checking ? t("checking") : t("summary", { rows: preview.rowsRead, rejected: n(preview.rejected) })}
        </span>
      </CardHeader>
      <CardContent className="space-y-4">
        {preview.missingFields.length ? (
          <Alert tone="danger">
            {t("missing", {
              fields: preview.missingFields.map((f) => codes.mappingTarget[f as MappingTarget] ?? f).join(", "),
            })}
          </Alert>
        ) : null}
        <Table aria-label={t("table")}>
          <THead>
            <TR>
              <TH>{t("line")}</TH>
              {COLUMNS.map((c) => (
                <TH key={c}>{codes.mappingTarget[c]}</TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {preview.rows.map((row) => (
              <TR key={row.line} className={row.errors.length ? "bg-red-50/60" : undefined}>
                <TD className="tabular-nums text-zinc-500">{row.line}</TD>
                {row.stored ? (
                  COLUMNS.map((c) => (
                    <TD
                      key={c}
                      className={c === "narrative" ? "max-w-80 truncate" : "whitespace-nowrap"}
                      title={c === "narrative" ? row.stored![c] : undefined}
                    >
                      {cell(c, row.stored![c])}
                    </TD>
                  ))
                ) : (
                  <TD colSpan={COLUMNS.length} className="text-red-700">
                    {row.errors
                      .map((e) => t("rowError", { column: e.column ?? t("row"), reason: e.reason }))
                      .join("; ")}
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
        {preview.errors.length ? (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-zinc-800">{t("problems")}</h3>
            <ul className="max-h-64 space-y-0.5 overflow-y-auto text-sm text-red-800" aria-label={t("problems")}>
              {preview.errors.map((e, i) => (
                <li key={i}>
                  {e.column
                    ? t("problemInColumn", { line: e.line, column: e.column, reason: e.reason })
                    : t("problem", { line: e.line, reason: e.reason })}
                </li>
              ))}
            </ul>
            {preview.rejected > preview.errors.length ? (
              <p className="text-xs text-zinc-500">{t("firstShown", { count: preview.errors.length })}</p>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
