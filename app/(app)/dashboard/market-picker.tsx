import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";

/** Market tabs as plain links: the choice lives in the URL and works without JavaScript. */
export function MarketPicker({
  markets,
  current,
  basePath = "/dashboard",
  allowAll = true,
}: {
  markets: { code: string; name: string }[];
  current: string | null;
  basePath?: string;
  allowAll?: boolean;
}) {
  const t = useTranslations("dashboard");
  const options = [
    ...markets.map((m) => ({ value: m.code, label: m.name })),
    ...(allowAll ? [{ value: "all", label: t("allMarkets") }] : []),
  ];
  return (
    // Fourteen markets do not fit one row on a phone (or a laptop): the tabs wrap.
    <nav
      aria-label={t("chooseMarket")}
      className="inline-flex max-w-full flex-wrap rounded-md border border-zinc-300 bg-white p-0.5 shadow-xs"
    >
      {options.map((o) => {
        const active = (current ?? "all") === o.value;
        return (
          <Link
            key={o.value}
            href={`${basePath}?market=${o.value}`}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded px-3 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100",
              active && "bg-zinc-900 text-white hover:bg-zinc-800",
            )}
          >
            {o.label}
          </Link>
        );
      })}
    </nav>
  );
}
