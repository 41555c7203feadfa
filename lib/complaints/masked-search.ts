import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { findPersonalData } from "@/lib/privacy/redact";

export type SearchableRow = {
  id: string;
  summary: string;
  narrative: string | null;
  customerRef: string | null;
  market: string;
};

/** The text with its personal data blanked to spaces (offsets kept): what a masked reader may be found by. */
export function blankPersonalData(text: string, customerRefs: (string | null)[]): string {
  let out = text;
  for (const s of findPersonalData(text, { customerRefs })) {
    out = out.slice(0, s.start) + " ".repeat(s.end - s.start) + out.slice(s.end);
  }
  return out;
}

const CHUNK = 1000;
const VECTOR =
  sql.raw(`(setweight(to_tsvector(case when x.market = 'SE' then 'swedish'::regconfig else 'english'::regconfig end, x.summary), 'A')
  || setweight(to_tsvector(case when x.market = 'SE' then 'swedish'::regconfig else 'english'::regconfig end, coalesce(x.narrative, '')), 'B'))`);

/**
 * A search as a reader without personal-data access runs it: of these rows (which matched the stored
 * text), those that still match once their personal data is blanked, so that searching an identity
 * number, an e-mail address, a card number or the first digits of one finds nothing. With
 * `headlineOptions`, each kept row's ts_headline over the blanked text, so no highlighted word comes
 * from personal data. Rows without personal data are kept as they are, unless a headline is asked for.
 */
export async function matchWithoutPersonalData(
  q: Db | Tx,
  rows: SearchableRow[],
  query: SQL,
  headlineOptions?: string,
): Promise<Map<string, string | null>> {
  const kept = new Map<string, string | null>();
  const toCheck: SearchableRow[] = [];
  for (const row of rows) {
    const refs = [row.customerRef];
    const summary = blankPersonalData(row.summary, refs);
    const narrative = row.narrative == null ? null : blankPersonalData(row.narrative, refs);
    if (!headlineOptions && summary === row.summary && narrative === row.narrative) kept.set(row.id, null);
    else toCheck.push({ ...row, summary, narrative });
  }
  for (let i = 0; i < toCheck.length; i += CHUNK) {
    const chunk = toCheck
      .slice(i, i + CHUNK)
      .map(({ id, summary, narrative, market }) => ({ id, summary, narrative, market }));
    const headline = headlineOptions
      ? sql`ts_headline('english'::regconfig, x.summary || ' ' || coalesce(x.narrative, ''), ${query}, ${headlineOptions})`
      : sql`null`;
    const found = rowsOf<{ id: string; headline: string | null }>(
      await q.execute(sql`
        select x.id, ${headline} as headline
        from json_to_recordset(${JSON.stringify(chunk)}::json) as x(id text, summary text, narrative text, market text)
        where ${VECTOR} @@ ${query}`),
    );
    for (const f of found) kept.set(f.id, f.headline);
  }
  return kept;
}
