import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { Channel } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { ImportPreview } from "@/lib/imports/preview";

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
  // Codes (a channel) read as their names; the canonical column names stay in exports, not here.
  const cell = (column: (typeof COLUMNS)[number], value: string | undefined) =>
    column === "channel" ? (codes.channel[value as Channel] ?? value) : value;
  return (
    <Card>
      <CardHeader>
        <CardTitle>4. Preview</CardTitle>
        <span className="text-sm text-zinc-600" aria-live="polite">
          {checking ? "Checking the file…" : `${n(preview.rowsRead)} rows, ${n(preview.rejected)} with problems`}
        </span>
      </CardHeader>
      <CardContent className="space-y-4">
        {preview.missingFields.length ? (
          <Alert tone="danger">
            Map a column (or set a value for every row) for: {preview.missingFields.join(", ")}.
          </Alert>
        ) : null}
        <Table aria-label="Rows as they will be stored">
          <THead>
            <TR>
              <TH>Line</TH>
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
                    {row.errors.map((e) => `${e.column ?? "row"}: ${e.reason}`).join("; ")}
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
        {preview.errors.length ? (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-zinc-800">Problems</h3>
            <ul className="max-h-64 space-y-0.5 overflow-y-auto text-sm text-red-800" aria-label="Problems">
              {preview.errors.map((e, i) => (
                <li key={i}>
                  Line {e.line}
                  {e.column ? `, ${e.column}` : ""}: {e.reason}
                </li>
              ))}
            </ul>
            {preview.rejected > preview.errors.length ? (
              <p className="text-xs text-zinc-500">
                The first {preview.errors.length} problems are shown; the run’s error report lists them all.
              </p>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
