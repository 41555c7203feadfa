"use client";

import { Columns3 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Density } from "./data-table";

/** Column choice and row density, in one menu. */
export function DataTableViewOptions({
  columns,
  visible,
  onToggle,
  density,
  onDensityChange,
}: {
  columns: { id: string; label: string }[];
  visible: Record<string, boolean>;
  onToggle: (id: string, show: boolean) => void;
  density: Density;
  onDensityChange: (density: Density) => void;
}) {
  const t = useTranslations("table");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm">
          <Columns3 /> {t("view")}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{t("columns")}</DropdownMenuLabel>
        {columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={visible[column.id] !== false}
            onCheckedChange={(checked) => onToggle(column.id, checked === true)}
            onSelect={(event) => event.preventDefault()}
          >
            {column.label}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("density")}</DropdownMenuLabel>
        {(["comfortable", "compact"] as const).map((d) => (
          <DropdownMenuCheckboxItem key={d} checked={density === d} onCheckedChange={() => onDensityChange(d)}>
            {t(d)}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
