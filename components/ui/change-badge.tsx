import { useLocale } from "next-intl";
import { changeTone, formatChange } from "@/lib/metric/format";
import { cn } from "@/lib/utils/cn";

/** A relative change as a pill: green when complaints fell, red when they rose, muted without one. */
export function ChangeBadge({ value, label }: { value: number | null | undefined; label?: string }) {
  const locale = useLocale();
  const tone = value == null ? null : changeTone(value);
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium tabular-nums",
        tone === null && "text-zinc-500",
        tone === "good" && "bg-emerald-50 text-emerald-800",
        tone === "bad" && "bg-red-50 text-red-800",
        tone === "flat" && "bg-zinc-100 text-zinc-700",
      )}
    >
      {formatChange(value, locale)}
      {label ? <span className="font-normal">{label}</span> : null}
    </span>
  );
}
