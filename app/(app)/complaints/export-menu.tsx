"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** Downloads the list as it is filtered, in the import format (streamed by the export route). */
export function ExportMenu({ query, total }: { query: string; total: number }) {
  const href = (excel: boolean) =>
    `/api/v1/complaints/export?${[query, excel ? "excel=1" : ""].filter(Boolean).join("&")}`;
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
        <DropdownMenuItem asChild>
          <a href={href(false)} download>
            CSV (UTF-8, comma)
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={href(true)} download>
            Excel, Swedish locale (semicolon, BOM)
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
