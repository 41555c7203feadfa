import type { Kappa } from "@/lib/root-causes/kappa";
import { kappaVerdict } from "@/lib/root-causes/kappa";
import { cn } from "@/lib/utils/cn";

/** κ with its verdict (and, in full, its confidence interval), coloured by strength. */
export function KappaFigure({ kappa, compact = false }: { kappa: Kappa; compact?: boolean }) {
  const k = kappa.kappa;
  const tone = k == null ? "text-zinc-600" : k > 0.6 ? "text-emerald-700" : k > 0.4 ? "text-amber-700" : "text-red-700";
  return (
    <span className={cn("tabular-nums", tone)}>
      <span className="font-semibold">{k == null ? "κ not defined" : `κ ${k.toFixed(2)}`}</span> {kappaVerdict(k)}
      {!compact && kappa.low != null && kappa.high != null ? (
        <span className="text-zinc-500">
          {" "}
          (95 % CI {kappa.low.toFixed(2)} to {kappa.high.toFixed(2)})
        </span>
      ) : null}
    </span>
  );
}
