"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/hooks";

export function DataTablePagination({
  page,
  perPage,
  total,
  totalIsEstimate = false,
  perPageOptions = [25, 50, 100, 200],
  onPageChange,
  onPerPageChange,
}: {
  page: number;
  perPage: number;
  total: number;
  /** The total is an estimate: say "about", and let Next run on until a page comes back short. */
  totalIsEstimate?: boolean;
  perPageOptions?: number[];
  onPageChange: (page: number) => void;
  onPerPageChange: (perPage: number) => void;
}) {
  const t = useTranslations("table");
  const { number } = useFormat();
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  return (
    <nav
      aria-label={t("pagination")}
      className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm text-zinc-600"
    >
      <p aria-live="polite">
        {t(totalIsEstimate ? "rangeAbout" : "range", { from: number(from), to: number(to), total: number(total) })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="per-page" className="whitespace-nowrap">
          {t("rowsPerPage")}
        </label>
        <Select
          id="per-page"
          className="w-24"
          value={perPage}
          onChange={(e) => onPerPageChange(Number(e.target.value))}
        >
          {[...new Set([...perPageOptions, perPage])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </Select>
        <Button
          variant="secondary"
          size="sm"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
          aria-label={t("previousPage")}
        >
          <ChevronLeft />
        </Button>
        <span className="whitespace-nowrap">
          {t(totalIsEstimate ? "pageOfAbout" : "pageOf", { page: number(page), pages: number(pages) })}
        </span>
        <Button
          variant="secondary"
          size="sm"
          disabled={totalIsEstimate ? to < page * perPage : page >= pages}
          onClick={() => onPageChange(page + 1)}
          aria-label={t("nextPage")}
        >
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}
