import { inArray, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { authorities, products, rootCauses } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { Channel, JourneyStage, Role } from "@/lib/domain/values";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { perMillion } from "./compute";
import { monthRange } from "./months";
import type { Executor } from "./queries";
import { complementOf, isSmallCount, suppressesSmallCells } from "./suppression";

export type BreakdownRow = {
  key: string;
  label: string;
  /** Null when the cell is suppressed (fewer than SMALL_CELL_THRESHOLD complaints, for leadership). */
  complaints: number | null;
  perMillion: number | null;
  /** Products only: complaints per million purchases of that product, where product volumes exist. */
  productPerMillion?: number | null;
  suppressed: boolean;
  /** Withheld although not small, so that the one small cell of its breakdown cannot be worked out from the total. */
  complement?: boolean;
  /** The complaint list filtered to this cell, for roles that may read complaints. */
  href: string | null;
};

export type BreakdownId = "channel" | "product" | "journeyStage" | "appUser" | "rootCause";
export type Breakdown = { id: BreakdownId; title: string; rows: BreakdownRow[] };

type Scope = {
  market: string | null;
  from: string;
  to: string;
  role: Role;
  purchases: number | null;
  /** The reader's language, for the rows named by a code (channel, journey stage, app use). */
  locale?: Locale;
};

/** Only months with a market volume count, exactly as in the headline figure. */
const COVERED = sql.raw(
  `join purchase_volumes v on v.market = r.market and v.month = r.month and v.product_id is null and v.purchases > 0`,
);

function marketFilter(market: string | null) {
  return market ? sql`and r.market = ${market}` : sql``;
}

type Cell = {
  key: string;
  label: string;
  count: number;
  filters: Record<string, string> | null;
  productPerMillion?: number | null;
};

/**
 * The dashboard's breakdowns per million purchases over a period, from the rollups (one grouping-sets
 * query and one root-cause query). Small cells are suppressed here, on the server, for roles that see
 * aggregates only, so their counts never reach the browser.
 */
export async function getBreakdowns(scope: Scope, executor: Executor = db): Promise<Breakdown[]> {
  const { market, from, to } = scope;
  const words = messagesFor(scope.locale ?? "en");
  const { channel: CHANNEL_LABELS, journeyStage: JOURNEY_STAGE_LABELS } = words.codes;
  const named = words.dashboard.cells;
  const titles = words.dashboard.breakdown;
  const grouped = rowsOf<{
    channel: Channel | null;
    authority_id: string | null;
    product_id: string | null;
    journey_stage: JourneyStage | null;
    app_user: boolean | null;
    g_channel: number;
    g_product: number;
    g_stage: number;
    count: number;
  }>(
    await executor.execute(sql`
      select r.channel::text as channel, r.authority_id::text as authority_id, r.product_id::text as product_id,
             r.journey_stage::text as journey_stage, r.app_user,
             grouping(r.channel)::int as g_channel, grouping(r.product_id)::int as g_product,
             grouping(r.journey_stage)::int as g_stage, sum(r.count)::int as count
      from complaint_month_counts r ${COVERED}
      where r.month between ${from} and ${to} and not r.excluded ${marketFilter(market)}
      group by grouping sets ((r.channel, r.authority_id), (r.product_id), (r.journey_stage), (r.app_user))
      having sum(r.count) > 0`),
  );
  const causes = rowsOf<{ root_cause_id: string; count: number }>(
    await executor.execute(sql`
      select r.root_cause_id::text as root_cause_id, sum(r.count)::int as count
      from root_cause_month_counts r ${COVERED}
      where r.month between ${from} and ${to} and not r.excluded ${marketFilter(market)}
      group by r.root_cause_id having sum(r.count) > 0`),
  );

  const channelRows = grouped.filter((g) => Number(g.g_channel) === 0);
  const productRows = grouped.filter((g) => Number(g.g_product) === 0);
  const stageRows = grouped.filter((g) => Number(g.g_stage) === 0);
  const appRows = grouped.filter(
    (g) => Number(g.g_channel) === 1 && Number(g.g_product) === 1 && Number(g.g_stage) === 1,
  );

  const names = await namesFor(
    channelRows.map((r) => r.authority_id).filter((id): id is string => !!id),
    productRows.map((r) => r.product_id).filter((id): id is string => !!id),
    causes.map((r) => r.root_cause_id),
    executor,
  );
  const productRates = await productRatesFor(
    scope,
    productRows.map((r) => r.product_id).filter((id): id is string => !!id),
    executor,
  );

  const channel: Cell[] = channelRows.map(
    (r): Cell => ({
      key: `${r.channel}:${r.authority_id ?? ""}`,
      label: r.authority_id ? (names.get(r.authority_id) ?? CHANNEL_LABELS[r.channel!]) : CHANNEL_LABELS[r.channel!],
      count: Number(r.count),
      filters: r.authority_id ? { channel: r.channel!, authority: r.authority_id } : { channel: r.channel! },
    }),
  );
  const product: Cell[] = productRows.map(
    (r): Cell => ({
      key: r.product_id ?? "none",
      label: r.product_id ? (names.get(r.product_id) ?? named.unknownProduct) : named.noProduct,
      count: Number(r.count),
      filters: r.product_id ? { product: r.product_id } : null,
      productPerMillion: r.product_id ? (productRates.get(r.product_id) ?? null) : null,
    }),
  );
  const stage: Cell[] = stageRows.map(
    (r): Cell => ({
      key: r.journey_stage ?? "none",
      label: r.journey_stage ? JOURNEY_STAGE_LABELS[r.journey_stage] : named.noStage,
      count: Number(r.count),
      filters: r.journey_stage ? { journey_stage: r.journey_stage } : null,
    }),
  );
  const app: Cell[] = appRows.map(
    (r): Cell => ({
      key: r.app_user == null ? "unknown" : String(r.app_user),
      label: r.app_user == null ? named.notKnown : r.app_user ? named.appUsers : named.notAppUsers,
      count: Number(r.count),
      filters: { app_user: r.app_user == null ? "unknown" : r.app_user ? "yes" : "no" },
    }),
  );
  const cause: Cell[] = causes.map(
    (r): Cell => ({
      key: r.root_cause_id,
      label: names.get(r.root_cause_id) ?? named.unknownRootCause,
      count: Number(r.count),
      filters: { root_cause: r.root_cause_id },
    }),
  );

  const finish = (cells: Cell[]) => withholdComplement(cells.map((c) => toRow(c, scope))).sort(byRate);
  return [
    { id: "channel", title: titles.channel, rows: finish(channel) },
    { id: "product", title: titles.product, rows: finish(product) },
    { id: "journeyStage", title: titles.journeyStage, rows: finish(stage) },
    { id: "appUser", title: titles.appUser, rows: finish(app) },
    { id: "rootCause", title: titles.rootCause, rows: finish(cause) },
  ];
}

/** A breakdown's cells add up to the period's figure: one withheld cell takes its complement along. */
function withholdComplement(rows: BreakdownRow[]): BreakdownRow[] {
  const complement = complementOf(
    rows,
    (r) => r.suppressed,
    (r) => r.complaints,
  );
  return rows.map((r) =>
    r === complement
      ? {
          ...r,
          complaints: null,
          perMillion: null,
          ...("productPerMillion" in r ? { productPerMillion: null } : {}),
          suppressed: true,
          complement: true,
          href: null,
        }
      : r,
  );
}

function toRow(cell: Cell, scope: Scope): BreakdownRow {
  const suppressed = suppressesSmallCells(scope.role) && isSmallCount(cell.count);
  if (suppressed) {
    return {
      key: cell.key,
      label: cell.label,
      complaints: null,
      perMillion: null,
      suppressed,
      href: null,
      ...("productPerMillion" in cell ? { productPerMillion: null } : {}),
    };
  }
  return {
    key: cell.key,
    label: cell.label,
    complaints: cell.count,
    perMillion: perMillion(cell.count, scope.purchases),
    ...("productPerMillion" in cell ? { productPerMillion: cell.productPerMillion } : {}),
    suppressed,
    href: can(scope.role, "complaints:read") && cell.filters ? drillDownHref(scope, cell.filters) : null,
  };
}

function byRate(a: BreakdownRow, b: BreakdownRow): number {
  if (a.suppressed !== b.suppressed) return a.suppressed ? 1 : -1;
  return (b.complaints ?? 0) - (a.complaints ?? 0) || a.label.localeCompare(b.label);
}

/** A link into the complaint list with the same market, period and cell, excluded complaints left out. */
export function drillDownHref(
  scope: { market: string | null; from: string; to: string },
  filters: Record<string, string>,
) {
  const { start, end } = monthRange(scope.from, scope.to);
  const lastDay = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const params = new URLSearchParams();
  if (scope.market) params.set("market", scope.market);
  params.set("received_from", start);
  params.set("received_to", lastDay);
  params.set("excluded", "no");
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  return `/complaints?${params.toString()}`;
}

async function namesFor(authorityIds: string[], productIds: string[], causeIds: string[], executor: Executor) {
  const names = new Map<string, string>();
  const parts = [
    authorityIds.length
      ? sql`select id::text, name from ${authorities} where ${inArray(authorities.id, authorityIds)}`
      : null,
    productIds.length ? sql`select id::text, name from ${products} where ${inArray(products.id, productIds)}` : null,
    causeIds.length ? sql`select id::text, name from ${rootCauses} where ${inArray(rootCauses.id, causeIds)}` : null,
  ].filter((part): part is SQL => part !== null);
  if (parts.length === 0) return names;
  // One round trip for all three kinds of name.
  for (const row of rowsOf<{ id: string; name: string }>(await executor.execute(sql.join(parts, sql` union all `)))) {
    names.set(row.id, row.name);
  }
  return names;
}

/** Per-product rates: a product's complaints over its own purchases, in the months that have both. */
async function productRatesFor(scope: Scope, productIds: string[], executor: Executor) {
  const rates = new Map<string, number | null>();
  if (productIds.length === 0) return rates;
  const rows = rowsOf<{ product_id: string; complaints: number; purchases: number }>(
    await executor.execute(sql`
      with pv as (
        select market, month, product_id, purchases from purchase_volumes
        where product_id is not null and purchases > 0 and month between ${scope.from} and ${scope.to}
          ${scope.market ? sql`and market = ${scope.market}` : sql``}
      ),
      pc as (
        select r.market, r.month, r.product_id, sum(r.count)::int as complaints
        from complaint_month_counts r
        where not r.excluded and r.month between ${scope.from} and ${scope.to} ${marketFilter(scope.market)}
          and r.product_id in (select product_id from pv)
        group by 1, 2, 3
      )
      select pv.product_id::text as product_id, coalesce(sum(pc.complaints), 0)::int as complaints,
             sum(pv.purchases)::float8 as purchases
      from pv left join pc on pc.market = pv.market and pc.month = pv.month and pc.product_id = pv.product_id
      group by pv.product_id`),
  );
  for (const row of rows) rates.set(row.product_id, perMillion(Number(row.complaints), Number(row.purchases)));
  return rates;
}
