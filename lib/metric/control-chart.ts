import { type MonthFigure, PER } from "./compute";

/**
 * A u-chart over monthly complaint rates. Complaints are counts over an exposure (purchases) that
 * changes month to month, so each month gets its own limits: ū ± 3·√(ū / nᵢ). A month outside its
 * limits is a real change, not noise. All outputs are in per-million units, like the metric.
 */

export type ControlSignal = "above" | "below" | null;

export type ControlPoint = {
  month: string;
  perMillion: number | null;
  centre: number | null;
  upper: number | null;
  lower: number | null;
  signal: ControlSignal;
};

export type ControlChart = { centre: number | null; points: ControlPoint[] };

export function uChart(months: ReadonlyArray<Pick<MonthFigure, "month" | "complaints" | "purchases">>): ControlChart {
  const covered = months.filter((m) => m.purchases != null && m.purchases > 0);
  const totalComplaints = covered.reduce((sum, m) => sum + m.complaints, 0);
  const totalPurchases = covered.reduce((sum, m) => sum + (m.purchases as number), 0);
  const uBar = totalPurchases > 0 ? totalComplaints / totalPurchases : null;
  const points = months.map((m): ControlPoint => {
    if (uBar == null || m.purchases == null || m.purchases <= 0) {
      return {
        month: m.month,
        perMillion: null,
        centre: uBar == null ? null : uBar * PER,
        upper: null,
        lower: null,
        signal: null,
      };
    }
    const u = m.complaints / m.purchases;
    const sigma = Math.sqrt(uBar / m.purchases);
    const upper = uBar + 3 * sigma;
    const lower = Math.max(0, uBar - 3 * sigma);
    const signal: ControlSignal = u > upper ? "above" : u < lower ? "below" : null;
    return { month: m.month, perMillion: u * PER, centre: uBar * PER, upper: upper * PER, lower: lower * PER, signal };
  });
  return { centre: uBar == null ? null : uBar * PER, points };
}
