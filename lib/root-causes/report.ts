import type { Channel, JourneyStage } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { combine, type MonthCell, monthlyFigures, relativeChange } from "@/lib/metric/compute";
import { monthsBetween } from "@/lib/metric/months";
import { complementOf, isSmallCount } from "@/lib/metric/suppression";

/**
 * The root-cause report as pure functions over rollup rows: which causes the complaints in a scope
 * (market, period, product, channel, journey stage) were tagged with, how often per million purchases, and how that
 * moved against the period just before. The database reads are in queries.ts.
 */

export type Period = { from: string; to: string };

/** Tags of one root cause in one market and month (non-excluded complaints only). */
export type CauseCountRow = { rootCauseId: string; market: string; month: string; complaints: number; primary: number };
/** Non-excluded complaints of the scope in one market and month, tagged or not. */
export type ScopeCountRow = { market: string; month: string; complaints: number };
/** The denominator: purchases per market and month (the market's, or the product's when one is chosen). */
export type VolumeRow = { market: string; month: string; purchases: number };

export type RootCauseRow = {
  id: string;
  name: string;
  /** Complaints tagged with this cause in the period (a complaint with two causes counts under each). */
  complaints: number | null;
  /** Of them, complaints whose primary cause it is. */
  primary: number | null;
  /** Share of the period's tagged complaints that carry this cause (0–1). */
  share: number | null;
  /**
   * Pareto: this cause's and every more frequent cause's tags as a share of all tags of the period
   * (0–1, reaching 1 at the last shown cause). Null for a withheld row.
   */
  cumulativeShare: number | null;
  /** Tagged complaints per million purchases, counting months that have a volume only. */
  perMillion: number | null;
  previous: { complaints: number | null; perMillion: number | null; share: number | null };
  /** Relative change of the rate against the previous period (−0.25 = a quarter lower). */
  changeInRate: number | null;
  /**
   * Relative change of the share of tagged complaints against the previous period: compared on
   * tagged complaints only, so a period whose tagging is unfinished does not read as a fall.
   */
  changeInShare: number | null;
  /**
   * Per month of the period: tagged complaints, and the same per million purchases of that month
   * (null where the month has no volume: a gap, never a zero; and where the count is withheld).
   */
  months: { month: string; complaints: number | null; perMillion: number | null }[];
  /** Remediation actions (not cancelled) that address this cause in the market. */
  actions: number;
  /** Of them, actions that have shipped (shipped or verified). */
  shippedActions: number;
  /** Withheld: fewer than SMALL_CELL_THRESHOLD complaints, for roles that see aggregates only. */
  suppressed: boolean;
};

export type RootCauseReport = {
  market: string | null;
  from: string;
  to: string;
  previous: Period;
  product: { id: string; name: string } | null;
  channel: Channel | null;
  journeyStage: JourneyStage | null;
  /** Whose purchases the rates are per million of. */
  denominator: "market" | "product";
  /** Months of the period without any purchase volume in the scope: no rate, gaps in a per-million trend. */
  monthsWithoutVolume: string[];
  /** Purchases of the period's months that have a volume; null when none has. */
  purchases: number | null;
  /** Non-excluded complaints in the scope and period, tagged or not. */
  complaints: number | null;
  /** Of them, complaints with at least one root cause (each has exactly one primary tag). */
  tagged: number | null;
  /** tagged / complaints. */
  coverage: number | null;
  /** The same three for the previous period: compare coverage before comparing counts. */
  previousComplaints: number | null;
  previousTagged: number | null;
  previousCoverage: number | null;
  suppressesSmallCells: boolean;
  rootCauses: RootCauseRow[];
  actionRate: ActionRate;
};

/**
 * How many of the top causes someone is working on: the Pareto's vital few (the most frequent causes
 * up to the one that takes the cumulative share to 80 %) with an open or shipped remediation action.
 */
export type ActionRate = {
  /** The top causes considered. */
  causes: number;
  /** Of them, causes with an action that is not cancelled (open or shipped). */
  withAction: number;
  /** Of them, causes with a shipped (or verified) action. */
  withShipped: number;
  /** withAction / causes; null without any cause. */
  share: number | null;
  /** The top causes nobody has an action for yet, most frequent first. */
  uncovered: { id: string; name: string }[];
};

export const VITAL_FEW_SHARE = 0.8;

export function actionRateOf(rows: readonly RootCauseRow[]): ActionRate {
  const top: RootCauseRow[] = [];
  for (const row of rows) {
    if (row.suppressed || row.cumulativeShare === null) continue;
    top.push(row);
    if (row.cumulativeShare >= VITAL_FEW_SHARE) break;
  }
  const withAction = top.filter((r) => r.actions > 0).length;
  return {
    causes: top.length,
    withAction,
    withShipped: top.filter((r) => r.shippedActions > 0).length,
    share: top.length ? withAction / top.length : null,
    uncovered: top.filter((r) => r.actions === 0).map((r) => ({ id: r.id, name: r.name })),
  };
}

export type ReportInput = {
  period: Period;
  previous: Period;
  causes: CauseCountRow[];
  scope: ScopeCountRow[];
  volumes: VolumeRow[];
  names: Map<string, string>;
  /** The language a cause without a name is named in; English when not given. */
  locale?: Locale;
  actions: Map<string, number>;
  /** Shipped (or verified) actions per cause; none when not given. */
  shippedActions?: Map<string, number>;
  suppressSmallCells: boolean;
};

const key = (market: string, month: string) => `${market}|${month}`;
const within = (month: string, period: Period) => month >= period.from && month <= period.to;

/**
 * A period's market-months: every month with a volume (a month without complaints still adds its
 * purchases) and every month with complaints, so the rate counts only months that have a volume.
 */
function cellsOf(counts: Map<string, number>, volumes: Map<string, number>, period: Period): MonthCell[] {
  const keys = new Set<string>();
  for (const k of volumes.keys()) if (within(k.slice(k.indexOf("|") + 1), period)) keys.add(k);
  for (const k of counts.keys()) if (within(k.slice(k.indexOf("|") + 1), period)) keys.add(k);
  return [...keys].map((k) => {
    const bar = k.indexOf("|");
    return {
      market: k.slice(0, bar),
      month: k.slice(bar + 1),
      complaints: counts.get(k) ?? 0,
      purchases: volumes.get(k) ?? null,
    };
  });
}

const small = (count: number, suppress: boolean) => suppress && isSmallCount(count);

/** Complementary suppression: a cause's months add up to its total, the primary tags to the tagged complaints. */
function withholdComplements(rows: RootCauseRow[]) {
  for (const row of rows) {
    if (row.suppressed) continue;
    const month = complementOf(
      row.months,
      (m) => m.complaints === null,
      (m) => m.complaints,
    );
    if (month) month.complaints = null;
  }
  const row = complementOf(
    rows,
    (r) => r.primary === null,
    (r) => r.primary,
  );
  if (row) row.primary = null;
}

export function buildReport(
  input: ReportInput,
): Omit<RootCauseReport, "market" | "product" | "channel" | "journeyStage" | "denominator"> {
  const { period, previous, suppressSmallCells: suppress } = input;
  const volumes = new Map(input.volumes.map((v) => [key(v.market, v.month), v.purchases]));

  const scopeCounts = new Map<string, number>();
  for (const row of input.scope)
    scopeCounts.set(key(row.market, row.month), (scopeCounts.get(key(row.market, row.month)) ?? 0) + row.complaints);
  const scopeFigure = combine(cellsOf(scopeCounts, volumes, period));

  const previousScope = combine(cellsOf(scopeCounts, volumes, previous));
  type Tally = { counts: Map<string, number>; primary: number; previousPrimary: number };
  const byCause = new Map<string, Tally>();
  for (const row of input.causes) {
    let tally = byCause.get(row.rootCauseId);
    if (!tally) byCause.set(row.rootCauseId, (tally = { counts: new Map(), primary: 0, previousPrimary: 0 }));
    if (within(row.month, previous)) tally.previousPrimary += row.primary;
    const k = key(row.market, row.month);
    tally.counts.set(k, (tally.counts.get(k) ?? 0) + row.complaints);
    if (within(row.month, period)) tally.primary += row.primary;
  }
  let tagged = 0;
  let previousTagged = 0;
  for (const tally of byCause.values()) {
    tagged += tally.primary;
    previousTagged += tally.previousPrimary;
  }

  const rows: RootCauseRow[] = [...byCause.entries()].map(([id, tally]) => {
    const cells = cellsOf(tally.counts, volumes, period);
    const now = combine(cells);
    const before = combine(cellsOf(tally.counts, volumes, previous));
    const suppressed = small(now.complaints, suppress);
    const previousSuppressed = small(before.complaints, suppress);
    const share = suppressed || tagged === 0 ? null : now.complaints / tagged;
    const previousShare = previousSuppressed || previousTagged === 0 ? null : before.complaints / previousTagged;
    const monthly = monthlyFigures(cells, period.from, period.to);
    return {
      id,
      name: input.names.get(id) ?? phraseIn(input.locale ?? DEFAULT_LOCALE, "dashboard.cells.unknownRootCause"),
      complaints: suppressed ? null : now.complaints,
      primary: suppressed || small(tally.primary, suppress) ? null : tally.primary,
      share,
      cumulativeShare: null,
      perMillion: suppressed ? null : now.perMillion,
      previous: {
        complaints: previousSuppressed ? null : before.complaints,
        perMillion: previousSuppressed ? null : before.perMillion,
        share: previousShare,
      },
      changeInRate: suppressed || previousSuppressed ? null : relativeChange(now.perMillion, before.perMillion),
      changeInShare: share === null || previousShare === null ? null : relativeChange(share, previousShare),
      months: monthly.map(({ month, complaints, perMillion }) => ({
        month,
        complaints: suppressed || small(complaints, suppress) ? null : complaints,
        perMillion,
      })),
      actions: input.actions.get(id) ?? 0,
      shippedActions: input.shippedActions?.get(id) ?? 0,
      suppressed,
    };
  });
  if (suppress) withholdComplements(rows);
  // A withheld count's rate would give the count back.
  for (const row of rows) for (const m of row.months) if (m.complaints === null) m.perMillion = null;
  rows.sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      (b.complaints ?? 0) - (a.complaints ?? 0) ||
      (b.previous.complaints ?? 0) - (a.previous.complaints ?? 0) ||
      a.name.localeCompare(b.name),
  );

  // Over the shown rows only, so a withheld cause cannot be worked out from the last cumulative share.
  const tags = rows.reduce((sum, r) => sum + (r.suppressed ? 0 : (r.complaints ?? 0)), 0);
  let running = 0;
  for (const row of rows) {
    if (row.suppressed || row.complaints === null || tags === 0) continue;
    running += row.complaints;
    row.cumulativeShare = running / tags;
  }

  const complaintsSuppressed = small(scopeFigure.complaints, suppress);
  const taggedSuppressed = small(tagged, suppress);
  const monthsWithVolume = new Set(input.volumes.filter((v) => v.purchases > 0).map((v) => v.month));
  return {
    from: period.from,
    to: period.to,
    previous,
    monthsWithoutVolume: monthsBetween(period.from, period.to).filter((m) => !monthsWithVolume.has(m)),
    purchases: scopeFigure.purchases,
    complaints: complaintsSuppressed ? null : scopeFigure.complaints,
    tagged: taggedSuppressed ? null : tagged,
    coverage:
      complaintsSuppressed || taggedSuppressed || scopeFigure.complaints === 0 ? null : tagged / scopeFigure.complaints,
    previousComplaints: small(previousScope.complaints, suppress) ? null : previousScope.complaints,
    previousTagged: small(previousTagged, suppress) ? null : previousTagged,
    previousCoverage:
      small(previousScope.complaints, suppress) || small(previousTagged, suppress) || previousScope.complaints === 0
        ? null
        : previousTagged / previousScope.complaints,
    suppressesSmallCells: suppress,
    rootCauses: rows,
    actionRate: actionRateOf(rows),
  };
}
