import { stringify } from "csv-stringify/sync";
import { and, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import type { ComplaintFilters } from "@/lib/complaints/filters";
import { complaintWhere, resolveSearch, searchQuery } from "@/lib/complaints/list-where";
import { matchWithoutPersonalData } from "@/lib/complaints/masked-search";
import { must } from "@/lib/must";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { neutraliseCell } from "./csv-safety";
import { CANONICAL_COLUMNS } from "./fields";

export type ExportOptions = {
  /** Through the redaction gate: product managers get personal data cut from the text and no customer reference. */
  access: PersonalDataAccess;
  /** Excel in Swedish locales: `;` between fields and a BOM so it opens as UTF-8. */
  excel: boolean;
  batchSize?: number;
  /** Told how many rows each page adds to the file. */
  onRows?: (rows: number) => void;
};

type ExportRow = Record<(typeof CANONICAL_COLUMNS)[number], string | boolean | null> & { id: string };

const BATCH = 1000;

/**
 * The filtered complaints as canonical CSV, newest first, in chunks: keyset pages over the
 * (received_on desc nulls last, id) index, so a million rows never sit in memory and each page is
 * an index range, not an OFFSET scan.
 */
// The list's filters (complaintWhere) name the table itself, so the query uses no alias for it.
export async function* exportComplaintsCsv(filters: ComplaintFilters, options: ExportOptions): AsyncGenerator<string> {
  const delimiter = options.excel ? ";" : ",";
  yield (options.excel ? "\uFEFF" : "") + stringify([[...CANONICAL_COLUMNS]], { delimiter, record_delimiter: "\r\n" });
  await Promise.all([resolveSearch(db, filters.q, filters.market), resolveSearch(db, filters.q)]);
  const where = complaintWhere(filters);
  let after: { receivedOn: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? sql`complaints.received_on <= ${after.receivedOn}::date and (complaints.received_on < ${after.receivedOn}::date or complaints.id > ${after.id}::uuid)`
      : undefined;
    const conditions: SQL[] = [where, keyset].filter((x): x is SQL => !!x);
    const rows: (ExportRow & { received_on: string })[] = rowsOf<ExportRow & { received_on: string }>(
      await db.execute(sql`
        select complaints.id, complaints.external_id, complaints.received_on::text as received_on, complaints.market, complaints.channel::text as channel, complaints.summary,
          p.name as product,
          case when parent.id is null then cat.name else parent.name || ' > ' || cat.name end as category,
          complaints.journey_stage::text as journey_stage, complaints.narrative, complaints.customer_ref, complaints.app_user, complaints.severity::text as severity,
          complaints.status::text as status, complaints.excluded_reason::text as excluded_reason,
          (select string_agg(rc.name, '|' order by crc.is_primary desc, rc.name)
             from complaint_root_causes crc join root_causes rc on rc.id = crc.root_cause_id
            where crc.complaint_id = complaints.id) as root_causes,
          complaints.source
        from complaints
        left join products p on p.id = complaints.product_id
        left join categories cat on cat.id = complaints.category_id
        left join categories parent on parent.id = cat.parent_id
        ${conditions.length ? sql`where ${and(...conditions)}` : sql``}
        order by complaints.received_on desc nulls last, complaints.id
        limit ${options.batchSize ?? BATCH}`),
    );
    if (rows.length === 0) return;
    // A masked reader's search never matches on personal data: drop rows found only through it.
    const query = searchQuery(filters.q);
    const kept =
      options.access !== "full" && query
        ? await matchWithoutPersonalData(
            db,
            rows.map((r) => ({
              id: r.id,
              summary: String(r.summary ?? ""),
              narrative: (r.narrative as string | null) ?? null,
              customerRef: (r.customer_ref as string | null) ?? null,
              market: String(r.market),
            })),
            query,
          )
        : null;
    const written = rows.filter((row) => !kept || kept.has(row.id));
    options.onRows?.(written.length);
    yield stringify(
      written.map((row) => toRecord(row, options.access)),
      { delimiter, record_delimiter: "\r\n" },
    );
    const last: { received_on: string; id: string } = must(rows.at(-1), "a batch is not empty here");
    after = { receivedOn: last.received_on, id: last.id };
    if (rows.length < (options.batchSize ?? BATCH)) return;
  }
}

function toRecord(row: ExportRow, access: PersonalDataAccess): string[] {
  const customerRefs = [row.customer_ref as string | null];
  return CANONICAL_COLUMNS.map((column) => {
    let value = row[column];
    if ((column === "summary" || column === "narrative") && typeof value === "string")
      value = gateText(access, value, { customerRefs });
    if (access !== "full" && column === "customer_ref") value = null;
    if (value === null || value === undefined) return "";
    return neutraliseCell(typeof value === "boolean" ? String(value) : String(value));
  });
}
