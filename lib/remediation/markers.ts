// No `server-only` marker: the dashboard's data (which the benchmark calls) reads these.
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import type { RemediationStatus } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { Executor } from "@/lib/metric/queries";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { withholdSmallCheck } from "./effectiveness";
import { readVerdict, type VerdictKind } from "./verdict";

/** An action that shipped, as a marker on the zero-mission chart: its month, title and latest verdict. */
export type ShippedActionMarker = {
  id: string;
  title: string;
  shippedOn: string;
  /** The chart month it sits on (YYYY-MM). */
  month: string;
  status: RemediationStatus;
  /** Null for an action that applies to all markets. */
  market: string | null;
  /** The latest effectiveness check's verdict in the reader's language; null when none has been run. */
  verdict: string | null;
  /** Which way that check came out (null when none has been run, or an old verdict of no known kind). */
  verdictKind: VerdictKind | null;
};

/**
 * Shipped (or verified) actions whose shipped date falls in the months `from`–`to`: for a market, its
 * own actions and those for all markets; for all markets, every action. Leadership reads these, so
 * only the action and its verdict are answered (a verdict that gives back a small count is withheld),
 * never a complaint.
 */
export async function getShippedActionMarkers(
  scope: {
    market: string | null;
    from: string;
    to: string;
    suppressSmallCells: boolean;
    access: PersonalDataAccess;
    locale?: Locale;
  },
  executor: Executor = db,
): Promise<ShippedActionMarker[]> {
  const rows = rowsOf<{
    id: string;
    title: string;
    shippedOn: string;
    status: RemediationStatus;
    market: string | null;
    verdict: string | null;
    beforeComplaints: number | null;
    afterComplaints: number | null;
  }>(
    await executor.execute(sql`
      select a.id::text as id, a.title, a.shipped_on::text as "shippedOn", a.status::text as status, a.market,
             c.verdict, c.before_complaints as "beforeComplaints", c.after_complaints as "afterComplaints"
      from remediation_actions a
      left join lateral (
        select verdict, before_complaints, after_complaints from effectiveness_checks
        where action_id = a.id order by computed_at desc, id limit 1
      ) c on true
      where a.status in ('shipped', 'verified')
        and a.shipped_on >= ${`${scope.from}-01`}::date
        and a.shipped_on < (${`${scope.to}-01`}::date + interval '1 month')
        ${scope.market ? sql`and (a.market is null or a.market = ${scope.market})` : sql``}
      order by a.shipped_on, a.title`),
  );
  const latest = (r: (typeof rows)[number]) => {
    if (r.verdict === null) return { verdict: null, verdictKind: null };
    const figures = { rateBefore: null, rateAfter: null, rateRatio: null, ciLow: null, ciHigh: null };
    const check = withholdSmallCheck({ ...r, verdict: r.verdict, ...figures }, scope.suppressSmallCells);
    const { verdict, kind } = readVerdict(check, scope.locale ?? DEFAULT_LOCALE);
    return { verdict, verdictKind: kind };
  };
  return rows.map((r) => ({
    id: r.id,
    // A title is free text: it passes the personal-data gate like the action page's.
    title: gateText(scope.access, r.title),
    shippedOn: r.shippedOn,
    month: r.shippedOn.slice(0, 7),
    status: r.status,
    market: r.market,
    ...latest(r),
  }));
}
