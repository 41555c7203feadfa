"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

const numbers = new Intl.NumberFormat("en-GB");

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
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  const about = totalIsEstimate ? "about " : "";
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm text-zinc-600"
    >
      <p aria-live="polite">
        {numbers.format(from)}–{numbers.format(to)} of {about}
        {numbers.format(total)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="per-page" className="whitespace-nowrap">
          Rows per page
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
          aria-label="Previous page"
        >
          <ChevronLeft />
        </Button>
        <span className="whitespace-nowrap">
          Page {numbers.format(page)} of {about}
          {numbers.format(pages)}
        </span>
        <Button
          variant="secondary"
          size="sm"
          disabled={totalIsEstimate ? to < page * perPage : page >= pages}
          onClick={() => onPageChange(page + 1)}
          aria-label="Next page"
        >
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}
