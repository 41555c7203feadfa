"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import { deleteVolumeAction } from "@/lib/metric/actions";

type Row = {
  market: string;
  month: string;
  productId: string | null;
  productName: string | null;
  purchases: number;
  updatedAt: string;
};

/** One line per month: the market total, then each product that has volumes. */
export function VolumesTable({ volumes }: { volumes: Row[] }) {
  const t = useTranslations("volumes.table");
  const format = useFormat();
  const [pending, start] = useTransition();
  if (volumes.length === 0) return <p className="px-5 py-4 text-sm text-zinc-600">{t("empty")}</p>;
  const products = [
    ...new Map(volumes.filter((v) => v.productId).map((v) => [v.productId!, v.productName ?? t("product")])).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const months = [...new Set(volumes.map((v) => v.month))];
  const cell = (month: string, productId: string | null) =>
    volumes.find((v) => v.month === month && v.productId === productId);
  const remove = (row: Row) =>
    start(async () => {
      const what = { market: row.market, month: format.month(row.month), product: row.productName ?? "" };
      if (!window.confirm(row.productId ? t("confirmDeleteProduct", what) : t("confirmDeleteTotal", what))) return;
      const result = await deleteVolumeAction({ market: row.market, month: row.month, productId: row.productId ?? "" });
      if ("data" in result) toast.success(t("deleted", { month: format.month(row.month) }));
      else toast.error(result.error.message);
    });
  const show = (row: Row | undefined) =>
    row ? (
      <span className="inline-flex items-center gap-1">
        <span title={t("updated", { date: format.day(row.updatedAt) })}>{format.number(row.purchases)}</span>
        <Button
          variant="ghost"
          size="sm"
          className="h-6 px-1 text-zinc-500 hover:text-red-700"
          disabled={pending}
          onClick={() => remove(row)}
          aria-label={
            row.productId
              ? t("deleteProduct", { product: row.productName ?? t("product"), month: format.month(row.month) })
              : t("deleteTotal", { month: format.month(row.month) })
          }
        >
          <X />
        </Button>
      </span>
    ) : (
      <span className="text-zinc-500">—</span>
    );
  return (
    <div className="max-h-[70vh] overflow-y-auto">
      <Table aria-label={t("label")}>
        <THead className="sticky top-0">
          <TR>
            <TH scope="col">{t("month")}</TH>
            <TH scope="col" className="text-right">
              {t("marketTotal")}
            </TH>
            {products.map(([id, name]) => (
              <TH key={id} scope="col" className="text-right">
                {name}
              </TH>
            ))}
          </TR>
        </THead>
        <TBody>
          {months.map((month) => (
            <TR key={month}>
              <TH scope="row" className="text-left font-medium whitespace-nowrap text-zinc-900">
                {format.month(month)}
              </TH>
              <TD className="text-right font-medium tabular-nums">{show(cell(month, null))}</TD>
              {products.map(([id]) => (
                <TD key={id} className="text-right text-zinc-600 tabular-nums">
                  {show(cell(month, id))}
                </TD>
              ))}
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
