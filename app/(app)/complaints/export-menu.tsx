"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { requestExportAction } from "@/lib/exports/actions";
import { useFormat } from "@/lib/i18n/hooks";

const FORMATS = [
  { excel: false, label: "csv" },
  { excel: true, label: "excel" },
] as const;

/**
 * Downloads the list as it is filtered, in the import format (streamed by the export route). Past
 * `threshold` complaints the file is prepared by the job runner instead and downloaded from Exports.
 */
export function ExportMenu({ query, total, threshold }: { query: string; total: number; threshold: number }) {
  const href = (excel: boolean) =>
    `/api/v1/complaints/export?${[query, excel ? "excel=1" : ""].filter(Boolean).join("&")}`;
  const t = useTranslations("complaints.export");
  const list = useTranslations("complaints");
  const format = useFormat();
  const asJob = total > threshold;
  const prepare = async (excel: boolean) => {
    const result = await requestExportAction({ query, excel });
    if ("error" in result) toast.error(result.error.message);
    else
      toast.success(t("preparing"), {
        description: t("preparingDescription"),
        action: { label: t("openExports"), onClick: () => window.location.assign("/exports") },
      });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary">
          <Download aria-hidden />
          {t("button")}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{list("asFiltered", { count: format.number(total) })}</DropdownMenuLabel>
        {asJob ? (
          <>
            <p className="max-w-64 px-2 pb-2 text-xs text-zinc-600">
              {t("background", { threshold: format.number(threshold) })}{" "}
              <Link href="/exports" className="text-brand-700 hover:underline">
                {t("exports")}
              </Link>
              .
            </p>
            {FORMATS.map((f) => (
              <DropdownMenuItem key={f.label} onSelect={() => void prepare(f.excel)}>
                {t("prepare", { format: t(f.label) })}
              </DropdownMenuItem>
            ))}
          </>
        ) : (
          FORMATS.map((f) => (
            <DropdownMenuItem key={f.label} asChild>
              <a href={href(f.excel)} download>
                {t(f.label)}
              </a>
            </DropdownMenuItem>
          ))
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
