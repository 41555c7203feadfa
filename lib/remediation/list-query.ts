import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { effectivenessChecks, products, remediationActions, remediationRootCauses, users } from "@/db/schema";
import type { RemediationStatus } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { withholdSmallCheck } from "./effectiveness";
import type { RemediationFilters, RemediationSortKey } from "./filters";
import { readVerdict, type VerdictKind } from "./verdict";
import { isOverdue } from "./workflow";

export type LatestCheck = {
  id: string;
  computedAt: string;
  /** In the reader's language (a check stored before as an English sentence: as it was written). */
  verdict: string;
  kind: VerdictKind | null;
  beforeComplaints: number | null;
  afterComplaints: number | null;
  /** Withheld from a role that sees aggregates only (fewer than 5 complaints in a window). */
  withheld: boolean;
  rateBefore: number | null;
  rateAfter: number | null;
  rateRatio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
};

export type RemediationListRow = {
  id: string;
  title: string;
  status: RemediationStatus;
  ownerId: string | null;
  ownerName: string | null;
  market: string | null;
  productId: string | null;
  productName: string | null;
  dueOn: string | null;
  shippedOn: string | null;
  overdue: boolean;
  version: number;
  updatedAt: string;
  rootCauses: { id: string; name: string }[];
  latestCheck: LatestCheck | null;
};

const owner = alias(users, "owner");

const SORT_COLUMNS: Record<RemediationSortKey, SQL | typeof remediationActions.title> = {
  title: remediationActions.title,
  status: sql`${remediationActions.status}`,
  owner: sql`${owner.name}`,
  dueOn: sql`${remediationActions.dueOn}`,
  shippedOn: sql`${remediationActions.shippedOn}`,
  market: sql`${remediationActions.market}`,
  updatedAt: sql`${remediationActions.updatedAt}`,
  createdAt: sql`${remediationActions.createdAt}`,
};

export function remediationWhere(
  filters: Pick<RemediationFilters, "status" | "owner" | "rootCause" | "market">,
): SQL | undefined {
  return and(
    filters.status.length ? inArray(remediationActions.status, filters.status) : undefined,
    filters.owner.length ? inArray(remediationActions.ownerId, filters.owner) : undefined,
    filters.market.length ? inArray(remediationActions.market, filters.market) : undefined,
    filters.rootCause.length
      ? sql`exists (select 1 from ${remediationRootCauses} where ${remediationRootCauses.actionId} = ${remediationActions.id} and ${inArray(remediationRootCauses.rootCauseId, filters.rootCause)})`
      : undefined,
  );
}

// json from a subquery: postgres.js and PGlite both parse it, but stay safe if a driver hands back text.
const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

const rootCausesJson = sql<unknown>`(
  select coalesce(json_agg(json_build_object('id', rc.id, 'name', rc.name) order by rc.name), '[]'::json)
  from remediation_root_causes rrc join root_causes rc on rc.id = rrc.root_cause_id
  where rrc.action_id = ${remediationActions.id})`;

const latestCheckJson = sql<unknown>`(
  select json_build_object('id', e.id, 'computedAt', e.computed_at, 'verdict', e.verdict,
    'beforeComplaints', e.before_complaints, 'afterComplaints', e.after_complaints, 'rateBefore', e.rate_before,
    'rateAfter', e.rate_after, 'rateRatio', e.rate_ratio, 'ciLow', e.ci_low, 'ciHigh', e.ci_high)
  from ${effectivenessChecks} e where e.action_id = ${remediationActions.id}
  order by e.computed_at desc, e.id desc limit 1)`;

/** One page of actions with their root causes and latest check, and the total, in one round trip. */
export async function listRemediationActions(
  q: Db | Tx,
  filters: RemediationFilters,
  options: { suppressSmallCells?: boolean; access?: PersonalDataAccess; today?: string; locale?: Locale } = {},
): Promise<{ rows: RemediationListRow[]; total: number }> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const where = remediationWhere(filters);
  const order = filters.sort.direction === "desc" ? desc : asc;
  const rows = await q
    .select({
      id: remediationActions.id,
      title: remediationActions.title,
      status: remediationActions.status,
      ownerId: remediationActions.ownerId,
      ownerName: owner.name,
      market: remediationActions.market,
      productId: remediationActions.productId,
      productName: products.name,
      dueOn: remediationActions.dueOn,
      shippedOn: remediationActions.shippedOn,
      version: remediationActions.version,
      updatedAt: remediationActions.updatedAt,
      rootCauses: rootCausesJson,
      latestCheck: latestCheckJson,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(remediationActions)
    .leftJoin(owner, eq(owner.id, remediationActions.ownerId))
    .leftJoin(products, eq(products.id, remediationActions.productId))
    .where(where)
    .orderBy(sql`${order(SORT_COLUMNS[filters.sort.key])} nulls last`, asc(remediationActions.id))
    .limit(filters.perPage)
    .offset((filters.page - 1) * filters.perPage);
  let total = rows[0]?.total ?? 0;
  // Past the last page the window count has no row to ride on.
  if (!rows.length && filters.page > 1) total = await q.$count(remediationActions, where);
  return {
    total,
    rows: rows.map(({ total: _total, rootCauses, latestCheck, updatedAt, ...row }) => {
      const check = json<(Omit<LatestCheck, "computedAt" | "withheld" | "kind"> & { computedAt: string }) | null>(
        latestCheck,
      );
      return {
        ...row,
        title: gateText(options.access ?? "full", row.title),
        overdue: isOverdue(row, today),
        updatedAt: updatedAt.toISOString(),
        rootCauses: json<{ id: string; name: string }[]>(rootCauses),
        latestCheck: check
          ? readVerdict(
              withholdSmallCheck(
                { ...check, computedAt: new Date(check.computedAt).toISOString() },
                !!options.suppressSmallCells,
              ),
              options.locale ?? DEFAULT_LOCALE,
            )
          : null,
      };
    }),
  };
}
