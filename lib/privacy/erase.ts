import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { type DetectOptions, redactText } from "./redact";

/** What erased personal data reads as where it must stay visible that something was there. */
export const ERASED = "[erased]";

// Fields that are personal data as a whole: erased, not masked. (Audit snapshots use the app's names.)
const PERSONAL_KEYS = new Set(["customerRef", "customer_ref", "narrative"]);

/**
 * An audit snapshot with the customer's data erased: personal fields blanked, and identity numbers,
 * e-mail addresses, phone numbers, card numbers and IBANs masked in every other text. What changed,
 * who changed it and when stay readable.
 */
export function scrubSnapshot(value: unknown, key?: string, detect: DetectOptions = {}): unknown {
  if (key && PERSONAL_KEYS.has(key)) return value == null ? value : ERASED;
  if (typeof value === "string") return redactText(value, detect);
  if (Array.isArray(value)) return value.map((v) => scrubSnapshot(v, undefined, detect));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubSnapshot(v, k, detect)]));
  }
  return value;
}

/** Jobs not in progress: finished, or untouched for a day (an upload left in the wizard). */
const INACTIVE_JOB = sql`(status in ('completed', 'failed', 'cancelled') or coalesce(heartbeat_at, created_at) < now() - interval '1 day')`;

/**
 * Drops the stored uploads of import jobs not in progress, which hold customers' personal data as
 * they came in: those containing one of `externalIds` (an erasure on request), or all of them (a
 * retention run). Such a job can no longer be run again; its counts and error report stay.
 */
export async function clearStoredUploads(tx: Tx | Db, externalIds?: string[]): Promise<number> {
  const containing = externalIds
    ? sql`and exists (select 1 from json_array_elements_text(${JSON.stringify(externalIds)}::json) e
          where position(convert_to(e.value, 'UTF8') in j.file) > 0)`
    : sql``;
  const cleared = await tx.execute(sql`
    update import_jobs j set file = null where j.file is not null and ${INACTIVE_JOB} ${containing} returning j.id`);
  return rowsOf(cleared).length;
}

type TextRow = { id: string; text: string | null };

/** Rewrites a text column where masking changed it, in one statement. */
async function maskColumn(
  tx: Tx,
  table: string,
  idColumn: string,
  column: string,
  rows: TextRow[],
  detect: DetectOptions = {},
) {
  const changed = rows.flatMap((r) => {
    if (r.text == null) return [];
    const masked = redactText(r.text, detect);
    return masked === r.text ? [] : [{ id: r.id, text: masked }];
  });
  if (changed.length === 0) return;
  await tx.execute(sql`
    update ${sql.raw(table)} t set ${sql.raw(column)} = x.text
    from json_to_recordset(${JSON.stringify(changed)}::json) as x(id text, text text)
    where t.${sql.raw(idColumn)}::text = x.id`);
}

// A cheap first sieve for stored messages: personal data has six digits in a row, an @ or a letter code before digits.
const mayHold = (column: string) => sql.raw(`(${column} ~ '[0-9]{4}|@')`);

/**
 * Masks the personal data the complaints left outside their own rows: the notes, description and
 * title of remediation actions holding them as evidence (and those actions' audit snapshots), and
 * import error reasons and job messages (which should hold none, but an old one may).
 */
async function eraseElsewhere(tx: Tx, idList: ReturnType<typeof sql>, detect: DetectOptions) {
  const actions = rowsOf<{ id: string; title: string; description: string | null; notes: string | null }>(
    await tx.execute(sql`
      select a.id::text, a.title, a.description, a.notes from remediation_actions a
      where exists (select 1 from remediation_evidence e where e.action_id = a.id and e.complaint_id in ${idList})`),
  );
  for (const column of ["title", "description", "notes"] as const) {
    await maskColumn(
      tx,
      "remediation_actions",
      "id",
      column,
      actions.map((a) => ({ id: a.id, text: a[column] })),
      detect,
    );
  }
  if (actions.length)
    await scrubAuditEntries(
      tx,
      "remediation_action",
      actions.map((a) => a.id),
      detect,
    );
  const texts = async (query: ReturnType<typeof sql>) => rowsOf<TextRow>(await tx.execute(query));
  await maskColumn(
    tx,
    "import_errors",
    "id",
    "reason",
    await texts(sql`select id::text, reason as text from import_errors where ${mayHold("reason")}`),
    detect,
  );
  await maskColumn(
    tx,
    "import_jobs",
    "id",
    "message",
    await texts(
      sql`select id::text, message as text from import_jobs where message is not null and ${mayHold("message")}`,
    ),
    detect,
  );
}

/** Scrubs the snapshots of the audit entries filed under these entities (the one permitted rewrite). */
async function scrubAuditEntries(tx: Tx, entityType: string, entityIds: string[], detect: DetectOptions) {
  const entries = rowsOf<{ id: number; before: unknown; after: unknown }>(
    await tx.execute(sql`
      select id, before, after from audit_log
      where entity_type = ${entityType} and entity_id in (select value from json_array_elements_text(${JSON.stringify(entityIds)}::json))`),
  ).flatMap((e) => {
    const before = scrubSnapshot(e.before, undefined, detect);
    const after = scrubSnapshot(e.after, undefined, detect);
    return JSON.stringify(before) === JSON.stringify(e.before) && JSON.stringify(after) === JSON.stringify(e.after)
      ? []
      : [{ id: Number(e.id), before, after }];
  });
  if (entries.length) {
    await tx.execute(sql`
      update audit_log a set before = x.before, after = x.after
      from json_to_recordset(${JSON.stringify(entries)}::json) as x(id bigint, before jsonb, after jsonb)
      where a.id = x.id`);
  }
}

/**
 * Erases the personal data of these complaints inside the caller's transaction, and answers how many
 * were not erased before: the customer reference and the narrative go; identity numbers, e-mail
 * addresses, phone numbers, card numbers and IBANs are masked in the summary, comments, analysis
 * notes, tag notes and transition notes; the complaints' audit entries are scrubbed alike. Every
 * count behind the metric stays (no complaint, tag or dimension changes), and so does the search on
 * what is left.
 */
export async function erasePersonalData(tx: Tx, complaintIds: string[]): Promise<number> {
  if (complaintIds.length === 0) return 0;
  // The complaints' own customer references are found in every text, however written.
  const customerRefs = rowsOf<{ ref: string }>(
    await tx.execute(
      sql`select distinct customer_ref as ref from complaints where id in (select value::uuid from json_array_elements_text(${JSON.stringify(complaintIds)}::json)) and customer_ref is not null`,
    ),
  ).map((r) => r.ref);
  const detect: DetectOptions = { customerRefs };
  const ids = JSON.stringify(complaintIds);
  const idList = sql`(select value::uuid from json_array_elements_text(${ids}::json))`;
  // The one session setting under which the append-only audit log lets snapshots be scrubbed.
  await tx.execute(sql`set local app.erasing_personal_data = 'on'`);

  const complaints = rowsOf<{ id: string; summary: string }>(
    await tx.execute(
      sql`select id::text, summary from complaints where id in ${idList} and anonymised_at is null for update`,
    ),
  );
  if (complaints.length) {
    const rows = complaints.map((c) => ({ id: c.id, summary: redactText(c.summary, detect) }));
    await tx.execute(sql`
      update complaints c set customer_ref = null, narrative = null, summary = x.summary, anonymised_at = now(),
        version = c.version + 1, updated_at = now()
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, summary text)
      where c.id = x.id`);
  }

  const texts = async (query: ReturnType<typeof sql>) => rowsOf<TextRow>(await tx.execute(query));
  await maskColumn(
    tx,
    "comments",
    "id",
    "body",
    await texts(sql`select id::text, body as text from comments where complaint_id in ${idList}`),
    detect,
  );
  await maskColumn(
    tx,
    "analysis_notes",
    "id",
    "findings",
    await texts(sql`select id::text, findings as text from analysis_notes where complaint_id in ${idList}`),
    detect,
  );
  await maskColumn(
    tx,
    "status_transitions",
    "id",
    "note",
    await texts(sql`select id::text, note as text from status_transitions where complaint_id in ${idList}`),
    detect,
  );
  await eraseElsewhere(tx, idList, detect);
  const whys = rowsOf<{ id: string; whys: string[] }>(
    await tx.execute(
      sql`select id::text, whys from analysis_notes where complaint_id in ${idList} and jsonb_array_length(whys) > 0`,
    ),
  ).flatMap((n) => {
    const masked = n.whys.map((w) => redactText(w, detect));
    return masked.some((w, i) => w !== n.whys[i]) ? [{ id: n.id, whys: masked }] : [];
  });
  if (whys.length) {
    await tx.execute(sql`
      update analysis_notes n set whys = x.whys
      from json_to_recordset(${JSON.stringify(whys)}::json) as x(id uuid, whys jsonb) where n.id = x.id`);
  }
  const tagNotes = rowsOf<{ complaint_id: string; root_cause_id: string; note: string }>(
    await tx.execute(
      sql`select complaint_id::text, root_cause_id::text, note from complaint_root_causes where complaint_id in ${idList} and note is not null`,
    ),
  ).flatMap((t) =>
    redactText(t.note, detect) === t.note
      ? []
      : [{ c: t.complaint_id, r: t.root_cause_id, note: redactText(t.note, detect) }],
  );
  if (tagNotes.length) {
    await tx.execute(sql`
      update complaint_root_causes t set note = x.note
      from json_to_recordset(${JSON.stringify(tagNotes)}::json) as x(c uuid, r uuid, note text)
      where t.complaint_id = x.c and t.root_cause_id = x.r`);
  }

  // Only entries filed under the complaints: every writer of complaint text files its entries there
  // (a new writer that files complaint text under another entity must be added here).
  const entries = rowsOf<{ id: number; before: unknown; after: unknown }>(
    await tx.execute(sql`
      select id, before, after from audit_log
      where entity_type = 'complaint' and entity_id in (select value from json_array_elements_text(${ids}::json))`),
  ).flatMap((e) => {
    const before = scrubSnapshot(e.before, undefined, detect);
    const after = scrubSnapshot(e.after, undefined, detect);
    return JSON.stringify(before) === JSON.stringify(e.before) && JSON.stringify(after) === JSON.stringify(e.after)
      ? []
      : [{ id: Number(e.id), before, after }];
  });
  if (entries.length) {
    await tx.execute(sql`
      update audit_log a set before = x.before, after = x.after
      from json_to_recordset(${JSON.stringify(entries)}::json) as x(id bigint, before jsonb, after jsonb)
      where a.id = x.id`);
  }
  return complaints.length;
}
