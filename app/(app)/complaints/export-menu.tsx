"use client";

import { Download } from "lucide-react";
import Link from "next/link";
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

const FORMATS = [
  { excel: false, label: "CSV (UTF-8, comma)" },
  { excel: true, label: "Excel, Swedish locale (semicolon, BOM)" },
];

/**
 * Downloads the list as it is filtered, in the import format (streamed by the export route). Past
 * `threshold` complaints the file is prepared by the job runner instead and downloaded from Exports.
 */
export function ExportMenu({ query, total, threshold }: { query: string; total: number; threshold: number }) {
  const href = (excel: boolean) =>
    `/api/v1/complaints/export?${[query, excel ? "excel=1" : ""].filter(Boolean).join("&")}`;
  const asJob = total > threshold;
  const prepare = async (excel: boolean) => {
    const result = await requestExportAction({ query, excel });
    if ("error" in result) toast.error(result.error.message);
    else
      toast.success("The export is being prepared", {
        description: "Download it from Exports when it is ready.",
        action: { label: "Open Exports", onClick: () => window.location.assign("/exports") },
      });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary">
          <Download aria-hidden />
          Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{total.toLocaleString("sv-SE")} complaints as filtered</DropdownMenuLabel>
        {asJob ? (
          <>
            <p className="max-w-64 px-2 pb-2 text-xs text-zinc-600">
              More than {threshold.toLocaleString("sv-SE")}: the file is prepared in the background and downloaded from{" "}
              <Link href="/exports" className="text-brand-700 hover:underline">
                Exports
              </Link>
              .
            </p>
            {FORMATS.map((f) => (
              <DropdownMenuItem key={f.label} onSelect={() => void prepare(f.excel)}>
                Prepare {f.label}
              </DropdownMenuItem>
            ))}
          </>
        ) : (
          FORMATS.map((f) => (
            <DropdownMenuItem key={f.label} asChild>
              <a href={href(f.excel)} download>
                {f.label}
              </a>
            </DropdownMenuItem>
          ))
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
