import { type SQL, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Tx } from "@/db";
import { copyConnection, copyRows, timeOrderedUuid } from "@/db/copy";
import { rowsOf } from "@/db/rows";
import { allocateReferences } from "@/lib/complaints/reference";
import { first, must } from "@/lib/must";
import type { MappingTarget } from "./fields";
import type { ResolvedRow } from "./resolve-types";

export type BatchCounts = { inserted: number; updated: number; unchanged: number };

export const addCounts = (a: BatchCounts, b: BatchCounts): BatchCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

/** A complaint's key within an import: its source and external id. */
const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

type Column = { field: MappingTarget | null; name: string; type: string };

// The JSON record each row travels as, with its SQL type; `field` says which mapped field fills it.
const COLUMNS: Column[] = [
  { field: null, name: "source", type: "text" },
  { field: null, name: "external_id", type: "text" },
  { field: null, name: "reference", type: "text" },
  { field: "received_on", name: "received_on", type: "date" },
  { field: "market", name: "market", type: "text" },
  { field: "channel", name: "channel", type: "channel" },
  { field: "summary", name: "summary", type: "text" },
  { field: "product", name: "product_id", type: "uuid" },
  { field: "category", name: "category_id", type: "uuid" },
  { field: "journey_stage", name: "journey_stage", type: "journey_stage" },
  { field: "narrative", name: "narrative", type: "text" },
  { field: "customer_ref", name: "customer_ref", type: "text" },
  { field: "app_user", name: "app_user", type: "boolean" },
  { field: "severity", name: "severity", type: "severity" },
  { field: "status", name: "status", type: "complaint_status" },
  { field: "excluded_reason", name: "excluded_reason", type: "excluded_reason" },
];

// The columns a new complaint is copied in with, in the order copyNewRows lists their values.
const COPY_COLUMNS = [
  "id",
  "source",
  "external_id",
  "reference",
  "received_on",
  "market",
  "channel",
  "summary",
  "product_id",
  "category_id",
  "journey_stage",
  "narrative",
  "customer_ref",
  "app_user",
  "severity",
  "status",
  "excluded_reason",
  "created_by",
];

/** What erasure removes or masks: an erased complaint keeps its own (erased, masked) values on a re-import. */
const ERASED_COLUMNS = new Set(["narrative", "customer_ref", "summary"]);

const RECORD_TYPE = sql.raw(COLUMNS.map((c) => `${c.name} ${c.type}`).join(", "));

function recordset(payload: unknown[]): SQL {
  return sql`json_to_recordset(${JSON.stringify(payload)}::json) as i(${RECORD_TYPE})`;
}

/**
 * How a batch finds out which of its rows are stored already:
 * - `lookup`: reads them first, inserts the others and updates those; a concurrent import of the
 *   same rows fails the batch with a unique violation (the caller runs it again `guarded`);
 * - `guarded`: the same, inserting with ON CONFLICT DO NOTHING;
 * - `new`: takes every row to be new and only inserts, without the lookup (for the batches after
 *   one that found none of its rows stored); a stored row fails the batch with a unique violation.
 */
export type WriteMode = "lookup" | "guarded" | "new";

export type BatchInput = {
  rows: ResolvedRow[];
  mode: WriteMode;
  productIds: (string | null)[];
  categoryIds: (string | null)[];
  /** Fields the file provides; an update of an existing complaint touches only these. */
  fields: Set<MappingTarget>;
  userId: string | null;
};

/**
 * Writes one batch in the caller's transaction: new complaints are inserted with fresh references,
 * existing ones (same source and external_id) updated only where a provided field differs, so a
 * re-import of the same file changes nothing, not even version or updated_at.
 */
export async function writeBatch(tx: Tx, input: BatchInput): Promise<BatchCounts> {
  const { rows, fields, mode } = input;
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const connection = mode === "new" ? copyConnection(tx) : null;
  if (connection) return copyNewRows(tx, connection, input);
  const idOf = mode === "new" ? new Map<string, string>() : await storedIds(tx, rows);
  const isNew = rows.map((r) => !idOf.has(keyOf(r.source, r.externalId)));
  const newRows = rows.filter((_, i) => isNew[i]);
  const references = await allocateReferences(
    tx,
    newRows.map((r) => r.receivedOn),
  );
  let reference = 0;
  const payload = rows.map((r, i) => ({
    source: r.source,
    external_id: r.externalId,
    reference: isNew[i] ? references[reference++] : null,
    received_on: r.receivedOn,
    market: r.market,
    channel: r.channel,
    summary: r.summary,
    product_id: input.productIds[i],
    category_id: input.categoryIds[i],
    journey_stage: r.journeyStage,
    narrative: r.narrative,
    customer_ref: r.customerRef,
    app_user: r.appUser,
    severity: r.severity,
    status: r.status,
    excluded_reason: r.excludedReason,
  }));
  const inserts = payload.filter((_, i) => isNew[i]);
  const updates = payload.filter((_, i) => !isNew[i]);

  // The ids of inserted rows are only needed to tag them; otherwise one count comes back, not a row each.
  const tagging = fields.has("root_causes");
  const insertedIds = new Set<string>();
  let inserted = 0;
  if (inserts.length) {
    const insert = sql`
      insert into complaints (reference, source, external_id, received_on, market, channel, summary, product_id,
        category_id, journey_stage, narrative, customer_ref, app_user, severity, status, excluded_reason, created_by)
      select i.reference, i.source, i.external_id, i.received_on, i.market, i.channel, i.summary, i.product_id,
        i.category_id, i.journey_stage, i.narrative, i.customer_ref, i.app_user, i.severity,
        coalesce(i.status, 'new'::complaint_status), i.excluded_reason, ${input.userId}::uuid
      from ${recordset(inserts)}
      ${mode === "guarded" ? sql`on conflict (source, external_id) do nothing` : sql``}
      returning id, source, external_id`;
    if (tagging) {
      const returned = rowsOf<{ id: string; source: string; external_id: string }>(await tx.execute(insert));
      for (const row of returned) {
        idOf.set(keyOf(row.source, row.external_id), row.id);
        insertedIds.add(row.id);
      }
      inserted = returned.length;
    } else {
      inserted = first(
        rowsOf<{ inserted: number }>(
          await tx.execute(sql`with i as (${insert}) select count(*)::int as inserted from i`),
        ),
        "insert count",
      ).inserted;
    }
  }

  let updatedIds: string[] = [];
  const settable = COLUMNS.filter((c) => c.field && fields.has(c.field));
  if (updates.length && settable.length) {
    // A complaint whose personal data was erased does not take it back from a re-import.
    const value = (c: Column) =>
      ERASED_COLUMNS.has(c.name)
        ? `case when c.anonymised_at is null then i.${c.name} else c.${c.name} end`
        : `i.${c.name}`;
    const assignments = settable.map((c) => sql.raw(`${c.name} = ${value(c)}`));
    if (fields.has("channel")) {
      // Customer service has no authority; keep the check constraint true when the channel changes.
      assignments.push(
        sql.raw(`authority_id = case when i.channel = 'customer_service' then null else c.authority_id end`),
      );
    }
    if (fields.has("excluded_reason")) {
      assignments.push(
        sql.raw(`duplicate_of_id = case when i.excluded_reason = 'duplicate' then c.duplicate_of_id else null end`),
      );
    }
    const before = sql.raw(settable.map((c) => `c.${c.name}`).join(", "));
    const after = sql.raw(settable.map(value).join(", "));
    updatedIds = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update complaints c set ${sql.join(assignments, sql`, `)}, version = c.version + 1, updated_at = now()
        from ${recordset(updates)}
        where c.source = i.source and c.external_id = i.external_id and (${before}) is distinct from (${after})
        returning c.id`),
    ).map((r) => r.id);
  }

  const changed = new Set(updatedIds);
  if (tagging) {
    const ids = rows.map((r) => idOf.get(keyOf(r.source, r.externalId))).filter((id): id is string => !!id);
    for (const id of await syncRootCauses(tx, rows, idOf, ids, input.userId)) changed.add(id);
  }
  const updated = [...changed].filter((id) => !insertedIds.has(id)).length;
  return { inserted, updated, unchanged: rows.length - inserted - updated };
}

/**
 * Rows taken to be new go in through COPY, the cheapest way in. Their ids are chosen here, so nothing
 * needs to come back; a row that is stored after all fails the whole COPY on the unique key.
 */
async function copyNewRows(tx: Tx, connection: postgres.TransactionSql, input: BatchInput): Promise<BatchCounts> {
  const { rows, productIds, categoryIds, userId } = input;
  const references = await allocateReferences(
    tx,
    rows.map((r) => r.receivedOn),
  );
  const ids = rows.map(() => timeOrderedUuid());
  await copyRows(
    connection,
    "complaints",
    COPY_COLUMNS,
    rows.map((r, i) => [
      must(ids[i], "an id per row"),
      r.source,
      r.externalId,
      must(references[i], "a reference per row"),
      r.receivedOn,
      r.market,
      r.channel,
      r.summary,
      productIds[i] ?? null,
      categoryIds[i] ?? null,
      r.journeyStage,
      r.narrative,
      r.customerRef,
      r.appUser,
      r.severity,
      r.status ?? "new",
      r.excludedReason,
      userId,
    ]),
  );
  if (input.fields.has("root_causes")) {
    await syncRootCauses(
      tx,
      rows,
      new Map(rows.map((r, i) => [keyOf(r.source, r.externalId), must(ids[i], "an id per row")])),
      ids,
      userId,
    );
  }
  return { inserted: rows.length, updated: 0, unchanged: 0 };
}

/** The ids of the batch's rows that are stored already, by source and external id. */
async function storedIds(tx: Tx, rows: ResolvedRow[]): Promise<Map<string, string>> {
  const keys = rows.map((r) => ({ source: r.source, external_id: r.externalId }));
  const existing = rowsOf<{ id: string; source: string; external_id: string }>(
    await tx.execute(sql`
      select c.id, c.source, c.external_id from complaints c
      join json_to_recordset(${JSON.stringify(keys)}::json) as k(source text, external_id text)
        on c.source = k.source and c.external_id = k.external_id`),
  );
  return new Map(existing.map((e) => [keyOf(e.source, e.external_id), e.id]));
}

/** Makes each complaint's root-cause tags exactly the file's list (the first one primary); returns complaints whose tags changed. */
async function syncRootCauses(
  tx: Tx,
  rows: ResolvedRow[],
  idOf: Map<string, string>,
  complaintIds: string[],
  userId: string | null,
): Promise<string[]> {
  const pairs = rows.flatMap((r) => {
    const complaintId = idOf.get(keyOf(r.source, r.externalId));
    return complaintId ? r.rootCauseIds.map((rootCauseId, i) => ({ c: complaintId, r: rootCauseId, p: i === 0 })) : [];
  });
  const removed = rowsOf<{ complaint_id: string }>(
    await tx.execute(sql`
      delete from complaint_root_causes t
      where t.complaint_id in (select value::uuid from json_array_elements_text(${JSON.stringify(complaintIds)}::json))
        and not exists (
          select 1 from json_to_recordset(${JSON.stringify(pairs)}::json) as p(c uuid, r uuid, p boolean)
          where p.c = t.complaint_id and p.r = t.root_cause_id)
      returning t.complaint_id`),
  );
  if (pairs.length === 0) return removed.map((r) => r.complaint_id);
  const added = rowsOf<{ complaint_id: string }>(
    await tx.execute(sql`
      insert into complaint_root_causes (complaint_id, root_cause_id, is_primary, tagged_by)
      select p.c, p.r, p.p, ${userId}::uuid from json_to_recordset(${JSON.stringify(pairs)}::json) as p(c uuid, r uuid, p boolean)
      on conflict (complaint_id, root_cause_id) do update set is_primary = excluded.is_primary
        where complaint_root_causes.is_primary is distinct from excluded.is_primary
      returning complaint_id`),
  );
  return [...removed, ...added].map((r) => r.complaint_id);
}
