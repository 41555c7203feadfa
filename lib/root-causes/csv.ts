import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "@/lib/imports/csv-safety";
import type { RootCauseReport } from "./report";

const figure = (value: number | null, digits = 4) =>
  value == null ? "" : String(Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * The report's cause table as CSV: one row per cause, withheld cells empty (never zero), and the
 * period's coverage beside the figures. Names that start like a spreadsheet formula open as text.
 */
export function rootCauseReportCsv(report: RootCauseReport): string {
  const rows = report.rootCauses.map((r) => [
    r.id,
    neutraliseCell(r.name),
    r.complaints ?? "",
    r.primary ?? "",
    figure(r.share),
    figure(r.cumulativeShare),
    figure(r.perMillion),
    r.previous.complaints ?? "",
    figure(r.previous.perMillion),
    figure(r.changeInRate),
    r.actions,
    report.from,
    report.to,
    report.market ?? "",
    figure(report.coverage),
  ]);
  return stringify(
    [
      [
        "root_cause_id",
        "root_cause",
        "complaints",
        "as_primary",
        "share",
        "cumulative_share",
        "per_million",
        "previous_complaints",
        "previous_per_million",
        "change_in_rate",
        "actions",
        "from",
        "to",
        "market",
        "coverage",
      ],
      ...rows,
    ],
    { cast: { number: String } },
  );
}
